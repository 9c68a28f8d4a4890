import sharp from "sharp";

// Test images built from formulas, and pixel readers, for the emulator image-operation tests.

export interface Raw {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

export async function raw(png: Buffer): Promise<Raw> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

export function encode(width: number, height: number, px: (x: number, y: number) => [number, number, number, number?]) {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a = 255] = px(x, y);
      data.set([r, g, b, a], (y * width + x) * 4);
    }
  }
  return sharp(data, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

// A busy, non-repeating source: every pixel differs from its neighbours, so "unchanged" can't pass by accident.
export const pattern = (width: number, height: number) =>
  encode(width, height, (x, y) => [(x * 255) / width, (y * 255) / height, (x * 7 + y * 13) % 256]);

// White where the predicate holds, black elsewhere (RGB, no alpha), as a painted mask would be.
export const maskPng = (width: number, height: number, white: (x: number, y: number) => boolean) =>
  encode(width, height, (x, y) => (white(x, y) ? [255, 255, 255] : [0, 0, 0]));

export function pixel(img: Raw, x: number, y: number): number[] {
  const i = (y * img.width + x) * img.channels;
  return [...img.data.subarray(i, i + img.channels)];
}

// Pixels farther than `grow` px (Chebyshev) from the rectangle [x0,x1)×[y0,y1).
export const outside = (x: number, y: number, [x0, y0, x1, y1]: number[], grow: number) =>
  x < (x0 as number) - grow || x >= (x1 as number) + grow || y < (y0 as number) - grow || y >= (y1 as number) + grow;
