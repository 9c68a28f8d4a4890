import { artRgba } from "./art-at";
import { blendByMask, channelStats, encodePng, hash, readRgba, transferColours } from "./pixels";

// Search and Replace / Search and Recolor without a detector: the "found" object is a soft-edged ellipse whose
// place and size follow from the search text (hashed), so the same words always find the same region of an image
// and tests can predict it. Nothing outside that ellipse changes.

export interface Region {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
}

export interface SearchOptions {
  /** grow_mask: px added to the found region (AWS: 0–20, default 5). */
  growMask?: number;
}

/** Where `search` is "found" in a width×height image (grown by growMask px). */
export function searchRegion(search: string, width: number, height: number, growMask = 0): Region {
  const h = hash(search.trim().toLowerCase());
  const f = (shift: number) => ((h >>> shift) & 0xff) / 255;
  return {
    cx: width * (0.3 + 0.4 * f(0)),
    cy: height * (0.35 + 0.35 * f(8)),
    rx: width * (0.12 + 0.13 * f(16)) + growMask,
    ry: height * (0.12 + 0.13 * f(24)) + growMask,
  };
}

/** The region as a mask: 255 well inside, a soft rim, 0 outside the ellipse. */
export function regionMask(region: Region, width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  const y0 = Math.max(0, Math.floor(region.cy - region.ry));
  const y1 = Math.min(height - 1, Math.ceil(region.cy + region.ry));
  const x0 = Math.max(0, Math.floor(region.cx - region.rx));
  const x1 = Math.min(width - 1, Math.ceil(region.cx + region.rx));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const d = Math.hypot((x + 0.5 - region.cx) / region.rx, (y + 0.5 - region.cy) / region.ry);
      if (d >= 1) continue;
      mask[y * width + x] = d <= 0.85 ? 255 : Math.round(((1 - d) / 0.15) * 255);
    }
  }
  return mask;
}

/** Search and Replace: new art for `prompt`, in the image's colours, inside the region `search` names. */
export async function searchReplace(
  image: Buffer,
  search: string,
  prompt: string,
  seed: number,
  options: SearchOptions = {},
): Promise<Buffer> {
  const src = await readRgba(image);
  const pixels = src.width * src.height;
  const mask = regionMask(searchRegion(search, src.width, src.height, options.growMask), src.width, src.height);
  const art = await artRgba(prompt, seed, src.width, src.height);
  transferColours(art, pixels, channelStats(src.data, pixels), 0.4);
  return encodePng({ ...src, data: blendByMask(src.data, art, mask) });
}

const COLOURS: Record<string, [number, number, number]> = {
  red: [200, 30, 40],
  crimson: [170, 20, 50],
  orange: [240, 130, 20],
  yellow: [240, 210, 40],
  gold: [212, 175, 55],
  golden: [212, 175, 55],
  green: [40, 160, 60],
  teal: [20, 140, 140],
  cyan: [30, 200, 220],
  blue: [30, 70, 200],
  navy: [20, 30, 100],
  purple: [120, 40, 170],
  violet: [140, 70, 200],
  pink: [240, 110, 170],
  magenta: [220, 30, 160],
  brown: [120, 75, 40],
  bronze: [170, 110, 50],
  copper: [184, 115, 51],
  silver: [192, 192, 200],
  chrome: [210, 215, 225],
  white: [240, 240, 240],
  black: [20, 20, 22],
  grey: [128, 128, 128],
  gray: [128, 128, 128],
};

/** The colour a recolour prompt asks for: the first colour word in it, else a hue hashed from the prompt. */
export function recolourTarget(prompt: string): [number, number, number] {
  for (const word of prompt.toLowerCase().match(/[a-z]+/g) ?? []) {
    const named = COLOURS[word];
    if (named) return named;
  }
  const hue = (hash(prompt.trim().toLowerCase()) % 360) / 60;
  const x = 1 - Math.abs((hue % 2) - 1);
  const [r, g, b] = [
    [1, x, 0],
    [x, 1, 0],
    [0, 1, x],
    [0, x, 1],
    [x, 0, 1],
    [1, 0, x],
  ][Math.floor(hue)] as [number, number, number];
  return [Math.round(40 + r * 180), Math.round(40 + g * 180), Math.round(40 + b * 180)];
}

/**
 * Search and Recolor: inside the region `select` names, the pixels take the prompt's colour while keeping their
 * light and shade (dark stays dark, highlights stay bright). The seed is accepted for parity; recolouring is exact.
 */
export async function searchRecolor(
  image: Buffer,
  select: string,
  prompt: string,
  _seed: number,
  options: SearchOptions = {},
): Promise<Buffer> {
  const src = await readRgba(image);
  const mask = regionMask(searchRegion(select, src.width, src.height, options.growMask), src.width, src.height);
  const target = recolourTarget(prompt);
  const tinted = Buffer.from(src.data);
  for (let p = 0; p < mask.length; p++) {
    if (mask[p] === 0) continue;
    const i = p * 4;
    const l =
      (0.2126 * (src.data[i] as number) + 0.7152 * (src.data[i + 1] as number) + 0.0722 * (src.data[i + 2] as number)) /
      255;
    for (let c = 0; c < 3; c++) {
      const t = target[c] as number;
      tinted[i + c] = Math.round(l < 0.5 ? t * 2 * l : t + (255 - t) * (2 * l - 1));
    }
  }
  return encodePng({ ...src, data: blendByMask(src.data, tinted, mask) });
}
