import * as z from "zod/mini";
import { MAX_BLEED_IN, MAX_SIDE_IN, PRINT_SIZE_IDS } from "./sizes";

// POST /api/posters/{id}/exports, shared by the route and the editor's print panel: a print master (a PDF or a TIFF
// at a print size) or the layered PSD (the poster's own pixels, which takes no size).

/** Print masters: made for a print size. */
export const PRINT_FORMATS = ["pdf", "tiff"] as const;
export type PrintFormat = (typeof PRINT_FORMATS)[number];
export const EXPORT_FORMATS = [...PRINT_FORMATS, "psd"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each format is called where people see it. */
export const FORMAT_NAMES = { pdf: "PDF", tiff: "CMYK TIFF", psd: "Layered PSD" } as const satisfies Record<
  ExportFormat,
  string
>;

const SIZE_CHOICES = `${PRINT_SIZE_IDS.join(", ")}, or a custom {widthIn, heightIn} up to ${MAX_SIDE_IN} in a side`;

const side = (what: string) =>
  z
    .number({ error: `The custom ${what} must be a number of inches.` })
    .check(
      z.gte(1, `The custom ${what} must be at least 1 in.`),
      z.lte(MAX_SIDE_IN, `The custom ${what} can be at most ${MAX_SIDE_IN} in: larger prints are made in sections.`),
    );

const customSize = z.strictObject(
  { widthIn: side("width"), heightIn: side("height") },
  { error: `Pick a print size: ${SIZE_CHOICES}.` },
);

const sizeField = z.union([z.enum(PRINT_SIZE_IDS), customSize], {
  // A custom size that is only out of range says what is wrong with it, not the whole list.
  error: (issue) => {
    const input = issue.input;
    if (input && typeof input === "object" && !Array.isArray(input)) {
      const result = customSize.safeParse(input);
      if (!result.success) return result.error.issues[0]?.message;
    }
    return `Pick a print size: ${SIZE_CHOICES}.`;
  },
});

const bleedField = z.optional(
  z
    .number({ error: "The bleed must be a number of inches." })
    .check(
      z.gte(0, "The bleed can't be negative."),
      z.lte(MAX_BLEED_IN, `The bleed can be at most ${MAX_BLEED_IN} in.`),
    ),
);

/** TIFF only: pixels per inch of the file; by default the art's own resolution (up to 300), never upsampled. */
const ppiField = z.optional(
  z
    .number({ error: "The resolution must be a number of pixels per inch." })
    .check(
      z.int("The resolution must be a whole number."),
      z.gte(72, "At least 72 ppi."),
      z.lte(300, "At most 300 ppi."),
    ),
);

const unknownSetting = (issue: z.core.$ZodRawIssue) =>
  issue.code === "unrecognized_keys" ? `Unknown export setting: ${issue.keys.join(", ")}.` : undefined;

// Every field's own message first, whatever the format (an unknown format and an unknown size are both named)...
const fieldsSchema = z.strictObject(
  {
    format: z.enum(EXPORT_FORMATS, { error: "Pick a format: pdf, tiff or psd." }),
    size: z.optional(sizeField),
    bleedIn: bleedField,
    ppi: ppiField,
  },
  { error: unknownSetting },
);

// ...then which fields each format takes: a print master needs its size; the PSD is the poster's pixels.
const formatSchema = z.discriminatedUnion("format", [
  z.strictObject({ format: z.enum(PRINT_FORMATS), size: sizeField, bleedIn: bleedField, ppi: ppiField }),
  z.strictObject(
    { format: z.literal("psd") },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? "A layered PSD is the poster's own pixels: it takes no print size, bleed or resolution."
          : undefined,
    },
  ),
]);

export const exportRequestSchema = z.pipe(fieldsSchema, formatSchema);

export type ExportRequest = z.output<typeof exportRequestSchema>;
export type PrintExportRequest = Extract<ExportRequest, { format: "pdf" | "tiff" }>;
export type ExportRequestInput = z.input<typeof exportRequestSchema>;
