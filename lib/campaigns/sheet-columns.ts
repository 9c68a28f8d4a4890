import type * as z from "zod/mini";
import { canonicalMarketCode, type MarketRequest, marketSchema } from "./schema";
import { columnLetter, type SheetCell, type SheetRow } from "./sheet-rows";

// A sheet of markets, as the person fills it in: a header row naming the columns (any order, any case), then one
// market per row. This turns the rows into market requests and checks each with the same schema as the API
// (lib/campaigns/schema.ts), so a cell gets the words a form field would; what is wrong is said per line and column.
// Pure: no file formats here (lib/campaigns/sheet-csv.ts, sheet-xlsx.ts read them).

/** The columns, in the template's order. */
export const SHEET_COLUMNS = [
  "code",
  "title",
  "tagline",
  "date",
  "rating_system",
  "rating_code",
  "rating_descriptors",
  "billing",
  "placements",
  "logo",
  "title_in_type",
] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

export interface SheetError {
  /** The spreadsheet's row number (the header is line 1 when it is the first row). */
  line: number;
  /** The column (one of SHEET_COLUMNS), "columns" for the header as a whole, or "row" for the row as a whole. */
  field: string;
  message: string;
}

export interface SheetMarket {
  line: number;
  market: MarketRequest;
}

const KNOWN: readonly string[] = SHEET_COLUMNS;
const isColumn = (name: string): name is SheetColumn => KNOWN.includes(name);

/** "Rating System", " rating-code " → rating_system, rating_code. */
export const headingKey = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

const textOf = (cell: SheetCell | undefined) => (typeof cell === "string" ? cell : "");
// A heading can be anything a person pasted: each is shortened, and a long list ends with how many more there are.
const listed = (names: readonly string[]) => {
  const shown = names.slice(0, 10).map((n) => JSON.stringify(n.length > 40 ? `${n.slice(0, 39)}…` : n));
  return names.length > 10 ? `${shown.join(", ")} and ${names.length - 10} more` : shown.join(", ");
};
const COLUMNS_SENTENCE = `The columns are ${SHEET_COLUMNS.slice(0, -1).join(", ")} and ${SHEET_COLUMNS.at(-1)}.`;

export type Header = Map<number, SheetColumn>;

/** The header row's columns by index, or what is wrong with it (then no row is read: a misnamed column would
 * otherwise be dropped from every market without a word). */
export function readHeader(row: SheetRow): { header: Header; errors: SheetError[] } {
  const header: Header = new Map();
  const errors: SheetError[] = [];
  const unknown: string[] = [];
  const firstAt = new Map<SheetColumn, number>();
  row.cells.forEach((cell, index) => {
    if (typeof cell !== "string") {
      errors.push({
        line: row.line,
        field: "columns",
        message: `Column ${columnLetter(index)}'s heading can't be read (${cell.unreadable}): type the column's name.`,
      });
      return;
    }
    const key = headingKey(cell);
    if (key === "") return;
    if (!isColumn(key)) {
      unknown.push(cell.trim());
      return;
    }
    const first = firstAt.get(key);
    if (first !== undefined) {
      errors.push({
        line: row.line,
        field: key,
        message: `The ${key} column is there twice (columns ${columnLetter(first)} and ${columnLetter(index)}): keep one.`,
      });
      return;
    }
    firstAt.set(key, index);
    header.set(index, key);
  });
  if (unknown.length > 0) {
    errors.push({
      line: row.line,
      field: "columns",
      message: `Unknown ${unknown.length === 1 ? "column" : "columns"} ${listed(unknown)}. ${COLUMNS_SENTENCE}`,
    });
  }
  for (const required of ["code", "title"] as const) {
    if (!firstAt.has(required)) {
      errors.push({
        line: row.line,
        field: required,
        message: `The sheet has no ${required} column: every market needs a code and a title.`,
      });
    }
  }
  return { header, errors };
}

const BILLING_EXAMPLE = "starring: MAYA OKAFOR, JONAS REED; directed by: ANNA KARLSSON";

/** `role: Name, Name; role: Name` → credits in billing order, or why it can't be read. */
export function parseBilling(text: string): { credits: Credits } | { error: string } {
  const credits: Credits = [];
  for (const part of text.split(";")) {
    if (part.trim() === "") continue;
    const colon = part.indexOf(":");
    if (colon < 0) {
      return {
        error: `"${part.trim().slice(0, 40)}" has no role: write the billing as role: names; role: names (like ${BILLING_EXAMPLE}).`,
      };
    }
    const names = part
      .slice(colon + 1)
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n !== "");
    credits.push({ role: part.slice(0, colon).trim(), names });
  }
  return { credits };
}

