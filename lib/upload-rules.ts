import { z } from "zod";

// What an upload may be, shared by the API (which signs the S3 form) and the browser (which checks a file before
// asking). No AWS here: the browser imports it. Where uploads live, and how long: lib/storage.ts.

/** The largest file a person may upload, in bytes (10 MB). */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** The image types Stability's services read. */
export const UPLOAD_CONTENT_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];

/** How long the signed upload form works: long enough for a slow connection, short enough to be useless if leaked. */
export const UPLOAD_FORM_SECONDS = 10 * 60;

export const uploadRequestSchema = z.strictObject({
  contentType: z.enum(UPLOAD_CONTENT_TYPES, { error: "Upload a PNG, JPEG or WebP image." }),
  bytes: z
    .number({ error: "Give the file's size in bytes." })
    .int({ error: "Give the file's size in whole bytes." })
    .min(1, { error: "The file is empty (0 bytes): pick the image again." })
    .max(UPLOAD_MAX_BYTES, { error: "The file is larger than 10 MB: upload a smaller image." }),
});
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

/** What POST /api/uploads answers: send the file to `url` as a multipart form with `fields`, the file last. */
export interface UploadTicket {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}
