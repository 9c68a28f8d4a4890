import Papa from "papaparse";
import * as z from "zod/mini";
import { headingKey, SHEET_COLUMNS } from "./sheet-columns";
import { RowCollector, type SheetRow } from "./sheet-rows";

// A CSV of markets, already decoded from UTF-8, read into rows with Papa Parse. Every cell is text: a cell starting
// with "=" is the characters "=…", as in the file (a CSV has no formulas; only a spreadsheet app would run one).
// Rows are numbered as a spreadsheet app numbers them when it opens the file: one per record, so a quoted cell
// spanning two lines is still one row.

const KNOWN: readonly string[] = SHEET_COLUMNS;

// Excel writes CSV with the list separator of the computer's region: ";" in much of Europe, "," elsewhere, and tabs
// for "Unicode text". The header is column names only, so the separator is the one that splits it into the most of
// ours (a guess from the data rows could be thrown by the commas and semicolons of a billing cell).
function separatorOf(headerLine: string): string {
  let best = ",";
  let most = 0;
  for (const candidate of [",", ";", "\t"]) {
    const known = headerLine
      .split(candidate)
      .filter((cell) => KNOWN.includes(headingKey(cell.replaceAll('"', "")))).length;
    if (known > most) [best, most] = [candidate, known];
  }
  return best;
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes:
    'A quote (") opened in this row is never closed, so the rest of the file was read as one cell: close it.',
  InvalidQuotes: 'A quote (") in this row is out of place: a cell with quotes in it is written "like ""this""".',
};

const record = z.array(z.string());

/** The CSV's non-empty rows (at most MAX_SHEET_ROWS under the header: more is refused as soon as it is seen). */
export function readCsvRows(text: string): SheetRow[] {
  // One newline everywhere (Windows' CRLF, old Macs' CR), so a file that mixes them still splits where it should.
  const normalised = text.replace(/\r\n?/g, "\n");
  const headerLine = normalised.split("\n", 64).find((line) => line.trim() !== "") ?? "";
  const collector = new RowCollector();
  let line = 0;
  let refused: unknown;
  Papa.parse<unknown>(normalised, {
    delimiter: separatorOf(headerLine),
    newline: "\n",
    skipEmptyLines: false,
    step(result, parser) {
      line += 1;
      const cells = record.safeParse(result.data);
      const problem = result.errors.map((e) => QUOTE_PROBLEMS[e.code]).find((p) => p !== undefined);
      try {
        collector.add(line, cells.success ? cells.data.entries() : [], problem);
      } catch (error) {
        // Too many rows: stop reading here rather than parse the rest of the file.
        refused = error;
        parser.abort();
      }
    },
  });
  if (refused) throw refused;
  return collector.rows;
}
