import { UPLOAD_CONTENT_TYPES, UPLOAD_MAX_BYTES, type UploadContentType } from "../upload-rules";
import { ApiError, api } from "./api";

// The browser's upload: ask OneSheet for a signed form, then send the file straight to S3 with it (image bytes never
// pass through our API). Checked here first so a wrong file gets its answer at once; the server checks again.

const UPLOAD_TYPES: readonly string[] = UPLOAD_CONTENT_TYPES;
const isUploadType = (type: string): type is UploadContentType => UPLOAD_TYPES.includes(type);

/** S3's own words for the refusals a person can act on (its answer is XML: <Error><Code>…</Code>…). */
const S3_REFUSALS: Record<string, string> = {
  EntityTooLarge: "The file is larger than 10 MB: upload a smaller image.",
  EntityTooSmall: "The file is empty (0 bytes): pick the image again.",
  AccessDenied: "The upload form expired or didn't match the file: try the upload again.",
};

/** Uploads one image file; resolves to the id to name it by (`{uploadId}`) in an operation. */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<{ uploadId: string }> {
  const contentType = file.type;
  if (!isUploadType(contentType)) {
    throw new ApiError("invalid_input", `${file.name || "That file"} isn't a PNG, JPEG or WebP image.`);
  }
  if (file.size === 0) throw new ApiError("invalid_input", "The file is empty (0 bytes): pick the image again.");
  if (file.size > UPLOAD_MAX_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    throw new ApiError("invalid_input", `The file is ${mb} MB: an image can be at most 10 MB.`);
  }

  const ticket = await api.createUpload({ contentType, bytes: file.size }, signal);
  // S3 reads the form in order and takes the file from the last field: the signed fields must come first.
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append("file", file);

  let response: Response;
  try {
    response = await fetch(ticket.url, { method: "POST", body: form, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError("network", "Can't reach the image storage: check your connection and try again.");
  }
  if (!response.ok) {
    const code = /<Code>([^<]+)<\/Code>/.exec(await response.text().catch(() => ""))?.[1] ?? "";
    throw new ApiError("upload_failed", S3_REFUSALS[code] ?? "The image couldn't be uploaded to storage: try again.");
  }
  return { uploadId: ticket.uploadId };
}
