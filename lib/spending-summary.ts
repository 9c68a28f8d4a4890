import { toUsd } from "./money";
import type { LedgerEntry } from "./store/records";

/** A line of the spending ledger: the table's record type, shared with the Spending page's components from here
 *  (components never import lib/store, not even its types). */
export type { LedgerEntry };

// Totals for the Spending page's chart and the API: per UTC day (every day of the window, quiet days at zero, so a
// chart has no gaps) and per person (who spent most first). Sums are kept in cents so they add up exactly.

export const SUMMARY_DAYS = 30;

export interface DaySpend {
  day: string;
  images: number;
  totalUsd: number;
}

export interface MemberSpend {
  /** Who was charged, as the ledger names them (their email, or their subject when they have none). */
  who: string;
  images: number;
  totalUsd: number;
}

export interface SpendingSummary {
  /** Oldest day first. */
  perDay: DaySpend[];
  /** Largest total first; only people who spent something. */
  perMember: MemberSpend[];
}

/** Sums the ledger of some days (any order) into per-day and per-person totals. */
export function summarize(days: readonly { day: string; entries: readonly LedgerEntry[] }[]): SpendingSummary {
  const perDay = [...days]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((d) => ({
      day: d.day,
      images: d.entries.length,
      totalUsd: toUsd(d.entries.reduce((sum, e) => sum + e.cents, 0)),
    }));
  const members = new Map<string, { images: number; cents: number }>();
  for (const entry of days.flatMap((d) => d.entries)) {
    const total = members.get(entry.user) ?? { images: 0, cents: 0 };
    total.images += 1;
    total.cents += entry.cents;
    members.set(entry.user, total);
  }
  const perMember = [...members]
    .map(([who, t]) => ({ who, images: t.images, totalUsd: toUsd(t.cents) }))
    .sort((a, b) => b.totalUsd - a.totalUsd || a.who.localeCompare(b.who));
  return { perDay, perMember };
}
