import { formatCents, toCents } from "@/lib/money";

// How the campaign page writes amounts, counts and dates (the API's amounts are USD; shown to the cent).

export const dollars = (usd: number) => formatCents(toCents(usd));

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A release date (YYYY-MM-DD) with the month's name, which no reader can take for another date. */
export function releaseLabel(date: string) {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
