import * as z from "zod/mini";
import { PLACEMENT_IDS, PLACEMENTS } from "../print/placements";

// POST /api/posters/{id}/pack: which placements to make, and a board to add them to. Shared by the route and the
// studio's pack panel (its request type is inferred from this schema). Pure.

export const MAX_PACK_FORMATS = PLACEMENTS.length;

export const packRequestSchema = z.strictObject({
  formats: z
    .array(z.string({ error: "Each format is a placement id." }))
    .check(
      z.minLength(1, `Pick at least one format: ${PLACEMENT_IDS.join(", ")}.`),
      z.maxLength(MAX_PACK_FORMATS, `At most ${MAX_PACK_FORMATS} formats.`),
    ),
  boardId: z.optional(z.string({ error: "boardId names one of the team's boards." })),
});

export type PackRequest = z.output<typeof packRequestSchema>;
