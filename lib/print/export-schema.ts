import * as z from "zod/mini";
import { MAX_BLEED_IN, MAX_SIDE_IN, PRINT_SIZE_IDS } from "./sizes";

// POST /api/posters/{id}/exports, shared by the route and the editor's print panel: what a print master is asked for.

export const EXPORT_FORMATS = ["pdf", "tiff"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const SIZE_CHOICES = `${PRINT_SIZE_IDS.join(", ")}, or a custom {widthIn, heightIn} up to ${MAX_SIDE_IN} in a side`;

const side = (what: string) =>
  z
    .number({ error: `The custom ${what} must be a number of inches.` })
    .check(
      z.gte(1, `The custom ${what} must be at least 1 in.`),
      z.lte(MAX_SIDE_IN, `The custom ${what} can be at most ${MAX_SIDE_IN} in: larger prints are made in sections.`),
    );

const customSize = z.strictObject(
  { widthIn: side("width"), heightIn: side("height") },
  { error: `Pick a print size: ${SIZE_CHOICES}.` },
);

const sizeField = z.union([z.enum(PRINT_SIZE_IDS), customSize], {
  // A custom size that is only out of range says what is wrong with it, not the whole list.
  error: (issue) => {
    const input = issue.input;
    if (input && typeof input === "object" && !Array.isArray(input)) {
      const result = customSize.safeParse(input);
      if (!result.success) return result.error.issues[0]?.message;
    }
    return `Pick a print size: ${SIZE_CHOICES}.`;
  },
});

export const exportRequestSchema = z.strictObject(
  {
    format: z.enum(EXPORT_FORMATS, { error: "Pick a format: pdf or tiff." }),
    size: sizeField,
    bleedIn: z.optional(
      z
        .number({ error: "The bleed must be a number of inches." })
        .check(
          z.gte(0, "The bleed can't be negative."),
          z.lte(MAX_BLEED_IN, `The bleed can be at most ${MAX_BLEED_IN} in.`),
        ),
    ),
    /** TIFF only: pixels per inch of the file; by default the art's own resolution (up to 300), never upsampled. */
    ppi: z.optional(
      z
        .number({ error: "The resolution must be a number of pixels per inch." })
        .check(
          z.int("The resolution must be a whole number."),
          z.gte(72, "At least 72 ppi."),
          z.lte(300, "At most 300 ppi."),
        ),
    ),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `Unknown export setting: ${issue.keys.join(", ")}.` : undefined,
  },
);

export type ExportRequest = z.output<typeof exportRequestSchema>;
export type ExportRequestInput = z.input<typeof exportRequestSchema>;
