import sharp from "sharp";
import { renderPoster } from "../art";

// The emulator's procedural art (local/art.ts) as raw RGBA at any size. Rasterising the SVG costs seconds beyond a
// megapixel on a small machine, so big canvases are drawn at about 1 MP (same aspect) and enlarged: the art is soft
// gradients and silhouettes, which lose nothing by it.
const DRAW_PIXELS = 1_048_576;

export async function artRgba(prompt: string, seed: number, width: number, height: number): Promise<Buffer> {
  const scale = Math.min(1, Math.sqrt(DRAW_PIXELS / (width * height)));
  const dw = Math.max(1, Math.round(width * scale));
  const dh = Math.max(1, Math.round(height * scale));
  const png = await renderPoster(prompt, seed, dw, dh);
  const img = sharp(png);
  return (scale < 1 ? img.resize(width, height, { fit: "fill" }) : img).ensureAlpha().raw().toBuffer();
}
