import "server-only";
import sharp from "sharp";
import { layoutDesign, type TextBox } from "../design/layout";
import { bundledMeasure } from "../design/metrics";
import { artDetail, autoColor, letteringSvg, type Pixels } from "../design/render";
import type { Design } from "../design/schema";
import type { PrintSize } from "./sizes";

// The design's lettering for a print size: the same layout and the same satori outlines as the screen version, laid
// out on the trim in points (1/72 in), so a PDF draws the paths as vectors and a TIFF rasterises them at any ppi.

export const PT_PER_IN = 72;

export interface OutlinePath {
  d: string;
  fill: string;
}

export interface PrintLettering {
  /** Satori's glyph outlines, in points from the trim's top-left corner. */
  paths: OutlinePath[];
  /** Where the title logo goes, in points from the trim's top-left corner (drawn as an image by the caller). */
  logoBox?: TextBox;
  warnings: string[];
  widthPt: number;
  heightPt: number;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The filled paths of satori's SVG (its masks and clip rectangles are not text). */
export function outlinePaths(svg: string): OutlinePath[] {
  const paths: OutlinePath[] = [];
  for (const match of svg.matchAll(/<path\b[^>]*>/g)) {
    const d = attribute(match[0], "d");
    const fill = attribute(match[0], "fill");
    if (d && fill && fill !== "none") paths.push({ d, fill });
  }
  return paths;
}

/**
 * Lays the design out on the trim and sets it. `trimPixels` is the art as it falls inside the trim (any size with
 * the trim's ratio): the automatic text colour is read from it, as the screen version reads it from the art.
 */
export async function printLettering(
  design: Design,
  size: PrintSize,
  trimPixels: Pixels,
  logo?: { width: number; height: number },
): Promise<PrintLettering> {
  const widthPt = size.widthIn * PT_PER_IN;
  const heightPt = size.heightIn * PT_PER_IN;
  // The same measurements and the same calm-band placement as the screen version, on the trim.
  const trim = sharp(trimPixels.data, {
    raw: { width: trimPixels.width, height: trimPixels.height, channels: trimPixels.channels },
  });
  const layout = layoutDesign(design, widthPt, heightPt, {
    measure: bundledMeasure(),
    detail: design.titleY === "auto" ? await artDetail(trim) : undefined,
    logo: design.logo ? logo : undefined,
  });
  const k = trimPixels.width / widthPt;
  const svg = await letteringSvg(design, layout, widthPt, heightPt, (box) =>
    autoColor(
      trimPixels,
      { ...box, x: box.x * k, y: box.y * k, width: box.width * k, height: box.height * k },
      design.scrim,
    ),
  );
  const warnings = [...layout.warnings];
  const safePt = size.safeIn * PT_PER_IN;
  const outside = layout.boxes.filter(
    (b) =>
      b.x < safePt - 0.5 ||
      b.y < safePt - 0.5 ||
      b.x + b.width > widthPt - safePt + 0.5 ||
      b.y + b.height > heightPt - safePt + 0.5,
  );
  if (outside.length > 0) {
    warnings.push(
      `Some text (${outside.map((b) => b.layer).join(", ")}) comes within ${size.safeIn.toFixed(2)} in of the trim: a printer may cut into it.`,
    );
  }
  const logoBox = layout.boxes.find((box) => box.logo);
  return { paths: outlinePaths(svg), ...(logoBox ? { logoBox } : {}), warnings, widthPt, heightPt };
}

/** The outlines as an SVG of `width`×`height` px covering trim + bleed, for rasterising into a TIFF. */
export function letteringOverlay(lettering: PrintLettering, size: PrintSize, width: number, height: number): Buffer {
  const bleedPt = size.bleedIn * PT_PER_IN;
  const pageW = lettering.widthPt + 2 * bleedPt;
  const pageH = lettering.heightPt + 2 * bleedPt;
  const body = lettering.paths.map((p) => `<path fill="${p.fill}" d="${p.d}"/>`).join("");
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${pageW} ${pageH}" preserveAspectRatio="none"><g transform="translate(${bleedPt} ${bleedPt})">${body}</g></svg>`,
  );
}
