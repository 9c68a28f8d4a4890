import sharp from "sharp";
import { readRgba } from "./pixels";

// Remove Background without a model: the background is taken to be the colour that dominates the image's border,
// and every pixel close to that colour AND connected to the border (a flood fill) is cut away. Colour distance gives
// the cut a soft edge; anything not reached from the border (the subject, and holes of background colour inside
// it) stays fully opaque.

const NEAR = 28; // colour distance at or below which a background pixel is fully transparent
const FAR = 72; // …and at or above which a pixel is subject (opaque)

function dominantBorderColour(rgba: Buffer, width: number, height: number): [number, number, number] {
  const bins = new Map<number, { n: number; r: number; g: number; b: number }>();
  const add = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    const r = rgba[i] as number;
    const g = rgba[i + 1] as number;
    const b = rgba[i + 2] as number;
    const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    const bin = bins.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
    bin.n++;
    bin.r += r;
    bin.g += g;
    bin.b += b;
    bins.set(key, bin);
  };
  for (let x = 0; x < width; x++) {
    add(x, 0);
    add(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    add(0, y);
    add(width - 1, y);
  }
  let best = { n: 0, r: 0, g: 0, b: 0 };
  // Ties go to the lowest bin key so the answer never depends on Map order quirks.
  for (const [, bin] of [...bins.entries()].sort((a, b) => a[0] - b[0])) if (bin.n > best.n) best = bin;
  return [best.r / best.n, best.g / best.n, best.b / best.n];
}

/** Returns an RGBA PNG of the same size: background transparent (alpha 0), subject opaque (alpha 255). */
export async function removeBackground(image: Buffer): Promise<Buffer> {
  const { data, width, height } = await readRgba(image);
  const [br, bg, bb] = dominantBorderColour(data, width, height);
  const n = width * height;
  const dist = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    const i = p * 4;
    // Already-transparent pixels are background whatever their colour.
    dist[p] =
      (data[i + 3] as number) < 8
        ? 0
        : Math.hypot((data[i] as number) - br, (data[i + 1] as number) - bg, (data[i + 2] as number) - bb);
  }
  const background = new Uint8Array(n);
  // Each pixel is pushed at most once, so a stack of n slots never overflows.
  const stack = new Int32Array(n);
  let top = 0;
  const visit = (p: number) => {
    if (background[p] === 0 && (dist[p] as number) < FAR) {
      background[p] = 1;
      stack[top++] = p;
    }
  };
  for (let x = 0; x < width; x++) {
    visit(x);
    visit((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    visit(y * width);
    visit(y * width + width - 1);
  }
  while (top > 0) {
    const p = stack[--top] as number;
    const x = p % width;
    if (x > 0) visit(p - 1);
    if (x < width - 1) visit(p + 1);
    if (p >= width) visit(p - width);
    if (p < n - width) visit(p + width);
  }
  const out = Buffer.from(data);
  for (let p = 0; p < n; p++) {
    if (background[p] === 0) continue;
    const d = dist[p] as number;
    const keep = d <= NEAR ? 0 : Math.round(((d - NEAR) / (FAR - NEAR)) * 255);
    out[p * 4 + 3] = Math.min(out[p * 4 + 3] as number, keep);
  }
  return sharp(out, { raw: { width, height, channels: 4 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
}
