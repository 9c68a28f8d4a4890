import "server-only";
import { createHash } from "node:crypto";
import { HeadObjectCommand } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { awsClients } from "./aws/clients";
import { getConfig } from "./aws/config";
import { getObjectBytes } from "./aws/s3";
import { AppError } from "./errors";
import { getPoster } from "./store/posters";

// Source images for operations: where their bytes come from (a poster's art, or the member's own upload) and
// whether an image service will take them. Minimal version for the operations spine; helper C owns the fuller one.

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
  png: Buffer;
  width: number;
  height: number;
  format: "png" | "jpeg" | "webp";
}

/** Uploads are at most this large (the pre-signed POST's condition; re-checked here, since S3 stand-ins don't). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const UPLOAD_ID = /^[A-Za-z0-9_-]{8,64}$/;
const POSTER_ID = /^[A-Za-z0-9_-]{16}$/;

/** The per-member key prefix of uploads: a hash, so keys never carry the OpenID subject itself. */
export const uploadKey = (sub: string, uploadId: string) =>
  `uploads/${createHash("sha256").update(sub).digest("hex").slice(0, 16)}/${uploadId}`;

const count = (n: number) => n.toLocaleString("en-US");
const refuse = (what: string, message: string) =>
  new AppError("invalid_image", { message, fields: { [what === "mask" ? "mask" : "source"]: message } });

/** Loads, verifies and (if allowed) downsizes a source image; throws typed AppErrors naming the limit broken. */
export async function checkImage(bytes: Buffer, limits: ImageLimits, what: "image" | "mask"): Promise<CheckedImage> {
  const The = what === "mask" ? "The mask" : "The image";
  if (bytes.byteLength === 0) throw refuse(what, `${The} is empty (0 bytes).`);
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  const format = meta?.format;
  if (!meta?.width || !meta.height || (format !== "png" && format !== "jpeg" && format !== "webp")) {
    throw refuse(what, `${The} isn't a PNG, JPEG or WebP image.`);
  }
  let { width, height } = meta;
  const aspect = Math.max(width, height) / Math.min(width, height);
  if (aspect > limits.maxAspect) {
    throw refuse(what, `${The} is ${width}×${height} px: its sides may differ at most ${limits.maxAspect}:1.`);
  }
  if (Math.min(width, height) < limits.minSide) {
    throw refuse(what, `${The} is ${width}×${height} px: each side must be at least ${limits.minSide} px.`);
  }
  if (limits.minPixels && width * height < limits.minPixels) {
    throw refuse(what, `${The} is ${width}×${height} px: it needs at least ${count(limits.minPixels)} pixels.`);
  }
  const tooLong = limits.maxSide !== undefined && Math.max(width, height) > limits.maxSide;
  const tooMany = width * height > limits.maxPixels;
  if ((tooLong || tooMany) && !limits.downsize) {
    const limit = tooLong ? `each side at most ${limits.maxSide} px` : `at most ${count(limits.maxPixels)} pixels`;
    throw refuse(what, `${The} is ${width}×${height} px: this operation takes ${limit}.`);
  }
  let image = sharp(bytes).rotate();
  if (tooLong || tooMany) {
    const scale = Math.min(
      Math.sqrt(limits.maxPixels / (width * height)),
      limits.maxSide ? limits.maxSide / Math.max(width, height) : 1,
    );
    width = Math.max(limits.minSide, Math.floor(width * scale));
    height = Math.max(limits.minSide, Math.floor(height * scale));
    image = image.resize(width, height, { fit: "fill" });
  }
  return { png: await image.png().toBuffer(), width, height, format };
}

/** The bytes of a source named in a request, checked for ownership: {posterId} (any team member may read a poster)
 *  or {uploadId} (only the uploader; someone else's → 404). */
export async function loadSource(
  source: { posterId: string } | { uploadId: string },
  member: { sub: string },
): Promise<{ bytes: Buffer; posterId?: string }> {
  if ("posterId" in source) {
    const poster = POSTER_ID.test(source.posterId) ? await getPoster(source.posterId) : undefined;
    if (!poster) throw new AppError("not_found");
    return { bytes: await getObjectBytes(poster.imageKey), posterId: poster.id };
  }
  if (!UPLOAD_ID.test(source.uploadId)) throw new AppError("upload_not_found");
  const Key = uploadKey(member.sub, source.uploadId);
  const head = await awsClients()
    .s3.send(new HeadObjectCommand({ Bucket: getConfig().bucket, Key }))
    .catch((error) => {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (error as { name?: string }).name === "NotFound") throw new AppError("upload_not_found");
      throw error;
    });
  if ((head.ContentLength ?? 0) > MAX_UPLOAD_BYTES) {
    throw refuse("image", `The upload is ${count(head.ContentLength ?? 0)} bytes: uploads may be at most 10 MB.`);
  }
  return { bytes: await getObjectBytes(Key) };
}
