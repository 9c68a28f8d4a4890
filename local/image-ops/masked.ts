import { artRgba } from "./art-at";
import { fillFromSurroundings } from "./fill";
import { resolveMask } from "./mask";
import { blendByMask, channelStats, encodePng, mulberry32, readRgba, transferColours } from "./pixels";

export interface MaskOptions {
  /** grow_mask: px the mask is widened by, with a soft edge (AWS: 0–20, default 5). */
  growMask: number;
}

/**
 * Inpaint: new art for the prompt, tinted towards the image's own colours, painted into the masked area only
 * (grey = partly). With no mask the transparent pixels are repainted. Everything outside the grown mask is byte-equal.
 */
export async function inpaint(
  image: Buffer,
  mask: Buffer | undefined,
  options: MaskOptions,
  seed: number,
  prompt: string,
): Promise<Buffer> {
  const src = await readRgba(image);
  const m = await resolveMask(src, mask, options.growMask);
  const pixels = src.width * src.height;
  const art = await artRgba(prompt, seed, src.width, src.height);
  transferColours(art, pixels, channelStats(src.data, pixels), 0.5);
  return encodePng({ ...src, data: blendByMask(src.data, art, m) });
}

/** Erase Object: the masked area is filled from its surroundings, with a faint seeded grain so it isn't flat. */
export async function erase(
  image: Buffer,
  mask: Buffer | undefined,
  options: MaskOptions,
  seed: number,
): Promise<Buffer> {
  const src = await readRgba(image);
  const m = await resolveMask(src, mask, options.growMask);
  const filled = fillFromSurroundings(src.data, m, src.width, src.height);
  const rng = mulberry32(seed ^ 0x9e3779b9);
  for (let p = 0; p < m.length; p++) {
    if (m[p] === 0) continue;
    const grain = (rng() - 0.5) * 6;
    for (let c = 0; c < 3; c++) {
      const i = p * 4 + c;
      filled[i] = Math.min(255, Math.max(0, Math.round((filled[i] as number) + grain)));
    }
  }
  return encodePng({ ...src, data: blendByMask(src.data, filled, m) });
}
