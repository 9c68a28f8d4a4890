import { z } from "zod";

// What an upload may be, shared by the API (which signs the S3 form) and the browser (which checks a file before
// asking). No AWS here: the browser imports it. Where uploads live, and how long: lib/storage.ts.
// Two kinds: images to work from (Stability's services read them), and spreadsheets of a campaign's markets
// (lib/campaigns/spreadsheet.ts). Each kind has its own types and limit; whoever reads an upload says which kind it
// expects, so a 40 MB "spreadsheet" can never be read back as a source image.

/** The largest image a person may upload, in bytes (10 MB). */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** The image types Stability's services read. */
export const UPLOAD_CONTENT_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];

/** The largest spreadsheet a person may upload, in bytes (40 MB). */
export const SPREADSHEET_MAX_BYTES = 40 * 1024 * 1024;

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The spreadsheet types a market import reads: CSV (UTF-8) and XLSX. */
export const SPREADSHEET_CONTENT_TYPES = ["text/csv", XLSX_CONTENT_TYPE] as const;
export type SpreadsheetContentType = (typeof SPREADSHEET_CONTENT_TYPES)[number];

export type UploadKind = "image" | "spreadsheet";

/** Each kind's limit, and the words for it in a refusal. */
export const UPLOAD_LIMITS: Record<UploadKind, { maxBytes: number; noun: string; aNoun: string }> = {
  image: { maxBytes: UPLOAD_MAX_BYTES, noun: "image", aNoun: "an image" },
  spreadsheet: { maxBytes: SPREADSHEET_MAX_BYTES, noun: "spreadsheet", aNoun: "a spreadsheet" },
};

/** How long the signed upload form works: long enough for a slow connection, short enough to be useless if leaked. */
export const UPLOAD_FORM_SECONDS = 10 * 60;

const SPREADSHEET_TYPES: readonly string[] = SPREADSHEET_CONTENT_TYPES;

/** The kind of upload a content type is; anything not a spreadsheet type is checked as an image. */
export function uploadKindOf(contentType: string): UploadKind {
  return SPREADSHEET_TYPES.includes(contentType) ? "spreadsheet" : "image";
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

// A refused type gets the words for what the person was most likely sending: someone with a spreadsheet in another
// format (an old .xls, an .ods, a CSV their system labels application/vnd.ms-excel) is told about spreadsheets.
const LOOKS_LIKE_A_SHEET = /^(text\/|application\/(vnd\.ms-excel|vnd\.oasis\.opendocument\.spreadsheet|csv))/;
const typeError = (issue: { input?: unknown }) =>
  typeof issue.input === "string" && LOOKS_LIKE_A_SHEET.test(issue.input)
    ? "Upload a spreadsheet as CSV (UTF-8) or XLSX."
    : "Upload a PNG, JPEG or WebP image.";

export const uploadRequestSchema = z
  .strictObject({
    contentType: z.enum([...UPLOAD_CONTENT_TYPES, ...SPREADSHEET_CONTENT_TYPES], { error: typeError }),
    // Its bounds depend on the kind, so they are checked below, once the type is known to be one of ours.
    bytes: z.number({ error: "Give the file's size in bytes." }).int({ error: "Give the file's size in whole bytes." }),
  })
  .superRefine(({ contentType, bytes }, ctx) => {
    const { maxBytes, noun } = UPLOAD_LIMITS[uploadKindOf(contentType)];
    if (bytes < 1) {
      ctx.addIssue({
        code: "custom",
        path: ["bytes"],
        message: `The file is empty (0 bytes): pick the ${noun} again.`,
      });
    } else if (bytes > maxBytes) {
      ctx.addIssue({
        code: "custom",
        path: ["bytes"],
        message: `The file is larger than ${megabytes(maxBytes)}: upload a smaller ${noun}.`,
      });
    }
  });
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

/** What POST /api/uploads answers: send the file to `url` as a multipart form with `fields`, the file last. */
export interface UploadTicket {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}
