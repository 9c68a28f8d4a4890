import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { awsClients } from "./aws/clients";
import { getConfig } from "./aws/config";
import { AppError } from "./errors";
import {
  UPLOAD_FORM_SECONDS,
  UPLOAD_MAX_BYTES,
  UPLOADS_PREFIX,
  type UploadRequest,
  type UploadTicket,
} from "./upload-rules";

// The S3 layout of uploads, in one place. The browser sends a file straight to S3 with a signed POST form (our API
// never carries image bytes); the server later reads it back by id, only from the uploader's own folder.
//
//   uploads/{first 16 hex of sha256(member sub)}/{uploadId}
//
// The folder is a hash so keys don't spell out who uploaded; the id is 128 random bits, so ids can't be guessed,
// and a guessed or leaked id still only opens files in the caller's own folder. The signed form's policy limits
// type and size, but S3-compatible servers may not enforce it (s3rver doesn't): whoever reads an upload re-checks
// its size here and its content with lib/source-image.ts.

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

const folderOf = (sub: string) => createHash("sha256").update(sub).digest("hex").slice(0, 16);

export const uploadKey = (sub: string, uploadId: string) => `${UPLOADS_PREFIX}${folderOf(sub)}/${uploadId}`;

/** A signed form for one file of the declared type and exact size, under the member's own folder. */
export async function createUpload(member: { sub: string }, request: UploadRequest): Promise<UploadTicket> {
  const uploadId = randomBytes(16).toString("base64url");
  const expiresAt = new Date(Date.now() + UPLOAD_FORM_SECONDS * 1000);
  const { url, fields } = await createPresignedPost(awsClients().s3, {
    Bucket: getConfig().bucket,
    Key: uploadKey(member.sub, uploadId),
    Expires: UPLOAD_FORM_SECONDS,
    // Each field is also an exact-match condition of the policy.
    Fields: { "Content-Type": request.contentType },
    // The declared size exactly: the file the browser measured, and never more than the limit.
    Conditions: [["content-length-range", request.bytes, request.bytes]],
  });
  return { uploadId, url, fields, expiresAt: expiresAt.toISOString() };
}

const notFound = () =>
  new AppError("upload_not_found", {
    message: "There is no upload of yours with that id: upload the image again (uploads are kept for a day).",
  });

const isMissing = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** The bytes of one of the member's uploads; anyone else's, or one that is gone, is a 404 (the same answer, so ids
 * of other people's uploads can't be probed). Too big a file is refused before it is read. */
export async function readUpload(member: { sub: string }, uploadId: string): Promise<Buffer> {
  if (!ID_PATTERN.test(uploadId)) throw notFound();
  const { s3 } = awsClients();
  const object = { Bucket: getConfig().bucket, Key: uploadKey(member.sub, uploadId) };
  try {
    const head = await s3.send(new HeadObjectCommand(object));
    const size = head.ContentLength ?? 0;
    if (size > UPLOAD_MAX_BYTES) {
      throw new AppError("image_invalid", {
        message: `The upload is ${(size / 1024 / 1024).toFixed(1)} MB: an image can be at most 10 MB.`,
      });
    }
    const { Body } = await s3.send(new GetObjectCommand(object));
    if (!Body) throw notFound();
    return Buffer.from(await Body.transformToByteArray());
  } catch (error) {
    if (isMissing(error)) throw notFound();
    throw error;
  }
}
