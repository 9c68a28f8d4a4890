import type { MarketInput } from "@/lib/campaigns/schema";
import type { Market } from "@/lib/campaigns/types";
import type { PlacementId } from "@/lib/print/placements";
import { creditDrafts, creditsOf } from "./credits-editor";
import type { MarketExtras } from "./market-details";

// The markets table's rows as the form holds them (text as typed, credits as drafts), to and from the API's
// markets, and a refusal's messages ("2.title", "2.credits.0.names") sorted onto the cell, the row's panel and the
// list above the table.

export interface RowDraft extends MarketExtras {
  key: number;
  code: string;
  title: string;
  tagline: string;
  date: string;
  system: string;
  rating: string;
  descriptors: string;
  /** null: the defaults (the market's national poster and the campaign's placements). */
  placements: PlacementId[] | null;
}

export type Column = "code" | "title" | "tagline" | "date" | "system" | "rating" | "descriptors" | "placements";

export const COLUMNS: { id: Column; label: string; width: string }[] = [
  { id: "code", label: "Code", width: "w-20" },
  { id: "title", label: "Title", width: "w-40" },
  { id: "tagline", label: "Tagline", width: "w-48" },
  { id: "date", label: "Date line", width: "w-36" },
  { id: "system", label: "Rating system", width: "w-20" },
  { id: "rating", label: "Rating", width: "w-16" },
  { id: "descriptors", label: "Descriptors", width: "w-28" },
  { id: "placements", label: "Placements", width: "w-44" },
];

let keys = 0;

export function rowOf(market: Market): RowDraft {
  return {
    key: keys++,
    code: market.code,
    title: market.title,
    tagline: market.tagline ?? "",
    date: market.date ?? "",
    system: market.rating?.system ?? "",
    rating: market.rating?.code ?? "",
    descriptors: market.rating?.descriptors ?? "",
    placements: market.placements,
    credits: market.credits ? creditDrafts(market.credits) : null,
    ...(market.logo ? { logo: market.logo } : {}),
    ...(market.typedTitle ? { typedTitle: true } : {}),
  };
}

export const emptyRow = (): RowDraft => ({
  key: keys++,
  code: "",
  title: "",
  tagline: "",
  date: "",
  system: "",
  rating: "",
  descriptors: "",
  placements: null,
  credits: null,
});

export function inputOf(row: RowDraft): MarketInput {
  const rated = row.system.trim() || row.rating.trim() || row.descriptors.trim();
  return {
    code: row.code,
    title: row.title,
    ...(row.tagline.trim() ? { tagline: row.tagline } : {}),
    ...(row.date.trim() ? { date: row.date } : {}),
    ...(rated
      ? {
          rating: {
            system: row.system,
            code: row.rating,
            ...(row.descriptors.trim() ? { descriptors: row.descriptors } : {}),
          },
        }
      : {}),
    ...(row.placements ? { placements: row.placements } : {}),
    ...(row.credits ? { credits: creditsOf(row.credits) } : {}),
    ...(row.logo ? { logo: row.logo } : {}),
    ...(row.typedTitle ? { typedTitle: true } : {}),
  };
}

/** Which cell a message keyed "row.field[.part]" belongs on, if any (credits and logo are in the row's panel). */
function columnOf(path: string[]): Column | undefined {
  const [field, part] = path;
  if (field === "rating") return part === "code" ? "rating" : part === "descriptors" ? "descriptors" : "system";
  if (field === "code" || field === "title" || field === "tagline" || field === "date") return field;
  if (field === "placements") return "placements";
  return undefined;
}

export interface Problems {
  /** "row.column" → message. */
  cells: Record<string, string>;
  /** The row's panel (its logo and billing): row → "logo" | "credits[.i.part]" → message. */
  details: Record<number, Record<string, string>>;
  /** Every message, for the summary above the table. */
  list: { row: number | undefined; field: string; message: string; panel?: PanelPart }[];
}

/** What a row's panel holds: messages about it are cleared as it is changed. */
export type PanelPart = "logo" | "credits";
const isPanelPart = (field: string | undefined): field is PanelPart => field === "logo" || field === "credits";

/** A panel field as the problem list names it: "billing, credit 2", "title logo". */
function detailLabel(rest: readonly string[]): string {
  const [field, index] = rest;
  if (field === "logo") return "title logo";
  if (field === "credits") return index === undefined ? "billing" : `billing, credit ${Number(index) + 1}`;
  return rest.join(" ");
}

export function problemsOf(fields: Record<string, string>): Problems {
  const cells: Record<string, string> = {};
  const details: Problems["details"] = {};
  const list: Problems["list"] = [];
  for (const [key, message] of Object.entries(fields)) {
    const [first = "", ...rest] = key.split(".");
    const row = /^\d+$/.test(first) ? Number(first) : undefined;
    const column = row === undefined ? undefined : columnOf(rest);
    if (row !== undefined && column) cells[`${row}.${column}`] ??= message;
    const panel = row !== undefined && !column && isPanelPart(rest[0]) ? rest[0] : undefined;
    if (row !== undefined && panel) details[row] = { [rest.join(".")]: message, ...details[row] };
    list.push({
      row,
      field: COLUMNS.find((c) => c.id === column)?.label ?? detailLabel(rest),
      message,
      ...(panel ? { panel } : {}),
    });
  }
  return { cells, details, list };
}

export const noProblems = (): Problems => ({ cells: {}, details: {}, list: [] });

/** The problems without row `row`'s messages about `part` of its panel: changed, they no longer hold. */
export function settled(problems: Problems, row: number, part: PanelPart): Problems {
  const left = Object.entries(problems.details[row] ?? {}).filter(([key]) => key.split(".")[0] !== part);
  return {
    ...problems,
    details: { ...problems.details, [row]: Object.fromEntries(left) },
    list: problems.list.filter((p) => p.row !== row || p.panel !== part),
  };
}
