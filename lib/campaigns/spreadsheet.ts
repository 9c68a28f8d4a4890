import "server-only";
import { SPREADSHEET_MAX_BYTES } from "../upload-rules";
import { MAX_MARKETS } from "./schema";
import { readHeader, readMarketRow, type SheetError, type SheetMarket } from "./sheet-columns";
import { readCsvRows } from "./sheet-csv";
import { type SheetRow, sheetRefused } from "./sheet-rows";
import { readXlsxRows } from "./sheet-xlsx";

// A campaign's markets from a spreadsheet (issue 17): CSV (UTF-8) or XLSX, told apart by their bytes, never by the
// file's name or declared type. What can't be a sheet of markets at all (another kind of file, too big, too many rows
// or markets) is refused as a whole; what is wrong in a row is reported with its line and column, beside the rows
// that are right, so the import can show everything at once (and, if asked, import the good rows).

export type { SheetError, SheetMarket } from "./sheet-columns";

export interface SheetResult {
  rows: SheetMarket[];
  errors: SheetError[];
}

const ZIP = Buffer.from("PK\x03\x04", "latin1");
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

// Text has no control characters but tab and line breaks; pictures, PDFs, old .xls files and binary junk all do.
// (A CSV saved in another encoding than UTF-8 passes this, and fails to decode: it gets its own message.)
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const BINARY = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/** A file name fit to repeat in a sentence: no folders, no control characters, not too long. */
function shown(fileName: string | undefined): string {
  const name = (fileName ?? "")
    .split(/[\\/]/)
    .at(-1)
    ?.replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim();
  if (!name) return "That file";
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}

type Kind = { kind: "xlsx" } | { kind: "csv"; text: string };

function kindOf(bytes: Buffer, name: string): Kind {
  const notASheet = () => sheetRefused(`${name} isn't a CSV or XLSX spreadsheet.`);
  if (bytes.subarray(0, 4).equals(ZIP)) return { kind: "xlsx" };
  const notUtf8 = () =>
    sheetRefused(`${name} isn't saved as UTF-8: save it again as "CSV UTF-8 (comma delimited)" and upload that.`);
  if (UTF16_BOMS.some((bom) => bytes.subarray(0, 2).equals(bom))) throw notUtf8();
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") throw notASheet();
  // The BOM Excel puts in front of "CSV UTF-8" is dropped by the decoder.
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  if (BINARY.test(body.subarray(0, 64 * 1024).toString("latin1"))) throw notASheet();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw notUtf8();
  }
  if (BINARY.test(text)) throw notASheet();
  return { kind: "csv", text };
}

/** The header and data rows of a sheet, checked: the markets that are right, and the errors of the rest. */
function readMarkets(rows: readonly SheetRow[]): SheetResult {
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) {
    throw sheetRefused(
      "The spreadsheet is empty: start it with the template's header row (code, title, …), then one market a row.",
    );
  }
  const { header, errors } = readHeader(headerRow);
  if (errors.length > 0) return { rows: [], errors };

  const markets: SheetMarket[] = [];
  const firstLine = new Map<string, number>();
  for (const row of dataRows) {
    const read = readMarketRow(row, header);
    errors.push(...read.errors);
    const earlier = read.code === undefined ? undefined : firstLine.get(read.code);
    if (read.code !== undefined && earlier !== undefined) {
      errors.push({
        line: row.line,
        field: "code",
        message: `${read.code} is already on line ${earlier}: one row per market.`,
      });
      continue;
    }
    if (read.code !== undefined) firstLine.set(read.code, row.line);
    if (read.market) markets.push({ line: row.line, market: read.market });
  }
  if (markets.length > MAX_MARKETS) {
    throw sheetRefused(
      `The sheet has ${markets.length} markets: a campaign has at most ${MAX_MARKETS}. Split it into campaigns, or remove rows.`,
    );
  }
  return { rows: markets, errors };
}

/**
 * A spreadsheet of markets (the bytes of an upload) read into market requests, each checked with the API's schema.
 * Refuses, as invalid_input, a file that isn't a CSV or an XLSX, one over SPREADSHEET_MAX_BYTES, a sheet of more than
 * MAX_SHEET_ROWS rows or more than MAX_MARKETS good markets; reports each wrong cell as `{line, field, message}`.
 * `fileName` is only for the messages.
 */
export async function parseMarketSheet(bytes: Buffer, fileName?: string): Promise<SheetResult> {
  const name = shown(fileName);
  if (bytes.byteLength > SPREADSHEET_MAX_BYTES) {
    throw sheetRefused(
      `The file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB: a spreadsheet can be at most ${SPREADSHEET_MAX_BYTES / 1024 / 1024} MB.`,
    );
  }
  const kind = kindOf(bytes, name);
  const rows =
    kind.kind === "csv"
      ? readCsvRows(kind.text)
      : await readXlsxRows(bytes, () => sheetRefused(`${name} isn't a CSV or XLSX spreadsheet.`));
  return readMarkets(rows);
}
