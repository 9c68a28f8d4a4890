import sharp from "sharp";

// Raw-pixel plumbing shared by the emulator's image operations. Every operation decodes to 8-bit RGBA once, works
// on typed arrays, and encodes one PNG; alpha is only kept in the output when the input had it (or the op makes it).

export interface Rgba {
  data: Buffer;
  width: number;
  height: number;
  /** The source carried an alpha channel (PNG/WebP with transparency); JPEGs never do. */
  hasAlpha: boolean;
}

export async function readRgba(image: Buffer): Promise<Rgba> {
  const input = sharp(image);
  const meta = await input.metadata();
  const { data, info } = await input.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, hasAlpha: meta.hasAlpha === true };
}

/** Reads an image as RGBA at exactly width×height (stretching if the aspect differs). */
export async function readRgbaAt(image: Buffer, width: number, height: number): Promise<Buffer> {
  return sharp(image).resize(width, height, { fit: "fill" }).ensureAlpha().raw().toBuffer();
}

// Level 6 is the emulator's usual trade-off (see local/art.ts); huge outputs use a faster level to keep a 4K
// upscale within a couple of seconds on a small machine.
export function encodePng(pixels: Rgba): Promise<Buffer> {
  const big = pixels.width * pixels.height > 4_000_000;
  const out = sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: 4 } });
  return (pixels.hasAlpha ? out : out.removeAlpha()).png({ compressionLevel: big ? 2 : 6 }).toBuffer();
}

export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * out = base·(1−m) + over·m per pixel, m = mask/255. Where the mask is 0 the base's bytes are copied untouched, so
 * "outside the mask nothing changes" holds exactly. Repainted pixels become opaque (the service paints them in).
 */
export function blendByMask(base: Buffer, over: Buffer, mask: Uint8Array): Buffer {
  const out = Buffer.from(base);
  for (let p = 0; p < mask.length; p++) {
    const m = mask[p] as number;
    if (m === 0) continue;
    const i = p * 4;
    for (let c = 0; c < 3; c++) {
      const b = base[i + c] as number;
      out[i + c] = Math.round(b + (((over[i + c] as number) - b) * m) / 255);
    }
    const a = base[i + 3] as number;
    out[i + 3] = Math.round(a + ((255 - a) * m) / 255);
  }
  return out;
}

export interface ChannelStats {
  mean: [number, number, number];
  std: [number, number, number];
}

/** Per-channel mean and spread of the opaque pixels, sampled on a grid so a 9 MP image costs the same as 1 MP. */
export function channelStats(rgba: Buffer, pixels: number): ChannelStats {
  const step = Math.max(1, Math.floor(pixels / 262_144));
  const sum = [0, 0, 0];
  const sq = [0, 0, 0];
  let n = 0;
  for (let p = 0; p < pixels; p += step) {
    const i = p * 4;
    if ((rgba[i + 3] as number) < 128) continue;
    for (let c = 0; c < 3; c++) {
      const v = rgba[i + c] as number;
      sum[c] = (sum[c] as number) + v;
      sq[c] = (sq[c] as number) + v * v;
    }
    n++;
  }
  if (n === 0) return { mean: [128, 128, 128], std: [64, 64, 64] };
  const mean = sum.map((s) => s / n) as [number, number, number];
  const std = sq.map((s, c) => Math.sqrt(Math.max(1, s / n - (mean[c] as number) ** 2))) as [number, number, number];
  return { mean, std };
}

/**
 * Moves `rgba`'s colours towards the target statistics (a per-channel mean/spread transfer), by `amount` 0–1:
 * how the emulator gives new art the palette of a reference image.
 */
export function transferColours(rgba: Buffer, pixels: number, target: ChannelStats, amount: number): void {
  if (amount <= 0) return;
  const from = channelStats(rgba, pixels);
  const lut: Uint8Array[] = [0, 1, 2].map((c) => {
    const table = new Uint8Array(256);
    const scale = (target.std[c] as number) / (from.std[c] as number);
    for (let v = 0; v < 256; v++) {
      const moved = ((v - (from.mean[c] as number)) * scale + (target.mean[c] as number)) as number;
      table[v] = clamp255(v + (moved - v) * amount);
    }
    return table;
  });
  for (let p = 0; p < pixels; p++) {
    const i = p * 4;
    for (let c = 0; c < 3; c++) rgba[i + c] = (lut[c] as Uint8Array)[rgba[i + c] as number] as number;
  }
}

export function clamp255(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}
