// WCAG 2 contrast between a layer's colour and the art behind it: relative luminance from sRGB (the spec's
// linearisation), the ratio (L1 + 0.05) / (L2 + 0.05), and the art's luminance read from its pixels under the layer's
// box. Pure, so the editor computes it in the browser from the preview's own pixels and the tests check it against
// WCAG's documented values.

/** WCAG's minimum for body-size text (AA), and for large text such as a title. */
export const MIN_CONTRAST = { text: 4.5, large: 3 } as const;

export type Rgb = readonly [number, number, number];

/** "#F5C542" → [245, 197, 66]; also the short form "#777"; undefined for anything else. */
export function parseHex(hex: string): Rgb | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) return undefined;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join("") : m[1];
  const channel = (i: number) => Number.parseInt(digits.slice(i, i + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

// sRGB channel (0–255) → linear light, per WCAG 2.x (its 0.04045 threshold, as in IEC 61966-2-1).
const LINEAR = Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * (LINEAR[r] ?? 0) + 0.7152 * (LINEAR[g] ?? 0) + 0.0722 * (LINEAR[b] ?? 0);
}

/** The contrast ratio of two luminances, 1 to 21, whichever is lighter. */
export function contrastRatio(a: number, b: number): number {
  const [light, dark] = a > b ? [a, b] : [b, a];
  return (light + 0.05) / (dark + 0.05);
}

export interface PixelArea {
  /** RGBA, row by row (an ImageData's `data`, or sharp's raw output with 4 channels). */
  data: ArrayLike<number>;
  width: number;
  height: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The typical luminance of a set of pixels' luminances: their median. (A mean of linear light lets a bright moon in
 * a corner of the box outvote the dark city filling the rest of it; the median is what most of the text sits on.) */
export function typicalLuminance(values: number[]): { median: number; low: number; high: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { median: at(0.5), low: at(0.1), high: at(0.9) };
}

/** The art's luminance behind a box: the median of its pixels' relative luminances, and the 10th/90th percentiles
 * so a busy patch can be told apart. */
export function luminanceUnder(pixels: PixelArea, box: Box): { median: number; low: number; high: number } | undefined {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(pixels.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(pixels.height, Math.ceil(box.y + box.height));
  if (x1 <= x0 || y1 <= y0) return undefined;
  // Every second pixel each way on a large box: a 520 px preview's title box is ~20,000 pixels, read in a millisecond.
  const step = (x1 - x0) * (y1 - y0) > 40_000 ? 2 : 1;
  const values: number[] = [];
  for (let y = y0; y < y1; y += step)
    for (let x = x0; x < x1; x += step) {
      const i = (y * pixels.width + x) * 4;
      values.push(relativeLuminance([pixels.data[i] ?? 0, pixels.data[i + 1] ?? 0, pixels.data[i + 2] ?? 0]));
    }
  return typicalLuminance(values);
}

/** A colour's contrast against the art behind a box: the ratio against the area's median luminance, and the worst
 * ratio against its light or dark tenth (the part of the box where the text is hardest to read). */
export function contrastAgainst(color: string, pixels: PixelArea, box: Box) {
  const rgb = parseHex(color);
  const under = luminanceUnder(pixels, box);
  if (!rgb || !under) return undefined;
  const text = relativeLuminance(rgb);
  return {
    ratio: contrastRatio(text, under.median),
    worst: Math.min(contrastRatio(text, under.low), contrastRatio(text, under.high)),
  };
}
