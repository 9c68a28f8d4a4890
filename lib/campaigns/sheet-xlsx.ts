import "server-only";
import { PassThrough } from "node:stream";
import { inflateRawSync } from "node:zlib";
import ExcelJS, { type CellValue } from "exceljs";
import { type AsyncFlateStreamHandler, strToU8, Unzip, type UnzipDecoder, unzipSync, zipSync } from "fflate";
import * as z from "zod/mini";
import { errorFacts } from "../error-facts";
import { AppError } from "../errors";
import { RowCollector, type SheetCell, type SheetRow, sheetRefused } from "./sheet-rows";

// An XLSX of markets: its first visible worksheet, read row by row with ExcelJS's streaming reader, every cell as
// the text the person sees in the formula bar. A formula is its text ("=HYPERLINK(…)"), never evaluated and never its
// cached result: the result is whatever the last program to save the file wrote there, which need not be what the
// formula says.
//
// The archive is opened by us first, for two reasons:
// - a ZIP can unpack to far more than it weighs (a "zip bomb"), and neither ExcelJS nor its unzipper has a limit.
//   Only the parts ExcelJS reads are unpacked at all: their sizes as the ZIP's directory declares them are added up
//   first (fflate's unzip filter, which unpacks nothing), then each part is inflated by Node's zlib with what is
//   left of the limit as its `maxOutputLength`, which stops at the limit even when a part lies about its size
//   (fflate's own inflater, even into a buffer of the declared size, runs on to the end of the stream: a 40 MB bomb
//   would be minutes of CPU);
// - ExcelJS's streaming reader loses the workbook part when it comes after a worksheet (exceljs issue #3064: SheetJS
//   and others write it that way, and files without shared strings always go that way), then fails on
//   `this.model.sheets`. Handing it a new archive that holds just those parts, in the order it expects, avoids that
//   path entirely (and its temporary files).

/** The most the parts ExcelJS reads may unpack to, together. A sheet of 10,000 markets' rows is a few MB. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

const READ_PARTS =
  /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml|worksheets\/sheet(\d+)\.xml)$/;
/** A workbook of markets has a handful of parts; thousands of worksheets are not a sheet of markets. */
const MAX_PARTS = 1000;

// With a shared strings part present (empty if the file had none), ExcelJS reads each worksheet as it streams by.
const EMPTY_SHARED_STRINGS = strToU8(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

const damaged = (cause?: unknown) =>
  sheetRefused(
    "That XLSX file can't be read: it may be damaged. Open it and save it again, or save it as CSV UTF-8.",
    cause,
  );
const tooBig = (cause?: unknown) =>
  sheetRefused(
    `That XLSX file unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB: keep only the markets sheet in it, or save it as CSV UTF-8.`,
    cause,
  );

/** Hands a part's deflated bytes on as they are, for zlib to inflate within the limit. */
class Deflated implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => {};
  push(chunk: Uint8Array, final: boolean) {
    this.ondata(null, chunk.slice(), final);
  }
}

/** The parts ExcelJS reads, unpacked, as long as they fit the limit together. */
function unpack(bytes: Uint8Array, notASheet: () => AppError): Record<string, Uint8Array> {
  // What the directory declares, before anything is inflated: an honest big file is refused at no cost.
  let declared = 0;
  let count = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (READ_PARTS.test(file.name)) {
          declared += file.originalSize;
          count += 1;
        }
        return false;
      },
    });
  } catch (cause) {
    throw damaged(cause);
  }
  if (declared > MAX_UNPACKED_BYTES) throw tooBig();
  if (count > MAX_PARTS) throw damaged();

  // Then the parts themselves, each inflated within what is left of the limit, whatever it declared.
  const packed = new Map<string, { method: number; chunks: Uint8Array[] }>();
  let failure: unknown;
  const unzip = new Unzip((file) => {
    if (!READ_PARTS.test(file.name) || packed.has(file.name) || packed.size >= MAX_PARTS) return;
    if (file.compression !== 0 && file.compression !== 8) {
      failure ??= new Error(`${file.name}: compression method ${file.compression}`);
      return;
    }
    const chunks: Uint8Array[] = [];
    const part = { method: file.compression, chunks };
    file.ondata = (error, chunk) => {
      if (error) failure ??= error;
      else chunks.push(chunk);
    };
    packed.set(file.name, part);
    file.start();
  });
  unzip.register(Deflated);
  try {
    unzip.push(bytes, true);
  } catch (cause) {
    throw damaged(cause);
  }
  if (failure) throw damaged(failure);

  const parts: Record<string, Uint8Array> = {};
  let left = MAX_UNPACKED_BYTES;
  for (const [name, { method, chunks }] of packed) {
    const raw = Buffer.concat(chunks);
    let part: Uint8Array;
    try {
      part = method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(left, 1) });
    } catch (cause) {
      throw errorFacts(cause).code === "ERR_BUFFER_TOO_LARGE" ? tooBig(cause) : damaged(cause);
    }
    left -= part.byteLength;
    if (left < 0) throw tooBig();
    parts[name] = part;
  }
  // A ZIP that isn't a workbook: a Word file, an OpenDocument sheet, a folder of pictures.
  if (!parts["xl/workbook.xml"] || !parts["xl/_rels/workbook.xml.rels"]) throw notASheet();
  return parts;
}

