import type { LedgerEntry } from "./store/ledger";

// The ledger as CSV for finance: one row per charged generation, oldest first, prices in USD.
const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function ledgerCsv(entries: readonly LedgerEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => [e.day, e.at, e.user, e.model, (e.cents / 100).toFixed(2), e.posterId ?? ""].map(csvField).join(","));
  return `${["day,time,user,model,price_usd,poster_id", ...rows].join("\n")}\n`;
}
