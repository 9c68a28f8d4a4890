import {
  SPREADSHEET_MAX_BYTES,
  type SpreadsheetContentType,
  UPLOAD_CONTENT_TYPES,
  UPLOAD_LIMITS,
  UPLOAD_MAX_BYTES,
  type UploadContentType,
  type UploadKind,
  XLSX_CONTENT_TYPE,
} from "../upload-rules";
import { ApiError, api } from "./api";

// The browser's upload: ask OneSheet for a signed form, then send the file straight to S3 with it (file bytes never
// pass through our API). Checked here first so a wrong file gets its answer at once; the server checks again.

const UPLOAD_TYPES: readonly string[] = UPLOAD_CONTENT_TYPES;
const isUploadType = (type: string): type is UploadContentType => UPLOAD_TYPES.includes(type);

/** S3's own words for the refusals a person can act on (its answer is XML: <Error><Code>…</Code>…). */
const s3Refusals = (kind: UploadKind): Record<string, string> => {
  const { maxBytes, noun } = UPLOAD_LIMITS[kind];
  return {
    EntityTooLarge: `The file is larger than ${maxBytes / 1024 / 1024} MB: upload a smaller ${noun}.`,
    EntityTooSmall: `The file is empty (0 bytes): pick the ${noun} again.`,
    AccessDenied: "The upload form expired or didn't match the file: try the upload again.",
  };
};

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Uploads one image file; resolves to the id to name it by (`{uploadId}`) in an operation. */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<{ uploadId: string }> {
  const contentType = file.type;
  if (!isUploadType(contentType)) {
    throw new ApiError("invalid_input", `${file.name || "That file"} isn't a PNG, JPEG or WebP image.`);
  }
  if (file.size === 0) throw new ApiError("invalid_input", "The file is empty (0 bytes): pick the image again.");
  if (file.size > UPLOAD_MAX_BYTES) {
    throw new ApiError("invalid_input", `The file is ${mb(file.size)} MB: an image can be at most 10 MB.`);
  }
  return send(file, contentType, "image", signal);
}

// Browsers label a CSV as they please (Windows with Excel says application/vnd.ms-excel, some say nothing): the
// file's name decides, and the server reads its content to be sure.
function spreadsheetType(file: File): SpreadsheetContentType | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith(".csv")) return "text/csv";
  if (name.endsWith(".xlsx")) return XLSX_CONTENT_TYPE;
  if (file.type === "text/csv" || file.type === XLSX_CONTENT_TYPE) return file.type;
  return undefined;
}

/** Uploads a spreadsheet of a campaign's markets (CSV or XLSX); resolves to the id to import it by. */
export async function uploadSpreadsheet(file: File, signal?: AbortSignal): Promise<{ uploadId: string }> {
  const contentType = spreadsheetType(file);
  if (!contentType) {
    throw new ApiError("invalid_input", `${file.name || "That file"} isn't a CSV or XLSX spreadsheet.`);
  }
  if (file.size === 0) throw new ApiError("invalid_input", "The file is empty (0 bytes): pick the spreadsheet again.");
  if (file.size > SPREADSHEET_MAX_BYTES) {
    throw new ApiError("invalid_input", `The file is ${mb(file.size)} MB: a spreadsheet can be at most 40 MB.`);
  }
  return send(file, contentType, "spreadsheet", signal);
}

async function send(
  file: File,
  contentType: UploadContentType | SpreadsheetContentType,
  kind: UploadKind,
  signal?: AbortSignal,
): Promise<{ uploadId: string }> {
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
    throw new ApiError(
      "network",
      `Can't reach the ${kind === "image" ? "image" : "file"} storage: check your connection and try again.`,
    );
  }
  if (!response.ok) {
    const code = /<Code>([^<]+)<\/Code>/.exec(await response.text().catch(() => ""))?.[1] ?? "";
    throw new ApiError(
      "upload_failed",
      s3Refusals(kind)[code] ?? `The ${UPLOAD_LIMITS[kind].noun} couldn't be uploaded to storage: try again.`,
    );
  }
  return { uploadId: ticket.uploadId };
}
