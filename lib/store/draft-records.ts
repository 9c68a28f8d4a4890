import { z } from "zod";
import { draftDesignSchema } from "../design/draft-schema";

// What a design draft's item holds (lib/store/design-drafts.ts), parsed on every read and write: one per poster, the
// editor's autosaved work in progress until Save commits it to the poster (which deletes the draft in the same
// transaction) or the user discards it. Pure: the browser may import the types.

export const designDraftRecordSchema = z.object({
  posterId: z.string().min(1),
  design: draftDesignSchema,
  /** Counts the draft's saves from 1: each autosave names the revision it was made on, so two windows (or the maker
   * and an admin) never overwrite each other's work unknowingly. */
  revision: z.number().int().min(1),
  savedAt: z.string().min(1),
  /** Who saved this revision (an OpenID subject). */
  savedBy: z.string().min(1),
});
export type DesignDraftRecord = z.infer<typeof designDraftRecordSchema>;
