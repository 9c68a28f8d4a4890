// Money is counted in whole US cents wherever it is priced, added up or compared: the catalogue's prices, the
// budget's reservations, a pack's total, the studio's "this run costs". Dollars appear only at the edges: the JSON
// the API has always answered in USD, the budget settings people type, and what is shown. Pure: the browser uses it.

/** A whole number of US cents. */
export type Cents = number;

/** Dollars as typed in a setting (or answered by the API) to cents, rounded to the cent. */
export const toCents = (usd: number): Cents => Math.round(usd * 100);

/** Cents as the API's JSON states them (USD). */
export const toUsd = (cents: Cents): number => cents / 100;

/** "$0.08". */
export const formatCents = (cents: Cents): string => `$${(cents / 100).toFixed(2)}`;
