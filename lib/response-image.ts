import "server-only";
import sharp from "sharp";

// An image the function itself answers with (a design preview): kept under RESPONSE_IMAGE_LIMIT whatever the art,
// because a buffered Lambda answer is capped at 6 MB with binary base64-encoded on the way (about 4.4 MB of image),
// and a preview at screen size has no need to come near that. The PNG as rendered when it fits (most art is far
// below: the same pixels as the saved file); else a high-quality WebP; else a smaller WebP, until it fits.

export const RESPONSE_IMAGE_LIMIT = 1_000_000;

export async function boundedImage(png: Buffer): Promise<{ bytes: Buffer; contentType: string }> {
  if (png.byteLength <= RESPONSE_IMAGE_LIMIT) return { bytes: png, contentType: "image/png" };
  const { width = 1 } = await sharp(png).metadata();
  for (let scale = 1; ; scale *= 0.8) {
    const bytes = await sharp(png)
      .resize({ width: Math.max(1, Math.round(width * scale)) })
      .webp({ quality: scale === 1 ? 90 : 82 })
      .toBuffer();
    if (bytes.byteLength <= RESPONSE_IMAGE_LIMIT || width * scale < 64) return { bytes, contentType: "image/webp" };
  }
}
