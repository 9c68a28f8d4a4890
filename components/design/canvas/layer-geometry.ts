import { type DesignInput, designSchema, type LayerId, type LayerPlacement } from "@/lib/design/schema";
import type { CanvasPictures } from "../use-preview";
import type { Ink } from "./snap";

// A canvas layer as the browser moves it: where the server drew its picture (the last answer), where the design
// now wants it, and the CSS that takes the one to the other — so a move shows at once, before the server redraws.

export const LAYER_NAMES: Record<LayerId, string> = {
  aboveTitle: "Above-the-title credits",
  title: "Title",
  tagline: "Tagline",
  billing: "Billing block",
  date: "Release date",
};

export interface CanvasLayerState {
  layer: LayerId;
  /** Its picture (transparent, the canvas's size) and the colour it is set in. */
  url: string;
  color: string;
  logo: boolean;
  /** The centre and scale its picture was drawn at. */
  drawn: LayerPlacement;
  /** Its ink at scale 1, in fractions of the poster. */
  ink: Ink;
  /** Where the design puts it now. */
  target: LayerPlacement;
}

/** The order Tab takes through the layers: a one-sheet's reading order, top to bottom, whatever the template. */
const READING_ORDER: LayerId[] = ["tagline", "aboveTitle", "title", "date", "billing"];

/** Each layer of the last answer, in reading order, with where the design puts it now (its drawn place when the
 * design doesn't say). */
export function canvasLayers(pictures: CanvasPictures, design: DesignInput): CanvasLayerState[] {
  const drawnDesign = designSchema.safeParse(JSON.parse(pictures.body));
  const drawnLayers = drawnDesign.success ? drawnDesign.data.layers : undefined;
  const { width: W, height: H } = pictures;
  const order = (l: { layer: LayerId }) => READING_ORDER.indexOf(l.layer);
  return [...pictures.layers]
    .sort((a, b) => order(a) - order(b))
    .map((l) => {
      const scale = drawnLayers?.[l.layer]?.scale ?? 1;
      const drawn = { x: (l.x + l.width / 2) / W, y: (l.y + l.height / 2) / H, scale };
      const wanted = design.layers?.[l.layer];
      return {
        layer: l.layer,
        url: l.url,
        color: l.color,
        logo: l.logo,
        drawn,
        ink: { x: drawn.x, y: drawn.y, width: l.inkWidth / scale / W, height: l.height / scale / H },
        target: wanted ? { x: wanted.x, y: wanted.y, scale: wanted.scale ?? 1 } : drawn,
      };
    });
}

/** The CSS transform that takes a layer's picture from where it was drawn to `to` (its origin: the drawn centre). */
export function pictureTransform(l: CanvasLayerState, to: LayerPlacement) {
  return {
    transformOrigin: `${l.drawn.x * 100}% ${l.drawn.y * 100}%`,
    transform: `translate(${(to.x - l.drawn.x) * 100}%, ${(to.y - l.drawn.y) * 100}%) scale(${to.scale / l.drawn.scale})`,
  };
}

/** The layer's ink box at `to`, in % of the canvas (for its handle on the canvas). */
export function inkRect(l: CanvasLayerState, to: LayerPlacement) {
  const w = l.ink.width * to.scale;
  const h = l.ink.height * to.scale;
  return {
    left: `${(to.x - w / 2) * 100}%`,
    top: `${(to.y - h / 2) * 100}%`,
    width: `${w * 100}%`,
    height: `${h * 100}%`,
  };
}

/** The ink box at `to` in the canvas's pixels (for reading the art behind it). */
export function inkPixels(l: CanvasLayerState, to: LayerPlacement, width: number, height: number) {
  const w = l.ink.width * to.scale * width;
  const h = l.ink.height * to.scale * height;
  return { x: to.x * width - w / 2, y: to.y * height - h / 2, width: w, height: h };
}

export const samePlace = (a: LayerPlacement, b: LayerPlacement) =>
  Math.abs(a.x - b.x) < 1e-4 && Math.abs(a.y - b.y) < 1e-4 && Math.abs(a.scale - b.scale) < 1e-4;
