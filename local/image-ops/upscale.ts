import sharp from "sharp";
import { mulberry32 } from "./pixels";

// Upscale as sharp pipelines end to end: the source is decoded, resized and encoded in one streaming pass, so a
// 4096×6144 result never sits in memory as raw pixels in JS (that would be 100 MB per copy).

export interface Size {
  width: number;
  height: number;
}

/** The long side Conservative and Creative Upscale aim for: AWS says "4K" and gives no exact size. */
export const UPSCALE_LONG_SIDE = 4096;

/**
 * The emulator's rule for "upscale to 4K" (Conservative and Creative): scale so the long side is 4096 px, keeping the
 * aspect ratio (short side rounded to the nearest px, at least 1). Never shrinks: a source whose long side is
 * already ≥ 4096 keeps its size. Creative's inputs (≤ 1 MP) therefore grow 16× to 40× in pixels.
 */
export function fourKSize(width: number, height: number): Size {
  const scale = Math.max(1, UPSCALE_LONG_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export interface UpscaleOptions {
  /** Creative upscale's creativity (0.1–0.5): how much seeded grain ("invented detail") is laid over. */
  creativity?: number;
}

// A 64×64 tile of seeded grain, overlaid (tiled) at low opacity: the emulator's stand-in for invented detail.
function grainTile(seed: number, opacity: number): Promise<Buffer> {
  const size = 64;
  const rng = mulberry32(seed ^ 0x51ed270b);
  const data = Buffer.alloc(size * size * 4);
  for (let p = 0; p < size * size; p++) {
    const v = Math.round(rng() * 255);
    data.fill(v, p * 4, p * 4 + 3);
    data[p * 4 + 3] = Math.round(255 * opacity);
  }
  return sharp(data, { raw: { width: size, height: size, channels: 4 } })
    .png()
    .toBuffer();
}

/**
 * Fast Upscale: `upscale(image, 4, seed)` → exactly 4× width and 4× height (any whole factor works).
 * Conservative / Creative: `upscale(image, fourKSize(w, h), seed, { creativity })` → exactly that size.
 * Lanczos resampling (sharpening was left out: at 25 MP it costs ~15 s here); with `creativity` a seeded grain is overlaid. Alpha is kept if present.
 */
export async function upscale(
  image: Buffer,
  target: number | Size,
  seed: number,
  options: UpscaleOptions = {},
): Promise<Buffer> {
  const meta = await sharp(image).metadata();
  const { width, height } = meta;
  if (!width || !height) throw new Error("upscale: the image has no size");
  const size =
    typeof target === "number" ? { width: Math.round(width * target), height: Math.round(height * target) } : target;
  if (!(size.width >= 1 && size.height >= 1)) throw new RangeError("upscale: the target size must be at least 1×1");
  const pipeline = sharp(image).resize(size.width, size.height, { fit: "fill", kernel: "lanczos3" });
  const creativity = options.creativity ?? 0;
  // sharp composites after the resize, in the same streaming pass.
  if (creativity > 0) {
    pipeline.composite([
      { input: await grainTile(seed, Math.min(0.5, creativity) * 0.2), tile: true, blend: "overlay" },
    ]);
  }
  const big = size.width * size.height > 4_000_000;
  return pipeline.png({ compressionLevel: big ? 2 : 6 }).toBuffer();
}
