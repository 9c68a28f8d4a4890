import sharp from "sharp";
import { renderPoster } from "../art";

// The emulator's image operations: pure, deterministic functions of their inputs with sharp, at the sizes the real
// services return. Not AI: they do the geometric part honestly (sizes, which pixels change, alpha) so tests can
// check pixels. Minimal versions for the operations spine; helper B owns the fuller ones (same names and shapes).

export interface Margins {
  left: number;
  right: number;
  up: number;
  down: number;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

async function rgb(image: Buffer) {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** 1 where the mask (resized to the image, as AWS does) is white, grown by `grow` px; without a mask, the image's
 *  transparent pixels. */
async function maskBits(image: Buffer, mask: Buffer | undefined, grow: number, width: number, height: number) {
  let base = mask
    ? sharp(mask).resize(width, height, { fit: "fill" }).greyscale()
    : sharp(image).ensureAlpha().extractChannel(3).negate();
  base = sharp(await base.threshold(128).png().toBuffer());
  if (grow > 0) base = base.dilate(grow);
  const { data } = await base.greyscale().raw().toBuffer({ resolveWithObject: true });
  return data;
}

/** Source unchanged in place; margins filled by continuing its edges. */
export async function outpaint(image: Buffer, margins: Margins, _seed: number, _prompt?: string): Promise<Buffer> {
  return sharp(image)
    .removeAlpha()
    .extend({ top: margins.up, bottom: margins.down, left: margins.left, right: margins.right, extendWith: "copy" })
    .png()
    .toBuffer();
}

async function fillMasked(
  image: Buffer,
  mask: Buffer | undefined,
  grow: number,
  fill: (base: Buffer) => Promise<Buffer>,
) {
  const { data, width, height } = await rgb(image);
  const bits = await maskBits(image, mask, grow, width, height);
  const filler = await fill(
    await sharp(data, { raw: { width, height, channels: 3 } })
      .png()
      .toBuffer(),
  );
  const { data: fillData } = await rgb(filler);
  const out = Buffer.from(data);
  for (let i = 0; i < width * height; i++) {
    if ((bits[i] ?? 0) < 128) continue;
    out[i * 3] = fillData[i * 3] ?? 0;
    out[i * 3 + 1] = fillData[i * 3 + 1] ?? 0;
    out[i * 3 + 2] = fillData[i * 3 + 2] ?? 0;
  }
  return sharp(out, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** Only the masked (white, grown) area changes: painted in a colour that follows the prompt and seed. */
export async function inpaint(
  image: Buffer,
  mask: Buffer | undefined,
  options: { growMask: number },
  seed: number,
  prompt: string,
): Promise<Buffer> {
  const h = hash(`${prompt}#${seed}`);
  return fillMasked(image, mask, options.growMask, async (base) => {
    const { width = 1, height = 1 } = await sharp(base).metadata();
    const tint = { r: h & 255, g: (h >>> 8) & 255, b: (h >>> 16) & 255 };
    const overlay = await sharp({ create: { width, height, channels: 3, background: tint } })
      .png()
      .toBuffer();
    return sharp(base)
      .blur(8)
      .composite([{ input: overlay, blend: "overlay" }])
      .png()
      .toBuffer();
  });
}

/** The masked area filled from its surroundings (a heavy blur of the image around it). */
export async function erase(
  image: Buffer,
  mask: Buffer | undefined,
  options: { growMask: number },
  _seed: number,
): Promise<Buffer> {
  return fillMasked(image, mask, options.growMask, (base) => sharp(base).blur(24).png().toBuffer());
}

/** RGBA: pixels near the border's colour become transparent, the subject is kept. */
export async function removeBackground(image: Buffer): Promise<Buffer> {
  const { data, width, height } = await rgb(image);
  const border: number[] = [0, 0, 0];
  let n = 0;
  for (let x = 0; x < width; x++) {
    for (const y of [0, height - 1]) {
      for (let c = 0; c < 3; c++) border[c] = (border[c] ?? 0) + (data[(y * width + x) * 3 + c] ?? 0);
      n++;
    }
  }
  const bg = border.map((v) => v / n);
  const out = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    let distance = 0;
    for (let c = 0; c < 3; c++) {
      out[i * 4 + c] = data[i * 3 + c] ?? 0;
      distance += Math.abs((data[i * 3 + c] ?? 0) - (bg[c] ?? 0));
    }
    out[i * 4 + 3] = distance > 60 ? 255 : 0;
  }
  return sharp(out, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

/** Fast: exactly `factor`× each side; otherwise to the given size. */
export async function upscale(
  image: Buffer,
  factor: number | { width: number; height: number },
  _seed: number,
): Promise<Buffer> {
  const { width = 1, height = 1 } = await sharp(image).metadata();
  const size = typeof factor === "number" ? { width: width * factor, height: height * factor } : factor;
  return sharp(image)
    .removeAlpha()
    .resize(size.width, size.height, { fit: "fill", kernel: "lanczos3" })
    .png()
    .toBuffer();
}

/** Mixes `a` over `b` (same size, RGB) by `amount` 0–1. */
async function mix(a: Buffer, b: Buffer, amount: number, width: number, height: number): Promise<Buffer> {
  const [x, y] = await Promise.all([
    sharp(a).resize(width, height, { fit: "fill" }).removeAlpha().raw().toBuffer(),
    sharp(b).resize(width, height, { fit: "fill" }).removeAlpha().raw().toBuffer(),
  ]);
  const out = Buffer.alloc(width * height * 3);
  for (let i = 0; i < out.length; i++) out[i] = Math.round((x[i] ?? 0) * amount + (y[i] ?? 0) * (1 - amount));
  return sharp(out, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** The source at `size`, moved towards new art for the prompt by `strength` (0 → the source, resized). */
export async function vary(
  image: Buffer,
  prompt: string,
  strength: number,
  seed: number,
  size: { width: number; height: number },
): Promise<Buffer> {
  const art = await renderPoster(prompt, seed, size.width, size.height);
  return mix(art, image, strength, size.width, size.height);
}

/** A region chosen from the words (the same words find the same place) and its bounds. */
async function region(image: Buffer, words: string) {
  const { width = 1, height = 1 } = await sharp(image).metadata();
  const h = hash(words);
  const w = Math.max(1, Math.round(width / 3));
  const hh = Math.max(1, Math.round(height / 3));
  return { left: (h % 3) * Math.floor(width / 3), top: ((h >>> 2) % 3) * Math.floor(height / 3), width: w, height: hh };
}

async function replaceRegion(
  image: Buffer,
  area: { left: number; top: number; width: number; height: number },
  patch: Buffer,
) {
  const { width = 1, height = 1 } = await sharp(image).metadata();
  const fitted = await sharp(patch)
    .resize(Math.min(area.width, width - area.left), Math.min(area.height, height - area.top), { fit: "fill" })
    .png()
    .toBuffer();
  return sharp(image)
    .removeAlpha()
    .composite([{ input: fitted, left: area.left, top: area.top }])
    .png()
    .toBuffer();
}

/** What `search` names (a deterministic third of the picture) repainted as `prompt`. */
export async function searchReplace(image: Buffer, search: string, prompt: string, seed: number): Promise<Buffer> {
  const area = await region(image, search);
  return replaceRegion(image, area, await renderPoster(prompt, seed, area.width, area.height));
}

/** What `select` names (a deterministic third of the picture) in a hue that follows `prompt`. */
export async function searchRecolor(image: Buffer, select: string, prompt: string, _seed: number): Promise<Buffer> {
  const area = await region(image, select);
  const patch = await sharp(image)
    .removeAlpha()
    .extract(area)
    .modulate({ hue: 60 + (hash(prompt) % 240), saturation: 1.4 })
    .png()
    .toBuffer();
  return replaceRegion(image, area, patch);
}

/** New art for the prompt at `size`, keeping the control image's edges by `strength`. */
export async function controlImage(
  image: Buffer,
  prompt: string,
  strength: number,
  seed: number,
  size: { width: number; height: number },
): Promise<Buffer> {
  const edges = await sharp(image)
    .resize(size.width, size.height, { fit: "fill" })
    .greyscale()
    .convolve({ width: 3, height: 3, kernel: [-1, -1, -1, -1, 8, -1, -1, -1, -1] })
    .negate()
    .toColourspace("srgb")
    .png()
    .toBuffer();
  const art = await renderPoster(prompt, seed, size.width, size.height);
  return mix(edges, art, strength * 0.6, size.width, size.height);
}

/** New art at the ratio's size, tinted towards the reference's average colour by `fidelity`. */
export async function styleGuide(
  image: Buffer,
  prompt: string,
  fidelity: number,
  size: { width: number; height: number },
  seed: number,
): Promise<Buffer> {
  const { dominant } = await sharp(image).stats();
  const art = await renderPoster(prompt, seed, size.width, size.height);
  const wash = await sharp({ create: { ...size, channels: 3, background: dominant } })
    .png()
    .toBuffer();
  return mix(wash, art, fidelity * 0.5, size.width, size.height);
}
