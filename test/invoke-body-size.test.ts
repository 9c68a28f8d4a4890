import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fitInvokeBody, invokeBodyBytes } from "@/lib/invoke-body-size";
import { findOperation, MAX_INVOKE_BODY_BYTES, type OperationPlan } from "@/lib/models";
import type { CheckedImage, ImageLimits } from "@/lib/posters/source-image";

// The body-size fit on its own, with a stand-in plan whose body carries many copies of the source: small test
// images then pass Bedrock's 25,000,000 bytes the way one big poster does.

const noise = async (width: number, height: number, format: CheckedImage["format"] = "png"): Promise<CheckedImage> => {
  const image = sharp({
    create: { width, height, channels: 3, background: "#888", noise: { type: "gaussian", mean: 128, sigma: 60 } },
  });
  const bytes = await (format === "png" ? image.png() : image.toFormat(format, { quality: 90 })).toBuffer();
  return { bytes, width, height, format };
};

const LIMITS: ImageLimits = { minSide: 64, maxPixels: 9_437_184, maxAspect: 2.5, downsize: true };
const inpaint = findOperation("inpaint")?.services[0];
if (!inpaint) throw new Error("no inpaint service");
const service = inpaint;

function planCopying(copies: number, limits: ImageLimits = LIMITS): OperationPlan {
  return {
    service: { ...service, limits },
    inputs: {},
    buildBody: ({ image, mask, style }, seed) => ({
      images: Array.from({ length: copies }, () => image.bytes.toString("base64")),
      mask: mask?.bytes.toString("base64"),
      style: style?.bytes.toString("base64"),
      seed,
    }),
    expectedSize: (source) => source,
  };
}

describe("fitting a body to Bedrock's 25,000,000 bytes", () => {
  it("leaves a body that fits as it is", async () => {
    const image = await noise(300, 200);
    const images = { image };
    expect(await fitInvokeBody(planCopying(1), images, "Inpaint")).toBe(images);
  });

  it("shrinks source, mask and style image together until it fits; the mask stays the source's size", async () => {
    const [image, mask, style] = await Promise.all([noise(600, 400), noise(600, 400), noise(300, 300)]);
    const plan = planCopying(120);
    expect(invokeBodyBytes(plan, { image, mask, style })).toBeGreaterThan(MAX_INVOKE_BODY_BYTES);
    const fitted = await fitInvokeBody(plan, { image, mask, style }, "Inpaint");
    expect(invokeBodyBytes(plan, fitted)).toBeLessThanOrEqual(MAX_INVOKE_BODY_BYTES);
    expect(fitted.image.width).toBeLessThan(600);
    expect(fitted.image.width / fitted.image.height).toBeCloseTo(1.5, 1);
    expect([fitted.mask?.width, fitted.mask?.height]).toEqual([fitted.image.width, fitted.image.height]);
    expect(await sharp(fitted.mask?.bytes).metadata()).toMatchObject({
      width: fitted.image.width,
      height: fitted.image.height,
    });
    // The style image shrinks too, but never under the service's smallest side.
    expect(fitted.style?.width).toBeLessThan(300);
    expect(fitted.style?.width).toBeGreaterThanOrEqual(64);
  });

  it("keeps a JPEG a JPEG when shrinking it (as PNG a photo would grow)", async () => {
    const image = await noise(800, 600, "jpeg");
    const plan = planCopying(Math.ceil((MAX_INVOKE_BODY_BYTES * 1.3) / ((image.bytes.byteLength * 4) / 3)));
    const fitted = await fitInvokeBody(plan, { image }, "Inpaint");
    expect(fitted.image.format).toBe("jpeg");
    expect(await sharp(fitted.image.bytes).metadata()).toMatchObject({ format: "jpeg", width: fitted.image.width });
  });

  it("refuses, naming the size, where the service takes no smaller image, or where shrinking can't get there", async () => {
    const image = await noise(600, 400);
    await expect(
      fitInvokeBody(planCopying(120, { ...LIMITS, downsize: false }), { image }, "Reframe"),
    ).rejects.toMatchObject({
      code: "image_invalid",
      status: 400,
      message: expect.stringMatching(
        /^The image is too large to send to the model: the request would be \d+\.\d MB \(Bedrock takes at most 25 MB\) and Reframe works on the image's own pixels, so upload a smaller copy \(a JPEG, or fewer pixels\)\.$/,
      ),
    });
    // A small source copied so often that even 64 px a side is too much.
    const small = await noise(100, 66);
    const copies = Math.ceil((MAX_INVOKE_BODY_BYTES * 1.3) / ((small.bytes.byteLength * 4) / 3));
    await expect(fitInvokeBody(planCopying(copies), { image: small }, "Inpaint")).rejects.toMatchObject({
      code: "image_invalid",
      message: expect.stringMatching(/^The image is too large to send to the model: even shrunk to 64 px a side/),
    });
  });
});
