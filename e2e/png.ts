/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error("not a PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A title treatment as a designer exports it: a yellow bar on a transparent ground, 240×80. */
export async function transparentPng(): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  const data = Buffer.alloc(240 * 80 * 4);
  for (let y = 0; y < 80; y++)
    for (let x = 0; x < 240; x++)
      if (x > 10 && x < 230 && y > 20 && y < 60) data.set([245, 197, 66, 255], (y * 240 + x) * 4);
  return sharp(data, { raw: { width: 240, height: 80, channels: 4 } })
    .png()
    .toBuffer();
}

/** A logo exported without transparency (its box would cover the art): 120×40, solid. */
export async function opaquePng(): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  return sharp({ create: { width: 120, height: 40, channels: 3, background: "#f5c542" } })
    .png()
    .toBuffer();
}
