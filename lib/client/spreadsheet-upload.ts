import { ApiError, api, type SpreadsheetUploadRequest } from "./api";

// A campaign's markets as a spreadsheet (CSV or XLSX), uploaded the way images are: OneSheet signs a form and the
// browser sends the file straight to S3 with it; the import then names it by its upload id. Browsers label a CSV as
// they please (Excel on Windows says application/vnd.ms-excel, some say nothing), so the file's name decides; the
// server reads the content to be sure.

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The file picker's `accept`. */
export const SPREADSHEET_ACCEPT = `.csv,.xlsx,text/csv,${XLSX}`;
const MAX_BYTES = 40 * 1024 * 1024;

function spreadsheetType(file: File): SpreadsheetUploadRequest["contentType"] | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith(".csv") || file.type === "text/csv") return "text/csv";
  if (name.endsWith(".xlsx") || file.type === XLSX) return XLSX;
  return undefined;
}

export async function uploadSpreadsheet(file: File, signal?: AbortSignal): Promise<{ uploadId: string }> {
  const contentType = spreadsheetType(file);
  if (!contentType) throw new ApiError("invalid_input", `${file.name || "That file"} isn't a CSV or XLSX spreadsheet.`);
  if (file.size === 0) throw new ApiError("invalid_input", "The file is empty (0 bytes): pick the spreadsheet again.");
  if (file.size > MAX_BYTES) {
    throw new ApiError("invalid_input", `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB: at most 40 MB.`);
  }
  const ticket = await api.createSpreadsheetUpload({ contentType, bytes: file.size }, signal);
  // S3 reads the form in order and takes the file from the last field: the signed fields must come first.
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append("file", file);
  let response: Response;
  try {
    response = await fetch(ticket.url, { method: "POST", body: form, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError("network", "Can't reach the file storage: check your connection and try again.");
  }
  if (!response.ok) throw new ApiError("upload_failed", "The spreadsheet couldn't be uploaded to storage: try again.");
  return { uploadId: ticket.uploadId };
}
