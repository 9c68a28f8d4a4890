import "server-only";
import sharp, { type Metadata } from "sharp";
import { getObjectBytes } from "./aws/s3";
import { AppError } from "./errors";
import { fileKey } from "./poster-files";
import { getPoster } from "./store/posters";
import { readUpload } from "./uploads";

// A source image for an operation: where its bytes come from (a poster or an upload, each with its own access
// rule) and whether a service can take it (a real PNG/JPEG/WebP within that operation's pixel, side and aspect
// limits). Every message names the limit broken, in pixels, so a person knows what to change.

export interface ImageLimits {
  /** px, each side (64 for most; Fast Upscale 32) */
  minSide: number;
  /** px, each side (Fast Upscale 1536) */
  maxSide?: number;
  /** total (Fast Upscale 1024, Creative 4096) */
  minPixels?: number;
  /** total (9_437_184 most; 1_048_576 Fast/Creative upscale) */
  maxPixels: number;
  /** long side / short side (2.5 for most; Infinity where none is stated) */
  maxAspect: number;
  /** The service accepts a smaller image: too many pixels → downsize to fit instead of refusing. */
  downsize: boolean;
}

export interface CheckedImage {
  /** The image as the service gets it: the file as uploaded when it fits as it is (every service takes PNG, JPEG and
   * WebP), else re-encoded as PNG at its new size or orientation. */
  bytes: Buffer;
  width: number;
  height: number;
  format: "png" | "jpeg" | "webp";
}

// Beyond this nothing is decoded, even to downsize: a small file can declare a huge canvas (a decompression bomb),
// and 50 MP of RGBA is already 200 MB of memory.
const DECODE_LIMIT = 50_000_000;
const FORMATS: readonly string[] = ["png", "jpeg", "webp"] satisfies CheckedImage["format"][];
const isFormat = (format: string): format is CheckedImage["format"] => FORMATS.includes(format);

const n = (value: number) => value.toLocaleString("en-US");
const mp = (pixels: number) => `${(pixels / 1_000_000).toFixed(1)} megapixels`;
const ratio = (value: number) => `1:${Number(value.toFixed(2))}`;

/** Loads, verifies and (if allowed) downsizes a source image; throws typed AppErrors naming the limit broken. */
const NAMES = { image: "The image", mask: "The mask", style: "The style image" } as const;

export async function checkImage(bytes: Buffer, limits: ImageLimits, what: keyof typeof NAMES): Promise<CheckedImage> {
  const The = NAMES[what];
  const refuse = (message: string, cause?: unknown) => new AppError("image_invalid", { message, cause });
  if (bytes.byteLength === 0) throw refuse(`${The} is an empty file (0 bytes): upload it again.`);

  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch (cause) {
    throw refuse(`${The} isn't a picture OneSheet can read: use a PNG, JPEG or WebP file.`, cause);
  }
  const format = meta.format;
  if (!isFormat(format)) throw refuse(`${The} is a ${format.toUpperCase()} file: use a PNG, JPEG or WebP file.`);
  // As people see it: a phone's portrait JPEG is stored landscape with an EXIF rotation.
  const { width, height } = meta.autoOrient;
  const size = `${The} is ${n(width)}×${n(height)} px`;
  const [long, short] = [Math.max(width, height), Math.min(width, height)];

  if (long / short > limits.maxAspect) {
    throw refuse(
      `${size}: its sides must be within ${ratio(limits.maxAspect)} of each other (it is ${ratio(long / short)}).`,
    );
  }
  if (short < limits.minSide) throw refuse(`${size}: each side must be at least ${n(limits.minSide)} px.`);
  if (limits.minPixels && width * height < limits.minPixels) {
    throw refuse(`${size} (${n(width * height)} pixels): it must have at least ${n(limits.minPixels)} pixels.`);
  }
  const target = sizeWithin(width, height, limits);
  if (target.width !== width || target.height !== height) {
    if (!limits.downsize) {
      if (limits.maxSide && long > limits.maxSide) {
        throw refuse(`${size}: each side must be at most ${n(limits.maxSide)} px.`);
      }
      throw refuse(`${size} (${mp(width * height)}): it can have at most ${n(limits.maxPixels)} pixels.`);
    }
    if (width * height > DECODE_LIMIT) {
      throw refuse(`${size} (${mp(width * height)}): OneSheet reads images of at most ${mp(DECODE_LIMIT)}.`);
    }
    if (target.width < limits.minSide || target.height < limits.minSide) {
      throw refuse(`${size}: shrunk to fit ${n(limits.maxPixels)} pixels, a side would be under ${limits.minSide} px.`);
    }
  }

  const damaged = (cause: unknown) =>
    refuse(`${The}'s data is damaged (the file may be cut short): export it again and upload it.`, cause);
  const unchanged = target.width === width && target.height === height && (meta.orientation ?? 1) === 1;
  if (unchanged) {
    // Decoded once to prove it is whole (a header can be fine over cut-short data), then sent as it came:
    // re-encoding a photo as PNG costs more than the rest of the request.
    await sharp(bytes, { limitInputPixels: DECODE_LIMIT })
      .raw()
      .toBuffer()
      .catch((cause) => {
        throw damaged(cause);
      });
    return { bytes, ...target, format };
  }
  try {
    const png = await sharp(bytes, { limitInputPixels: DECODE_LIMIT })
      .autoOrient()
      .resize(target.width, target.height, { fit: "fill" })
      .png()
      .toBuffer();
    return { bytes: png, ...target, format: "png" };
  } catch (cause) {
    throw damaged(cause);
  }
}

/** The largest size within the limits at the image's aspect (the image's own size if it already fits). */
export function sizeWithin(width: number, height: number, limits: ImageLimits): { width: number; height: number } {
  let scale = Math.min(1, Math.sqrt(limits.maxPixels / (width * height)));
  if (limits.maxSide) scale = Math.min(scale, limits.maxSide / Math.max(width, height));
  if (scale === 1) return { width, height };
  let w = Math.max(1, Math.floor(width * scale));
  let h = Math.max(1, Math.floor(height * scale));
  // Rounding can leave a pixel row too many: shave the longer side until it fits.
  while (w * h > limits.maxPixels) {
    if (w >= h) w--;
    else h--;
  }
  return { width: w, height: h };
}

/**
 * The bytes of a source named in a request, checked for access: any team member may work from any poster (as they
 * may view it), but an upload only by the person who uploaded it (anyone else's is a 404, as if it weren't there).
 * A poster's source is its art as the model made it, without the typography of a design: operations change the
 * picture, and a design is a layer set on the result afterwards (drawn into the art, a model would garble it).
 */
export async function loadSource(
  source: { posterId: string } | { uploadId: string },
  member: { sub: string },
): Promise<{ bytes: Buffer; posterId?: string }> {
  if ("uploadId" in source) return { bytes: await readUpload(member, source.uploadId) };
  const poster = await getPoster(source.posterId);
  if (!poster) throw new AppError("not_found");
  return { bytes: await getObjectBytes(fileKey(poster, "art")), posterId: poster.id };
}
