import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkImage, type ImageLimits } from "@/lib/posters/source-image";

// Source images as the services' limits see them: real PNG/JPEG/WebP only, sides, pixels and aspect checked with
// messages naming the limit, and too many pixels shrunk (aspect kept) where the service allows.

const STANDARD: ImageLimits = { minSide: 64, maxPixels: 9_437_184, maxAspect: 2.5, downsize: false };
const FAST_UPSCALE: ImageLimits = {
  minSide: 32,
  maxSide: 1536,
  minPixels: 1024,
  maxPixels: 1_048_576,
  maxAspect: Number.POSITIVE_INFINITY,
  downsize: false,
};

function image(width: number, height: number, format: "png" | "jpeg" | "webp" | "gif" = "png", alpha = false) {
  const background = alpha ? { r: 200, g: 40, b: 40, alpha: 0.25 } : { r: 200, g: 40, b: 40 };
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background } })
    .toFormat(format)
    .toBuffer();
}

/** The typed error a check throws (fails the test if it resolves). */
async function refusal(check: Promise<unknown>): Promise<AppError> {
  const error = await check.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe("image_invalid");
  expect(appError.status).toBe(400);
  return appError;
}

describe("checkImage refuses what a service can't take, naming the limit", () => {
  it("refuses a file that isn't an image, an empty file, an unsupported format and damaged data", async () => {
    const text = Buffer.from("Dear agency, please find the comp attached.\n".repeat(50));
    expect((await refusal(checkImage(text, STANDARD, "image"))).message).toBe(
      "The image isn't a picture OneSheet can read: use a PNG, JPEG or WebP file.",
    );
    expect((await refusal(checkImage(Buffer.alloc(0), STANDARD, "mask"))).message).toBe(
      "The mask is an empty file (0 bytes): upload it again.",
    );
    expect((await refusal(checkImage(await image(100, 100, "gif"), STANDARD, "image"))).message).toBe(
      "The image is a GIF file: use a PNG, JPEG or WebP file.",
    );
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect/></svg>');
    expect((await refusal(checkImage(svg, STANDARD, "image"))).message).toMatch(/is a SVG file/);

    // A PNG cut short: its header (and so its size) reads fine, its pixels don't.
    const noise = await sharp(Buffer.from(Array.from({ length: 300 * 300 * 3 }, (_, i) => (i * 7919) % 251)), {
      raw: { width: 300, height: 300, channels: 3 },
    })
      .png()
      .toBuffer();
    const cut = noise.subarray(0, Math.floor(noise.byteLength / 2));
    expect((await refusal(checkImage(cut, STANDARD, "image"))).message).toMatch(/data is damaged/);
  });

  it("names the aspect limit for a 10,000×10 px strip, and the side limits", async () => {
    expect((await refusal(checkImage(await image(10_000, 10), STANDARD, "image"))).message).toBe(
      "The image is 10,000×10 px: its sides must be within 1:2.5 of each other (it is 1:1000).",
    );
    expect((await refusal(checkImage(await image(63, 100), STANDARD, "image"))).message).toBe(
      "The image is 63×100 px: each side must be at least 64 px.",
    );
    expect((await refusal(checkImage(await image(1600, 400), FAST_UPSCALE, "image"))).message).toBe(
      "The image is 1,600×400 px: each side must be at most 1,536 px.",
    );
    expect((await refusal(checkImage(await image(31, 40), FAST_UPSCALE, "image"))).message).toBe(
      "The image is 31×40 px: each side must be at least 32 px.",
    );
  });

  it("names the pixel limits when the service takes no smaller image", async () => {
    expect((await refusal(checkImage(await image(30, 30), { ...FAST_UPSCALE, minSide: 16 }, "image"))).message).toBe(
      "The image is 30×30 px (900 pixels): it must have at least 1,024 pixels.",
    );
    expect((await refusal(checkImage(await image(1100, 1000), FAST_UPSCALE, "image"))).message).toBe(
      "The image is 1,100×1,000 px (1.1 megapixels): it can have at most 1,048,576 pixels.",
    );
    expect((await refusal(checkImage(await image(4000, 3000, "jpeg"), STANDARD, "image"))).message).toBe(
      "The image is 4,000×3,000 px (12.0 megapixels): it can have at most 9,437,184 pixels.",
    );
  });
});

describe("checkImage accepts and converts", () => {
  it("passes an image within the limits through as it came, whatever its format, alpha kept", async () => {
    for (const format of ["png", "jpeg", "webp"] as const) {
      const file = await image(640, 480, format);
      const checked = await checkImage(file, STANDARD, "image");
      expect(checked).toMatchObject({ width: 640, height: 480, format });
      expect(checked.bytes.equals(file)).toBe(true); // not re-encoded: every service takes all three formats
    }
    const cutOut = await checkImage(await image(200, 100, "webp", true), STANDARD, "image");
    const { data, info } = await sharp(cutOut.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    expect(data[3]).toBeGreaterThan(50);
    expect(data[3]).toBeLessThan(80); // a quarter opaque, as drawn
  });

  it("shrinks an image with too many pixels to fit, keeping its aspect, when the service allows", async () => {
    const big = await image(4000, 3000, "jpeg");
    const checked = await checkImage(big, { ...STANDARD, downsize: true }, "image");
    expect(checked.width * checked.height).toBeLessThanOrEqual(9_437_184);
    expect(checked.width * checked.height).toBeGreaterThan(9_400_000);
    expect(Math.abs(checked.width / checked.height - 4 / 3)).toBeLessThan(0.001);
    expect(checked.format).toBe("png");
    expect(await sharp(checked.bytes).metadata()).toMatchObject({
      format: "png",
      width: checked.width,
      height: checked.height,
    });

    // Fast Upscale: both the side and the pixel limit.
    const wide = await checkImage(await image(3000, 1000), { ...FAST_UPSCALE, downsize: true }, "image");
    expect(wide.width).toBeLessThanOrEqual(1536);
    expect(wide.width * wide.height).toBeLessThanOrEqual(1_048_576);
    expect(Math.abs(wide.width / wide.height - 3)).toBeLessThan(0.01);
  });

  it("reads an image as people see it: a phone's rotated JPEG is checked and returned upright", async () => {
    // Stored 300×120 with EXIF orientation 6 (turn 90°): people see it, and the service gets it, as 120×300.
    const rotated = await sharp(await image(300, 120))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const checked = await checkImage(rotated, STANDARD, "image");
    expect(checked).toMatchObject({ width: 120, height: 300, format: "png" });
    expect(await sharp(checked.bytes).metadata()).toMatchObject({ width: 120, height: 300 }); // turned, not tagged
  });
});
