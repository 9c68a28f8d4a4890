// How long a deleted poster stays in the trash, and when it is purged: one rule for the store (the sweeper's cutoff),
// the API (each poster's purgeAt) and the pages. Pure: the browser may import it.

/** How long a poster stays in the trash before the sweeper purges it (its files, its records, its comments). */
export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

/** When the sweeper purges a poster trashed at `trashedAt` (an ISO time). */
export const purgeAt = (trashedAt: string): string =>
  new Date(Date.parse(trashedAt) + TRASH_DAYS * DAY_MS).toISOString();

/** The newest `trashedAt` a purge at `now` takes. */
export const purgeCutoff = (now: number): string => new Date(now - TRASH_DAYS * DAY_MS).toISOString();
