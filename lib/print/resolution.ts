import { type PrintSize, pageInches } from "./sizes";

// How art fills a print page: the crop that covers trim + bleed without stretching, and the resolution that leaves
// the art at (pixels per inch of the page). Pure arithmetic, shared by the export and the editor's print panel.

/** Below this a poster looks soft at arm's length; the trade asks for 300 at viewing distances under a metre. */
export const MIN_PRINT_PPI = 150;
export const FULL_PRINT_PPI = 300;
/** A crop of more than this share of the art is worth reframing instead. */
const NOTABLE_CROP = 0.02;

export interface Crop {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The largest centred region of a `width`×`height` image with the page's ratio (cover, never stretch). */
export function coverCrop(width: number, height: number, size: PrintSize): Crop {
  const page = pageInches(size);
  const ratio = page.widthIn / page.heightIn;
  if (width / height > ratio) {
    const w = Math.min(width, Math.round(height * ratio));
    return { left: Math.floor((width - w) / 2), top: 0, width: w, height };
  }
  const h = Math.min(height, Math.round(width / ratio));
  return { left: 0, top: Math.floor((height - h) / 2), width, height: h };
}

/** Pixels per inch the art gives on the page (the crop spans trim + bleed), rounded down: never flattering. */
export function effectivePpi(crop: { width: number; height: number }, size: PrintSize): number {
  const page = pageInches(size);
  return Math.floor(Math.min(crop.width / page.widthIn, crop.height / page.heightIn));
}

/** Art cut away to fill the page, when it is worth reframing instead (the resolution's warning: print-advice.ts). */
export function cropWarning(art: { width: number; height: number }, crop: Crop): string | undefined {
  const cutX = 1 - crop.width / art.width;
  const cutY = 1 - crop.height / art.height;
  if (cutX > NOTABLE_CROP) {
    return `The art is wider than the page: ${Math.round(cutX * 100)}% is cropped from the sides. Reframe it to this shape to keep it all.`;
  }
  if (cutY > NOTABLE_CROP) {
    return `The art is taller than the page: ${Math.round(cutY * 100)}% is cropped from the top and bottom. Reframe it to this shape to keep it all.`;
  }
  return undefined;
}
