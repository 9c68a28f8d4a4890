import { toUsd } from "./money";
import type { LedgerEntry } from "./store/records";

// The ledger as CSV for finance: one row per charged generation, oldest first, prices in USD. (Pure: the download
// itself is made into S3 by lib/spending-report.ts.)

// A spreadsheet runs a cell that starts with = + - @ (or tab / carriage return) as a formula: a name a member chose
// must stay text, so it gets a leading apostrophe. Plain numbers (prices) stay numbers.
const defused = (value: string) => (/^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value);
const csvField = (raw: string) => {
  const value = defused(raw);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
};

export function ledgerCsv(entries: readonly LedgerEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => [e.day, e.at, e.user, e.model, toUsd(e.cents).toFixed(2), e.posterId ?? ""].map(csvField).join(","));
  return `${["day,time,user,model,price_usd,poster_id", ...rows].join("\n")}\n`;
}
