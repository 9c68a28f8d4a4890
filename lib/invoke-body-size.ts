import "server-only";
import sharp from "sharp";
import { AppError } from "./errors";
import { MAX_INVOKE_BODY_BYTES, type OperationImages, type OperationPlan } from "./models";
import type { CheckedImage } from "./posters/source-image";

// An operation's request body against Bedrock's 25,000,000-byte cap on InvokeModel, measured before anything is
// charged. Base64 makes images a third larger, and a source re-encoded as PNG (a downsized photo, a big upscaled
// poster) plus a mask or a style image passes the cap well within every pixel limit. Where the service accepts a
// smaller image (as lib/posters/source-image.ts downsizes for pixel limits) the images are shrunk together until the body
// fits, the mask kept at the source's size; elsewhere the request is refused, naming the size.

// The widest seed a body can carry: a body measured with it is at least as long as the one sent.
const WIDEST_SEED = 4_294_967_294;
const MAX_ROUNDS = 6;

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const LIMIT = mb(MAX_INVOKE_BODY_BYTES).replace(".0", "");

/** The length in bytes of the JSON body the plan builds from these images. */
export function invokeBodyBytes(plan: OperationPlan, images: OperationImages): number {
  return Buffer.byteLength(JSON.stringify(plan.buildBody(images, WIDEST_SEED)));
}

const tooLarge = (reason: string) =>
  new AppError("image_invalid", { message: `The image is too large to send to the model: ${reason}.` });

/** The image at exactly width×height, in its own format (a photo stays a JPEG: as PNG it would grow). */
async function resized(image: CheckedImage, width: number, height: number): Promise<CheckedImage> {
  const pipeline = sharp(image.bytes).resize(width, height, { fit: "fill" });
  const bytes = await (image.format === "png"
    ? pipeline.png()
    : pipeline.toFormat(image.format, { quality: 92 })
  ).toBuffer();
  return { ...image, bytes, width, height };
}

/** The images to send: as they are when the body fits, else shrunk until it does; refuses what can't fit. */
export async function fitInvokeBody(
  plan: OperationPlan,
  images: OperationImages,
  operationLabel: string,
): Promise<OperationImages> {
  const first = invokeBodyBytes(plan, images);
  if (first <= MAX_INVOKE_BODY_BYTES) return images;
  const { limits } = plan.service;
  if (!limits.downsize) {
    throw tooLarge(
      `the request would be ${mb(first)} (Bedrock takes at most ${LIMIT}) and ${operationLabel} works on the image's own pixels, so upload a smaller copy (a JPEG, or fewer pixels)`,
    );
  }
  const { image, mask, style } = images;
  let bytes = first;
  let scale = 1;
  let fitted = images;
  for (let round = 0; round < MAX_ROUNDS && bytes > MAX_INVOKE_BODY_BYTES; round++) {
    // Base64 and PNG both grow about with the pixel count; the margin covers rounding and compression's quirks.
    scale *= Math.sqrt(MAX_INVOKE_BODY_BYTES / bytes) * 0.95;
    const width = Math.floor(image.width * scale);
    const height = Math.floor(image.height * scale);
    if (Math.min(width, height) < limits.minSide || width * height < (limits.minPixels ?? 0)) {
      throw tooLarge(
        `even shrunk to ${limits.minSide} px a side the request would be over Bedrock's ${LIMIT}, so upload a smaller copy (a JPEG, or fewer pixels)`,
      );
    }
    // A style image is only a look: it shrinks by the same factor, but never under the service's smallest side.
    const styleScale = style ? Math.min(1, Math.max(scale, limits.minSide / Math.min(style.width, style.height))) : 1;
    fitted = {
      image: await resized(image, width, height),
      ...(mask ? { mask: await resized(mask, width, height) } : {}),
      ...(style
        ? {
            style: await resized(style, Math.floor(style.width * styleScale), Math.floor(style.height * styleScale)),
          }
        : {}),
    };
    bytes = invokeBodyBytes(plan, fitted);
  }
  if (bytes > MAX_INVOKE_BODY_BYTES) {
    throw tooLarge(`shrunk to fit, the request would still be ${mb(bytes)} (Bedrock takes at most ${LIMIT})`);
  }
  return fitted;
}
