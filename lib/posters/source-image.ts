import "server-only";
import sharp, { type Metadata } from "sharp";
import { getObjectBytes } from "../aws/s3";
import { AppError } from "../errors";
import { type CheckedImage, DECODE_LIMIT, fitWithin, type ImageLimits } from "../image-limits";
import { getPoster } from "../store/posters";
import { readUpload } from "../uploads";
import { fileKey } from "./files";

export type { CheckedImage, ImageLimits } from "../image-limits";

// A source image for an operation: where its bytes come from (a poster or an upload, each with its own access
// rule) and whether a service can take it (a real PNG/JPEG/WebP within that operation's pixel, side and aspect
// limits). Every message names the limit broken, in pixels, so a person knows what to change.

const FORMATS: readonly string[] = ["png", "jpeg", "webp"] satisfies CheckedImage["format"][];
const isFormat = (format: string): format is CheckedImage["format"] => FORMATS.includes(format);

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
  const target = fitWithin(width, height, limits, The);
  if (!target.ok) throw refuse(target.message);

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
    return { bytes, width, height, format };
  }
  try {
    const png = await sharp(bytes, { limitInputPixels: DECODE_LIMIT })
      .autoOrient()
      .resize(target.width, target.height, { fit: "fill" })
      .png()
      .toBuffer();
    return { bytes: png, width: target.width, height: target.height, format: "png" };
  } catch (cause) {
    throw damaged(cause);
  }
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