/** Placement ids, separated by spaces or commas; ids are lower case, so "Quad" is quad. */
export const parsePlacements = (text: string) =>
  text
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter((id) => id !== "");

// Where a schema issue is in the sheet: the request's fields are the columns, except billing (credits) and the
// rating's three.
function columnOf(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === "credits") return "billing";
  if (first === "rating")
    return second === "code" ? "rating_code" : second === "descriptors" ? "rating_descriptors" : "rating_system";
  return typeof first === "string" ? first : "row";
}

type Credits = { role: string; names: string[] }[];

function messageOf(issue: z.core.$ZodIssue, credits: Credits | undefined): string {
  const [first, index] = issue.path;
  // "In "directed by": Give the credited name." says which credit of the cell it is.
  const role = first === "credits" && typeof index === "number" ? credits?.[index]?.role : undefined;
  return role ? `In "${role}": ${issue.message}` : issue.message;
}

/** One data row as a market request, or its errors. `code` is the row's market code in canonical form, when it
 * has one, even if the row has other errors (so a later row with the same code is still told). */
export function readMarketRow(
  row: SheetRow,
  header: Header,
): { market?: MarketRequest; code?: string; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const error = (field: string, message: string) => errors.push({ line: row.line, field, message });
  if (row.problem) error("row", row.problem);

  const cells = new Map<SheetColumn, string>();
  row.cells.forEach((cell, index) => {
    const column = header.get(index);
    if (!column) {
      if (textOf(cell).trim() !== "" || typeof cell !== "string") {
        error("row", `Column ${columnLetter(index)} has a value but no heading: name the column or clear it.`);
      }
      return;
    }
    if (typeof cell !== "string") error(column, `This cell can't be read: ${cell.unreadable}.`);
    // Empty cells are absent: the campaign's own value applies.
    else if (cell.trim() !== "") cells.set(column, cell);
  });

  // Built from the cells as typed; the schema says what is wrong with them (an unknown placement, a long title).
  const code = cells.get("code") ?? "";
  const input: Record<string, unknown> = { code, title: cells.get("title") ?? "" };
  if (!cells.has("code") && !errors.some((e) => e.field === "code"))
    error("code", "Give the market's code, like fr-FR.");
  for (const column of ["tagline", "date", "logo"] as const) {
    const value = cells.get(column);
    if (value !== undefined) input[column] = value;
  }
  const typed = cells.get("title_in_type");
  if (typed !== undefined) {
    const answer = typed.trim().toLowerCase();
    if (["yes", "true", "1", "y"].includes(answer)) input.typedTitle = true;
    else if (!["no", "false", "0", "n"].includes(answer))
      error("title_in_type", "title_in_type is yes (set the title in type, not the kit's logo) or no.");
  }
  const billing = cells.get("billing");
  let credits: Credits | undefined;
  if (billing !== undefined) {
    const parsed = parseBilling(billing);
    if ("error" in parsed) error("billing", parsed.error);
    else input.credits = credits = parsed.credits;
  }
  const placements = cells.get("placements");
  if (placements !== undefined) input.placements = parsePlacements(placements);

  const system = cells.get("rating_system");
  const rating = cells.get("rating_code");
  const descriptors = cells.get("rating_descriptors");
  if (system !== undefined && rating !== undefined) {
    input.rating = { system, code: rating, ...(descriptors !== undefined ? { descriptors } : {}) };
  } else if (system !== undefined || rating !== undefined || descriptors !== undefined) {
    // A rating is the board's system and its code together; half a rating would be printed as if it were whole.
    if (system === undefined)
      error("rating_system", "Give the rating system too (like BBFC or FSK), or leave the rating columns empty.");
    if (rating === undefined)
      error("rating_code", "Give the rating too (like 12A or 12), or leave the rating columns empty.");
  }

  const canonical = canonicalMarketCode(code.trim());
  // A column that already has its own, plainer error (an empty code, an unreadable cell) isn't told twice.
  const told = new Set(errors.map((e) => e.field));
  const parsed = marketSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = columnOf(issue.path);
      if (!told.has(field)) error(field, messageOf(issue, credits));
    }
  }
  if (errors.length > 0 || !parsed.success) return { code: canonical, errors };
  return { market: parsed.data, code: canonical, errors };
}
