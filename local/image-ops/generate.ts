import sharp from "sharp";
import type { AspectRatio } from "../../lib/models/aspect-ratios";
import { STABLE_IMAGE_SIZES } from "../../lib/models/stable-image";
import { artRgba } from "./art-at";
import { channelStats, encodePng, readRgba, transferColours } from "./pixels";
import type { Size } from "./upscale";

// The operations that make new art from an input image rather than editing it in place: Control Sketch/Structure
// (new art shaped by the input's lines and shading), Style Guide (new art in the input's palette) and Vary (the
// input pushed towards new art by `strength`).

const INK = [11, 11, 18] as const;

/** Edge strength 0–1 per pixel of a greyscale image (Sobel magnitude, saturating early so pencil lines count). */
function edges(grey: Buffer, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  const at = (x: number, y: number) =>
    grey[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))] as number;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const gx =
        at(x + 1, y - 1) + 2 * at(x + 1, y) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x - 1, y) - at(x - 1, y + 1);
      const gy =
        at(x - 1, y + 1) + 2 * at(x, y + 1) + at(x + 1, y + 1) - at(x - 1, y - 1) - 2 * at(x, y - 1) - at(x + 1, y - 1);
      out[y * width + x] = Math.min(1, (Math.abs(gx) + Math.abs(gy)) / 255);
    }
  }
  return out;
}

/**
 * Control Sketch / Control Structure: art for the prompt at `size` (default: the control image's size) whose
 * shading follows the control image's light and dark and whose lines are drawn in ink along its edges, both by
 * `strength` (control_strength 0–1; 0 ignores the control image).
 */
export async function controlImage(
  image: Buffer,
  prompt: string,
  strength: number,
  seed: number,
  size?: Size,
): Promise<Buffer> {
  const meta = await sharp(image).metadata();
  const width = size?.width ?? meta.width;
  const height = size?.height ?? meta.height;
  if (!width || !height) throw new Error("controlImage: the control image has no size");
  const grey = await sharp(image)
    .flatten({ background: "#ffffff" })
    .resize(width, height, { fit: "fill" })
    .greyscale()
    .extractChannel(0)
    .raw()
    .toBuffer();
  const art = await artRgba(prompt, seed, width, height);
  const e = edges(grey, width, height);
  const s = Math.min(1, Math.max(0, strength));
  for (let p = 0; p < width * height; p++) {
    const shade = 1 - s * 0.7 * (1 - (grey[p] as number) / 255);
    const line = s * (e[p] as number);
    for (let c = 0; c < 3; c++) {
      const i = p * 4 + c;
      art[i] = Math.round((art[i] as number) * shade * (1 - line) + (INK[c] as number) * line);
    }
  }
  return encodePng({ data: art, width, height, hasAlpha: false });
}

/**
 * Style Guide: new art for the prompt at the aspect ratio's SD3.5 size (lib/models/stable-image.ts), its colours
 * moved towards the reference image's palette — by 30% at fidelity 0 up to fully at fidelity 1.
 */
export async function styleGuide(
  image: Buffer,
  prompt: string,
  fidelity: number,
  aspectRatio: AspectRatio,
  seed: number,
): Promise<Buffer> {
  const { width, height } = STABLE_IMAGE_SIZES[aspectRatio];
  const ref = await readRgba(image);
  const art = await artRgba(prompt, seed, width, height);
  const f = Math.min(1, Math.max(0, fidelity));
  transferColours(art, width * height, channelStats(ref.data, ref.width * ref.height), 0.3 + 0.7 * f);
  return encodePng({ data: art, width, height, hasAlpha: false });
}

/**
 * Vary (SD3.5 / Ultra image-to-image): the input's size; the input, softened, is mixed with new art for the prompt
 * in the input's own colours, by `strength` (0 returns the input's pixels, 1 is mostly new art).
 */
export async function vary(image: Buffer, prompt: string, strength: number, seed: number): Promise<Buffer> {
  const src = await readRgba(image);
  const s = Math.min(1, Math.max(0, strength));
  if (s === 0) return encodePng(src);
  const pixels = src.width * src.height;
  const soft = await sharp(src.data, { raw: { width: src.width, height: src.height, channels: 4 } })
    .blur(0.3 + s * 6)
    .raw()
    .toBuffer();
  const art = await artRgba(prompt, seed, src.width, src.height);
  transferColours(art, pixels, channelStats(src.data, pixels), 1);
  const mix = s * 0.85;
  const out = Buffer.from(src.data);
  for (let i = 0; i < pixels * 4; i++) {
    if (i % 4 === 3) continue;
    out[i] = Math.round((soft[i] as number) * (1 - mix) + (art[i] as number) * mix);
  }
  return encodePng({ ...src, data: out });
}
