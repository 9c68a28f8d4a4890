import { z } from "zod";
import { posterRecordSchema } from "./records";

// What a poster in the trash holds (lib/store/trash.ts): the poster's own record, moved whole, and when it went, by
// whom. Parsed on every read and write, like every record (how long it stays: lib/trash-rules.ts). Pure: the browser
// may import the types.

export const trashedPosterSchema = posterRecordSchema.extend({
  trashedAt: z.string().min(1),
  /** Who moved it there (the maker, or an admin): an OpenID subject and their name then. */
  trashedBy: z.string().min(1),
  trashedByName: z.string().optional(),
  /** Set when a purge begins: from then on it can't be restored (its files may already be going). */
  purging: z.string().optional(),
});
export type TrashedPosterRecord = z.infer<typeof trashedPosterSchema>;
