import { AppError } from "../errors";
import { MAX_MARKETS } from "./schema";

// What a spreadsheet reader (CSV or XLSX) hands on: the sheet's non-empty rows as text, numbered as a spreadsheet
// app numbers them, and the limits every reader keeps while it reads, so a huge sheet is refused as soon as it is
// seen to be huge, before anything is made of its rows.

/** The most data rows (under the header) one import reads. */
export const MAX_SHEET_ROWS = 10_000;

/** Cells are kept up to this column (BL); a sheet of markets has ten. Past it, a value is the row's problem, so a
 * stray cell at column XFD costs nothing. */
export const MAX_SHEET_COLUMNS = 64;

/** A cell whose text can't be known without evaluating something: its reason, said to the person. */
export interface UnreadableCell {
  unreadable: string;
}

export type SheetCell = string | UnreadableCell;

export interface SheetRow {
  /** The row's number as the spreadsheet app shows it (1-based; the header is usually 1). */
  line: number;
  /** By column, 0 = A; a missing or empty cell is "". */
  cells: SheetCell[];
  /** Why the row as a whole can't be trusted (a quote never closed, a value past the last column), if it can't. */
  problem?: string;
}

const isBlank = (cell: SheetCell | undefined) => cell === undefined || (typeof cell === "string" && cell.trim() === "");

/** A 0-based column index as the spreadsheet app letters it (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Keeps a sheet's non-empty rows, refusing the sheet once it holds more than MAX_SHEET_ROWS under its header. */
export class RowCollector {
  readonly rows: SheetRow[] = [];

  /** Adds a row from its cells by column index (0 = A; gaps are empty); a blank row is skipped (its number still
   * counts, as in the app). */
  add(line: number, cells: Iterable<[number, SheetCell]>, problem?: string): void {
    const kept: SheetCell[] = [];
    let beyond: number | undefined;
    for (const [index, cell] of cells) {
      if (isBlank(cell)) continue;
      if (index >= MAX_SHEET_COLUMNS) {
        beyond ??= index;
        continue;
      }
      while (kept.length < index) kept.push("");
      kept[index] = cell;
    }
    if (kept.length === 0 && beyond === undefined && !problem) return;
    // The first non-empty row is the header, so the header and MAX_SHEET_ROWS more are kept.
    if (this.rows.length > MAX_SHEET_ROWS) throw tooManyRows();
    const why =
      problem ??
      (beyond === undefined
        ? undefined
        : `Column ${columnLetter(beyond)} has a value, but a sheet of markets ends at column ${columnLetter(MAX_SHEET_COLUMNS - 1)}: clear it.`);
    this.rows.push(why ? { line, cells: kept, problem: why } : { line, cells: kept });
  }
}

/** The message for a whole sheet refused, tied to the import's `uploadId` (the field that named the sheet). */
export function sheetRefused(message: string, cause?: unknown): AppError {
  return new AppError("invalid_input", { message, fields: { uploadId: message }, cause });
}

export function tooManyRows(): AppError {
  const limit = MAX_SHEET_ROWS.toLocaleString("en-US");
  return sheetRefused(
    `The sheet has more than ${limit} rows, the most an import reads: a campaign has at most ${MAX_MARKETS} markets, so keep only their rows.`,
  );
}
