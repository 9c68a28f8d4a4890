// What an image service takes (and the image as it gets it), as pure arithmetic on pixel sizes: shared by the
// server, which checks a source before any money moves (lib/posters/source-image.ts), and the print panel, which works out
// what each upscaler would make of the art before anyone runs one. Every message names the limit broken, in pixels.

export interface ImageLimits {
  /** px, each side (64 for most; Fast Upscale 32) */
  minSide: number;
  /** px, each side (Fast Upscale 1536) */
  maxSide?: number;
  /** total (Fast Upscale 1024, Creative 4096) */
  minPixels?: number;
  /** total (9_437_184 most; 1_048_576 Fast/Creative upscale) */
  maxPixels: number;
  /** long side / short side (2.5 for most; Infinity where none is stated) */
  maxAspect: number;
  /** The service accepts a smaller image: too many pixels → downsize to fit instead of refusing. */
  downsize: boolean;
}

export interface CheckedImage {
  /** The image as the service gets it: the file as uploaded when it fits as it is (every service takes PNG, JPEG and
   * WebP), else re-encoded as PNG at its new size or orientation. */
  bytes: Buffer;
  width: number;
  height: number;
  format: "png" | "jpeg" | "webp";
}

// Beyond this nothing is decoded, even to downsize: a small file can declare a huge canvas (a decompression bomb),
// and 50 MP of RGBA is already 200 MB of memory.
export const DECODE_LIMIT = 50_000_000;

const n = (value: number) => value.toLocaleString("en-US");
const mp = (pixels: number) => `${(pixels / 1_000_000).toFixed(1)} megapixels`;
const ratio = (value: number) => `1:${Number(value.toFixed(2))}`;

export type Fit = { ok: true; width: number; height: number } | { ok: false; message: string };

/** The size the service gets an image at (its own, or downsized to fit), or why it can't take it. `subject`
 *  starts the sentence: "The image", "The mask", "The art". */
export function fitWithin(width: number, height: number, limits: ImageLimits, subject = "The image"): Fit {
  const refuse = (message: string): Fit => ({ ok: false, message });
  const size = `${subject} is ${n(width)}×${n(height)} px`;
  const [long, short] = [Math.max(width, height), Math.min(width, height)];

  if (long / short > limits.maxAspect) {
    return refuse(
      `${size}: its sides must be within ${ratio(limits.maxAspect)} of each other (it is ${ratio(long / short)}).`,
    );
  }
  if (short < limits.minSide) return refuse(`${size}: each side must be at least ${n(limits.minSide)} px.`);
  if (limits.minPixels && width * height < limits.minPixels) {
    return refuse(`${size} (${n(width * height)} pixels): it must have at least ${n(limits.minPixels)} pixels.`);
  }
  const target = sizeWithin(width, height, limits);
  if (target.width !== width || target.height !== height) {
    if (!limits.downsize) {
      if (limits.maxSide && long > limits.maxSide) {
        return refuse(`${size}: each side must be at most ${n(limits.maxSide)} px.`);
      }
      return refuse(`${size} (${mp(width * height)}): it can have at most ${n(limits.maxPixels)} pixels.`);
    }
    if (width * height > DECODE_LIMIT) {
      return refuse(`${size} (${mp(width * height)}): OneSheet reads images of at most ${mp(DECODE_LIMIT)}.`);
    }
    if (target.width < limits.minSide || target.height < limits.minSide) {
      return refuse(
        `${size}: shrunk to fit ${n(limits.maxPixels)} pixels, a side would be under ${limits.minSide} px.`,
      );
    }
  }
  return { ok: true, ...target };
}

/** The largest size within the limits at the image's aspect (the image's own size if it already fits). */
export function sizeWithin(width: number, height: number, limits: ImageLimits): { width: number; height: number } {
  let scale = Math.min(1, Math.sqrt(limits.maxPixels / (width * height)));
  if (limits.maxSide) scale = Math.min(scale, limits.maxSide / Math.max(width, height));
  if (scale === 1) return { width, height };
  let w = Math.max(1, Math.floor(width * scale));
  let h = Math.max(1, Math.floor(height * scale));
  // Rounding can leave a pixel row too many: shave the longer side until it fits.
  while (w * h > limits.maxPixels) {
    if (w >= h) w--;
    else h--;
  }
  return { width: w, height: h };
}

// How far a model's answer may stray from the size expected of it: real outputs are exact, but the tolerance keeps a
// paid image should AWS round a size differently; a 2×3 px "poster" is far outside it.
const SIZE_TOLERANCE = 0.25;
const near = (actual: number, expected: number) => Math.abs(actual - expected) <= expected * SIZE_TOLERANCE;

/** Whether a decoded answer is the picture it should be: the documented size (within the tolerance), or, where AWS
 *  documents none (`shapeOnly`), the expected shape and no sliver (each side ≥ 64 px). */
export function matchesExpectedSize(
  actual: { width: number; height: number },
  expected: { width: number; height: number; shapeOnly?: boolean },
): boolean {
  if (expected.shapeOnly) {
    return (
      near(actual.width / actual.height, expected.width / expected.height) &&
      Math.min(actual.width, actual.height) >= 64
    );
  }
  return near(actual.width, expected.width) && near(actual.height, expected.height);
}
