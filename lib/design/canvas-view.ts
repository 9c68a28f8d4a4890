import * as z from "zod/mini";
import { LAYER_IDS } from "./schema";

// POST /api/posters/{id}/design/canvas's answer: the composed preview and the same picture in layers, for the
// editor's canvas. Parsed by the browser on read, so a layer it can't place is an error, not a guess.

const dataUrl = z.string().check(z.regex(/^data:image\/(png|webp);base64,[A-Za-z0-9+/=]+$/));

export const canvasLayerSchema = z.object({
  layer: z.enum(LAYER_IDS),
  /** The layer's box on the canvas, in px of the canvas (the answer's width × height). */
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  /** How wide the ink is, centred in the box. */
  inkWidth: z.number(),
  fontSize: z.number(),
  /** The colour the layer is set in: the design's, or the automatic light or dark. */
  color: z.string(),
  logo: z.boolean(),
  /** The layer alone: transparent, the canvas's size. */
  png: dataUrl,
});
export type CanvasLayer = z.output<typeof canvasLayerSchema>;

export const canvasViewSchema = z.object({
  width: z.number(),
  height: z.number(),
  /** The composed preview, as the saved file will look. */
  composed: dataUrl,
  /** The art under its scrim: what the layers sit on. */
  ground: dataUrl,
  layers: z.array(canvasLayerSchema),
  warnings: z.array(z.string()),
  placement: z.optional(z.string()),
});
export type CanvasView = z.output<typeof canvasViewSchema>;
