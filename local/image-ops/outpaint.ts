import sharp from "sharp";
import { artRgba } from "./art-at";
import { channelStats, encodePng, readRgba, transferColours } from "./pixels";

export interface Margins {
  left: number;
  right: number;
  up: number;
  down: number;
}

/**
 * Outpaint: a canvas of the source plus the margins. The source sits at (left, up) byte-for-byte; each margin
 * starts as the mirrored edge (so lines and colours carry on), softens with distance, and fades into new art for
 * the prompt tinted with the source's colours.
 */
export async function outpaint(image: Buffer, margins: Margins, seed: number, prompt = ""): Promise<Buffer> {
  for (const side of ["left", "right", "up", "down"] as const) {
    const v = margins[side];
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`outpaint: ${side} must be a whole number of px ≥ 0`);
  }
  const src = await readRgba(image);
  const { left, right, up, down } = margins;
  const W = src.width + left + right;
  const H = src.height + up + down;
  const extend = { top: up, bottom: down, left, right, extendWith: "mirror" as const };
  const raw = { width: src.width, height: src.height, channels: 4 } as const;
  const [mirror, art] = await Promise.all([
    sharp(src.data, { raw }).extend(extend).raw().toBuffer(),
    artRgba(prompt, seed, W, H),
  ]);
  // Blurred after the extend, so the mirrored edge softens too (not only the source).
  const soft = await sharp(mirror, { raw: { width: W, height: H, channels: 4 } })
    .blur(Math.max(2, Math.min(W, H) / 80))
    .raw()
    .toBuffer();
  transferColours(art, W * H, channelStats(src.data, src.width * src.height), 0.8);

  // Written into the mirror buffer in place (each pixel reads only its own mirror value first): one canvas-sized
  // buffer fewer, which matters when 2000 px margins make the canvas tens of megapixels.
  const out = mirror;
  const fade = Math.max(32, 0.3 * Math.max(src.width, src.height));
  const x1 = left + src.width - 1;
  const y1 = up + src.height - 1;
  for (let y = 0; y < H; y++) {
    const dy = y < up ? up - y : y > y1 ? y - y1 : 0;
    for (let x = 0; x < W; x++) {
      const dx = x < left ? left - x : x > x1 ? x - x1 : 0;
      if (dx === 0 && dy === 0) {
        x = x1;
        continue;
      }
      const i = (y * W + x) * 4;
      const d = Math.sqrt(dx * dx + dy * dy);
      const toSoft = Math.min(1, d / 24);
      const toArt = 0.8 * Math.min(1, d / fade);
      for (let c = 0; c < 3; c++) {
        const edge = (mirror[i + c] as number) * (1 - toSoft) + (soft[i + c] as number) * toSoft;
        out[i + c] = Math.round(edge * (1 - toArt) + (art[i + c] as number) * toArt);
      }
      out[i + 3] = 255;
    }
  }
  // The source goes back in byte for byte, whatever the extend did at its edges.
  const row = src.width * 4;
  for (let y = 0; y < src.height; y++) src.data.copy(out, ((y + up) * W + left) * 4, y * row, y * row + row);
  return encodePng({ data: out, width: W, height: H, hasAlpha: src.hasAlpha });
}