const sheetNumber = (name: string) => Number(READ_PARTS.exec(name)?.[2] ?? 0);

/** The parts ExcelJS reads, workbook first, worksheets in number order, stored without compression. */
function repack(parts: Record<string, Uint8Array>): Buffer {
  const ordered: Record<string, Uint8Array> = {};
  for (const name of ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml"]) {
    const part = parts[name];
    if (part) ordered[name] = part;
  }
  ordered["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"] ?? EMPTY_SHARED_STRINGS;
  const sheets = Object.keys(parts)
    .filter((name) => sheetNumber(name) > 0)
    .sort((a, b) => sheetNumber(a) - sheetNumber(b));
  for (const name of sheets) {
    const part = parts[name];
    if (part) ordered[name] = part;
  }
  return Buffer.from(zipSync(ordered, { level: 0 }));
}

const SHARED_FORMULA =
  "its formula is copied from another cell, and only typed formulas are read (as text): type it, or paste it as a value";

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A cell's value as the text the person typed or sees. */
export function cellText(value: CellValue): SheetCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  if ("formula" in value && typeof value.formula === "string") {
    // The streaming reader keeps a shared formula's text only in its first cell; the others come with "".
    return value.formula === "" ? { unreadable: SHARED_FORMULA } : `=${value.formula}`;
  }
  if ("sharedFormula" in value) return { unreadable: SHARED_FORMULA };
  if ("richText" in value) return value.richText.map((run) => run.text ?? "").join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : "";
  if ("error" in value) return value.error;
  return "";
}

// ExcelJS's typings don't have what its streaming reader knows of the workbook: read with schemas, not assumed.
const bookSheets = z.object({
  sheets: z.array(z.object({ name: z.string(), state: z.optional(z.string()) })),
});
const named = z.object({ name: z.string() });

/** The first visible worksheet's non-empty rows (at most MAX_SHEET_ROWS under the header: more is refused as soon
 * as it is seen). `notASheet` is the refusal for a ZIP that isn't a workbook. */
export async function readXlsxRows(bytes: Uint8Array, notASheet: () => AppError): Promise<SheetRow[]> {
  const archive = repack(unpack(bytes, notASheet));
  const input = new PassThrough();
  input.end(archive);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles say which numbers are dates.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const collector = new RowCollector();
  try {
    for await (const worksheet of reader) {
      const book = bookSheets.safeParse(reader.model);
      const tabs = book.success ? book.data.sheets : [];
      const first = tabs.find((tab) => tab.state !== "hidden" && tab.state !== "veryHidden")?.name;
      const name = named.safeParse(worksheet);
      // Another tab than the first visible one; a sheet whose tab isn't known (an unusual file) is taken as first.
      if (
        first !== undefined &&
        name.success &&
        tabs.some((t) => t.name === name.data.name) &&
        name.data.name !== first
      ) {
        continue;
      }
      let previous = 0;
      for await (const row of worksheet) {
        const line = Number.isInteger(row.number) && row.number > previous ? row.number : previous + 1;
        previous = line;
        const cells: [number, SheetCell][] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells.push([column - 1, cellText(cell.value)]);
        });
        collector.add(line, cells);
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(error);
  }
  return collector.rows;
}
