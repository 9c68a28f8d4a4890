import sharp from "sharp";

/** A photographic-ish test art: a gradient with noise, so JPEG and LZW sizes are realistic. */
export async function printArt(width: number, height: number): Promise<Buffer> {
  const noise = await sharp({
    create: { width, height, channels: 3, background: "#000", noise: { type: "gaussian", mean: 110, sigma: 40 } },
  })
    .png({ compressionLevel: 1 })
    .toBuffer();
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1b3a5c"/><stop offset="1" stop-color="#c2602b"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)" fill-opacity="0.7"/></svg>`,
  );
  return sharp(noise)
    .composite([{ input: gradient }])
    .png({ compressionLevel: 1 })
    .toBuffer();
}
