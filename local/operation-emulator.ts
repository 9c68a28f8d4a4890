import sharp from "sharp";
import type { findService } from "../lib/models";
import { nearestAspectRatio } from "../lib/models/aspect-ratios";
import { upscaledSize } from "../lib/models/operations/upscale";
import { STABLE_IMAGE_SIZES } from "../lib/models/stable-image";
import { IMAGE_SERVICES } from "./emulator/models";
import {
  controlImage,
  erase,
  inpaint,
  outpaint,
  removeBackground,
  searchRecolor,
  searchReplace,
  styleGuide,
  styleTransfer,
  upscale,
  vary,
} from "./image-ops";

// The emulator's side of an image service: the body checked with the catalogue's schema for that service, the
// input image checked against the service's own limits (Bedrock refuses rather than resizes), and the output made
// by the pure functions of local/image-ops at the size the real service returns.

/** An input image Bedrock would refuse: answered as a 400 ValidationException with this message. */
export class InvalidImage extends Error {}

type Found = NonNullable<ReturnType<typeof findService>>;

async function decode(base64: string, what: string) {
  const bytes = Buffer.from(base64, "base64");
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  if (!meta?.width || !meta.height || !["png", "jpeg", "webp"].includes(meta.format ?? "")) {
    throw new InvalidImage(`${what}: the image must be a jpeg, png or webp image`);
  }
  return { bytes, width: meta.width, height: meta.height };
}

/** Bedrock refuses an input image outside the service's limits (it doesn't resize): the same words for each. */
function checkLimits(image: { width: number; height: number }, limits: Found["service"]["limits"], what: string) {
  const { width, height } = image;
  const pixels = width * height;
  if (Math.min(width, height) < limits.minSide || (limits.maxSide && Math.max(width, height) > limits.maxSide)) {
    throw new InvalidImage(
      `${what}: each side must be between ${limits.minSide} and ${limits.maxSide ?? "any"} pixels`,
    );
  }
  if (pixels > limits.maxPixels || pixels < (limits.minPixels ?? 0)) {
    throw new InvalidImage(
      `${what}: total pixel count must be between ${limits.minPixels ?? 0} and ${limits.maxPixels}`,
    );
  }
  if (Math.max(width, height) / Math.min(width, height) > limits.maxAspect) {
    throw new InvalidImage(`${what}: aspect ratio must be between 1:2.5 and 2.5:1`);
  }
}

const OUTPUT_FORMATS = ["png", "jpeg", "webp"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export async function readOperation(found: Found, invokeId: string, json: unknown) {
  const body = found.service.bodySchema.parse(json);
  if (typeof body !== "object" || body === null) throw new Error("body must be an object");
  const reader = IMAGE_SERVICES[invokeId];
  if (!reader) throw new Error(`the emulator doesn't know ${invokeId}`);
  const read = reader({ ...body });
  const image = await decode(read.image, "image");
  const { limits } = found.service;
  checkLimits(image, limits, "image");
  const style = read.style ? await decode(read.style, "style_image") : undefined;
  if (style) checkLimits(style, limits, "style_image");
  // What the answer is encoded as: the body's `output_format` (every service's default is png).
  const asked = "output_format" in body ? body.output_format : undefined;
  const outputFormat: OutputFormat = OUTPUT_FORMATS.find((f) => f === asked) ?? "png";
  const mask = read.mask ? (await decode(read.mask, "mask")).bytes : undefined;
  const { call } = read;
  return {
    prompt: read.prompt,
    seed: read.seed,
    outputFormat,
    async render(seed: number): Promise<Buffer> {
      switch (call.fn) {
        case "removeBackground":
          return removeBackground(image.bytes);
        case "upscale":
          return upscale(image.bytes, call.mode === "fast" ? 4 : upscaledSize(call.mode, image), seed);
        case "outpaint":
          return outpaint(image.bytes, call.margins, seed, call.prompt);
        case "inpaint":
          return inpaint(image.bytes, mask, { growMask: call.growMask }, seed, call.prompt);
        case "erase":
          return erase(image.bytes, mask, { growMask: call.growMask }, seed);
        case "vary": {
          const size = STABLE_IMAGE_SIZES[nearestAspectRatio(image.width, image.height)];
          // Image-to-image answers at about a megapixel in the source's ratio (the catalogue's expected size).
          return sharp(await vary(image.bytes, call.prompt, call.strength, seed))
            .resize(size.width, size.height, { fit: "fill" })
            .png()
            .toBuffer();
        }
        case "searchReplace":
          return searchReplace(image.bytes, call.search, call.prompt, seed);
        case "searchRecolor":
          return searchRecolor(image.bytes, call.select, call.prompt, seed);
        case "controlImage":
          return controlImage(image.bytes, call.prompt, call.strength, seed, image);
        case "styleGuide":
          return styleGuide(image.bytes, call.prompt, call.fidelity, call.aspectRatio, seed);
        case "styleTransfer":
          if (!style) throw new InvalidImage("style_image: a style image is required");
          return styleTransfer(image.bytes, style.bytes, call, seed);
      }
    },
  };
}
