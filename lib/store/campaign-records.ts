import { z } from "zod";
import { brandKitSchema, marketSchema } from "../campaigns/schema";
import { jobErrorSchema } from "../jobs/schema";
import { PLACEMENT_IDS } from "../print/placements";

// What a campaign's items hold, one schema apiece, parsed on every read and write (lib/store/campaigns.ts). The kit
// and the markets are stored as the API takes them (lib/campaigns/schema.ts), a market with its placements resolved.
// Pure: the browser may import the types.

const stamp = z.string().min(1);
const id = z.string().min(1);

/** A market as stored: its placements always listed (the campaign's defaults applied when it was written). */
export const marketRecordSchema = z.pipe(
  marketSchema,
  z.transform((m) => ({ ...m, placements: m.placements ?? [] })),
);
export type Market = z.output<typeof marketRecordSchema>;

export const campaignRecordSchema = z.object({
  id,
  name: z.string(),
  /** The film's title (the markets' titles are their own). */
  title: z.string(),
  releaseDate: z.string().optional(),
  createdBy: z.string().min(1),
  createdByName: z.string().optional(),
  createdAt: stamp,
  updatedAt: stamp,
  /** Bumped by every change: a change made from a stale page is refused (409), never merged blindly. */
  version: z.number().int().min(0),
  kit: z.optional(brandKitSchema),
  markets: z.array(marketRecordSchema),
  /** The placements new markets get and the matrix offers. */
  placements: z.array(z.enum(PLACEMENT_IDS)),
  /** Teaser, payoff, character: posters of the team's, in the order added. */
  keyArtIds: z.array(id),
});
export type CampaignRecord = z.output<typeof campaignRecordSchema>;

export const CELL_STATUSES = ["queued", "done", "failed"] as const;

/** One deliverable: a market × a placement, from one key art. `hash` is the digest of everything it was made from,
 * so a re-run re-makes only cells whose inputs changed. */
export const cellRecordSchema = z.object({
  campaignId: id,
  market: z.string(),
  placement: z.enum(PLACEMENT_IDS),
  keyArtId: id,
  status: z.enum(CELL_STATUSES),
  /** The digest of what the made poster was made from (absent until made). */
  hash: z.string().optional(),
  posterId: id.optional(),
  /** The run that asked for it last (its status URL), and when it was asked for: only the newest run writes it. */
  runId: id,
  runAt: stamp,
  error: jobErrorSchema.optional(),
  updatedAt: stamp,
});
export type CellRecord = z.output<typeof cellRecordSchema>;

/** A placement's art from one key art (a crop or a Reframe, made once and shared by every market). `hash` is the
 * digest of how it is made, so a changed key art or method makes it again; `cents` what it cost. */
export const artRecordSchema = z.object({
  campaignId: id,
  keyArtId: id,
  placement: z.enum(PLACEMENT_IDS),
  hash: z.string(),
  posterId: id,
  cents: z.number().int().min(0),
  createdAt: stamp,
});
export type ArtRecord = z.output<typeof artRecordSchema>;

/** A ZIP of deliverables, made by a job when first asked for; `digest` names exactly the cells it holds. */
export const zipRecordSchema = z.object({
  campaignId: id,
  digest: z.string(),
  market: z.string().optional(),
  status: z.enum(["queued", "done", "failed"]),
  jobId: id,
  key: z.string().optional(),
  name: z.string(),
  bytes: z.number().optional(),
  error: z.string().optional(),
  createdAt: stamp,
});
export type ZipRecord = z.output<typeof zipRecordSchema>;
