import sharp from "sharp";
import type { Rgba } from "./pixels";

// Masks as AWS reads them for Inpaint and Erase: black keeps, white repaints, grey repaints partly; a mask of another
// size is resized to the image; with no mask the image's own transparency is the mask; grow_mask widens it with a
// soft edge. A mask here is one byte per pixel at the image's size (0 = keep … 255 = repaint fully).

/** Decodes a mask image at width×height: stretched if its size differs (AWS resizes rather than refusing). */
export async function readMask(mask: Buffer, width: number, height: number): Promise<Uint8Array> {
  // Transparent parts of a painted mask count as black (unpainted), the way a brush layer reads.
  const data = await sharp(mask)
    .flatten({ background: "#000000" })
    // Bilinear: a box edge spreads by at most a pixel, with none of Lanczos's ringing far outside the painted area.
    .resize(width, height, { fit: "fill", kernel: "linear" })
    .greyscale()
    .extractChannel(0)
    .raw()
    .toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** No mask given: the transparent pixels are the ones to repaint (255 − alpha). An opaque image yields nothing. */
export function maskFromAlpha(image: Rgba): Uint8Array {
  const out = new Uint8Array(image.width * image.height);
  for (let p = 0; p < out.length; p++) out[p] = 255 - (image.data[p * 4 + 3] as number);
  return out;
}

// Running maximum over a window of 2r+1 along one line (van Herk / Gil-Werman: three passes whatever r is).
function maxLine(src: Uint8Array, start: number, stride: number, n: number, r: number, out: Uint8Array): void {
  const k = 2 * r + 1;
  const len = n + 2 * r;
  const padded = new Uint8Array(len);
  for (let i = 0; i < n; i++) padded[i + r] = src[start + i * stride] as number;
  const g = new Uint8Array(len);
  const h = new Uint8Array(len);
  for (let j = 0; j < len; j++)
    g[j] = j % k === 0 ? (padded[j] as number) : Math.max(g[j - 1] as number, padded[j] as number);
  for (let j = len - 1; j >= 0; j--) {
    h[j] = j % k === k - 1 || j === len - 1 ? (padded[j] as number) : Math.max(h[j + 1] as number, padded[j] as number);
  }
  for (let x = 0; x < n; x++) out[start + x * stride] = Math.max(h[x] as number, g[x + 2 * r] as number);
}

function dilate(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) maxLine(mask, y * width, 1, width, r, rows);
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) maxLine(rows, x, width, height, r, out);
  return out;
}

/**
 * Grows the mask outward by `grow` px (0–20 on AWS) and softens the grown ring. Nothing beyond `grow` px of the
 * original mask is touched, and the original mask never gets weaker.
 */
export async function growMask(mask: Uint8Array, width: number, height: number, grow: number): Promise<Uint8Array> {
  const r = Math.max(0, Math.round(grow));
  if (r === 0) return mask;
  const grown = dilate(mask, width, height, r);
  const soft = await sharp(Buffer.from(grown.buffer, grown.byteOffset, grown.length), {
    raw: { width, height, channels: 1 },
  })
    .blur(Math.max(0.3, r / 2))
    .extractChannel(0)
    .raw()
    .toBuffer();
  const out = new Uint8Array(mask.length);
  for (let p = 0; p < out.length; p++) {
    const limit = grown[p] as number;
    out[p] = limit === 0 ? 0 : Math.max(mask[p] as number, Math.min(limit, soft[p] as number));
  }
  return out;
}

/** The mask an Inpaint/Erase request means: the given mask (resized) or the image's transparency, then grown. */
export async function resolveMask(image: Rgba, mask: Buffer | undefined, grow: number): Promise<Uint8Array> {
  const base = mask ? await readMask(mask, image.width, image.height) : maskFromAlpha(image);
  return growMask(base, image.width, image.height, grow);
}
