import "server-only";
import sharp from "sharp";

// Gallery tiles are about 200 CSS px wide: 320 px covers them at 1.6× density in ~7 KB. effort 0 and a linear
// kernel, since thumbnails sit on the request path and at this size they look the same.
export const THUMB_WIDTH = 320;

export function makeThumbnail(png: Buffer): Promise<Buffer> {
  return sharp(png).resize({ width: THUMB_WIDTH, kernel: "linear" }).webp({ quality: 70, effort: 0 }).toBuffer();
}
