import { z } from "zod";
import { posterRecordSchema } from "./records";

// What a poster in the trash holds (lib/store/trash.ts): the poster's own record, moved whole, and when it went, by
// whom. Parsed on every read and write, like every record. Pure: the browser may import the types and the rule.

/** How long a poster stays in the trash before the sweeper purges it (its files, its records, its comments). */
export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

export const trashedPosterSchema = posterRecordSchema.extend({
  trashedAt: z.string().min(1),
  /** Who moved it there (the maker, or an admin): an OpenID subject and their name then. */
  trashedBy: z.string().min(1),
  trashedByName: z.string().optional(),
  /** Set when a purge begins: from then on it can't be restored (its files may already be going). */
  purging: z.string().optional(),
});
export type TrashedPosterRecord = z.infer<typeof trashedPosterSchema>;

/** When the sweeper purges a poster trashed at `trashedAt` (an ISO time). */
export const purgeAt = (trashedAt: string): string =>
  new Date(Date.parse(trashedAt) + TRASH_DAYS * DAY_MS).toISOString();

/** The newest `trashedAt` a purge at `now` takes. */
export const purgeCutoff = (now: number): string => new Date(now - TRASH_DAYS * DAY_MS).toISOString();
