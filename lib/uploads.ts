import "server-only";
import { randomBytes } from "node:crypto";
import { getObjectBytes, objectSize, signUploadForm } from "./aws/s3";
import { AppError } from "./errors";
import { uploadKey } from "./storage";
import {
  UPLOAD_FORM_SECONDS,
  UPLOAD_LIMITS,
  type UploadKind,
  type UploadRequest,
  type UploadTicket,
} from "./upload-rules";

// Uploads. The browser sends a file straight to S3 with a signed POST form (our API never carries image bytes); the
// server later reads it back by id, only from the uploader's own folder (lib/storage.ts: a hash of who, so keys
// don't spell it out). The id is 128 random bits, so ids can't be guessed, and a guessed or leaked id still only
// opens files in the caller's own folder. The signed form's policy limits
// type and size, but S3-compatible servers may not enforce it (s3rver doesn't): whoever reads an upload re-checks
// its size here, against the limit of the kind it expects (an image or a spreadsheet: never the declared type's, which
// the sender chose), and its content with lib/posters/source-image.ts or lib/campaigns/spreadsheet.ts.

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A signed form for one file of the declared type and exact size, under the member's own folder. */
export async function createUpload(member: { sub: string }, request: UploadRequest): Promise<UploadTicket> {
  const uploadId = randomBytes(16).toString("base64url");
  const expiresAt = new Date(Date.now() + UPLOAD_FORM_SECONDS * 1000);
  // The declared type and size exactly: the file the browser measured, and never more than the limit.
  const { url, fields } = await signUploadForm(uploadKey(member.sub, uploadId), {
    contentType: request.contentType,
    bytes: request.bytes,
    expiresInSeconds: UPLOAD_FORM_SECONDS,
  });
  return { uploadId, url, fields, expiresAt: expiresAt.toISOString() };
}

const notFound = (kind: UploadKind) =>
  new AppError("upload_not_found", {
    message: `There is no upload of yours with that id: upload the ${UPLOAD_LIMITS[kind].noun} again (uploads are kept for a day).`,
  });

/** The bytes of one of the member's uploads; anyone else's, or one that is gone, is a 404 (the same answer, so ids
 * of other people's uploads can't be probed). A file over the limit of the kind the caller expects (an image unless
 * it says otherwise) is refused before it is read. */
export async function readUpload(
  member: { sub: string },
  uploadId: string,
  kind: UploadKind = "image",
): Promise<Buffer> {
  if (!ID_PATTERN.test(uploadId)) throw notFound(kind);
  const key = uploadKey(member.sub, uploadId);
  const size = await objectSize(key);
  if (size === undefined) throw notFound(kind);
  const { maxBytes, aNoun } = UPLOAD_LIMITS[kind];
  if (size > maxBytes) {
    const message = `The upload is ${(size / 1024 / 1024).toFixed(1)} MB: ${aNoun} can be at most ${maxBytes / 1024 / 1024} MB.`;
    throw new AppError(kind === "image" ? "image_invalid" : "invalid_input", { message });
  }
  // Gone between the two reads (expired, say): the same answer as never there.
  const bytes = await getObjectBytes(key, { missing: "undefined" });
  if (!bytes) throw notFound(kind);
  return bytes;
}
