import { z } from "zod";
import { designSchema } from "../design/schema";
import { POSTER_STATUSES } from "../library-requests";
import { ASPECT_RATIO_IDS } from "../models/aspect-ratios";
import { CATALOGUE_IDS } from "../models/operations/catalogue";
import { POSTER_MODEL_IDS } from "../posters/labels";
import { PRINT_FORMATS } from "../print/export-schema";
import { PRINT_SIZE_IDS } from "../print/sizes";
import { VERDICTS } from "../reviews/words";
import type { ShareTarget } from "./table";

// What each entity of the table holds, as one schema apiece: every store parses an item with its schema when it reads
// it (lib/store/items.ts parseItem), so a record that isn't what the code expects is logged and answered as a 500,
// never passed on as if it were; the record types are inferred from these schemas, not written beside them.
// Key attributes (pk, sk, gsi*, ttl) are not part of a record: parseItem drops them before parsing.
// Pure: no AWS here, so the browser may import the types.

/** The OpenID subject of a maker: every record that can be changed has one (see lib/maintenance/backfill-makers.ts
 * for the records from before makers were recorded). */
const maker = z.string().min(1);
const stamp = z.string().min(1);
const inputs = z.record(z.string(), z.union([z.number(), z.string()]));

export const posterRecordSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  negativePrompt: z.string().optional(),
  /** The model or image service invoked: the catalogue keeps retired ones, so every poster's is in it. */
  model: z.enum(POSTER_MODEL_IDS),
  aspectRatio: z.enum(ASPECT_RATIO_IDS),
  params: inputs,
  seed: z.number(),
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
  price: z.number(),
  createdAt: stamp,
  imageKey: z.string(),
  thumbKey: z.string(),
  /** Before favourites were per person: one team-wide star. It counts as its maker's until the poster's favourites
   * next change, which folds it into `favoritedBy` (see setFavorite). */
  favorite: z.boolean().optional(),
  /** Who starred it (OpenID subjects): favourites are per person (a DynamoDB string set). */
  favoritedBy: z.set(z.string()).optional(),
  /** The prompt lowercased, for search (absent on posters from before search). */
  promptSearch: z.string().optional(),
  /** Who made it, and their name then. */
  createdBy: maker,
  createdByName: z.string().optional(),
  /** The typography design and the composed poster it renders to (the art itself is never changed). */
  design: z.optional(designSchema),
  composedKey: z.string().optional(),
  composedThumbKey: z.string().optional(),
  /** Lineage: how it was made ("generate" when absent), from which poster, with which inputs (ids and numbers). */
  operation: z.enum(CATALOGUE_IDS).optional(),
  parentId: z.string().optional(),
  inputs: inputs.optional(),
  /** How many posters were made from this one and still exist: kept with their links (see newPosterItems). */
  versionCount: z.number().optional(),
  /** Its parent has been deleted: it is an original of its own now (the gallery no longer folds it). */
  parentGone: z.boolean().optional(),
  /** The campaign it belongs to: as key art, as a placement's art, or as a market's deliverable (a cell). */
  campaign: z
    .object({
      id: z.string(),
      role: z.enum(["key-art", "placement", "cell"]),
      market: z.string().optional(),
      placement: z.string().optional(),
    })
    .optional(),
  /** Review status; absent means "draft". Who set it (a name) and when. */
  reviewStatus: z.enum(POSTER_STATUSES).exclude(["draft"]).optional(),
  reviewStatusBy: z.string().optional(),
  reviewStatusAt: z.string().optional(),
});
export type PosterRecord = z.infer<typeof posterRecordSchema>;

export const boardRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  posterIds: z.array(z.string()),
  createdAt: stamp,
  updatedAt: stamp,
  version: z.number().int(),
  /** Who made the board: only they (or an admin) rename it, delete it, share it and choose its editors. */
  createdBy: maker,
  /** Team members the maker chose to add, remove and reorder its posters too (OpenID subjects; a string set). */
  editors: z.set(z.string()).optional(),
});
export type BoardRecord = z.infer<typeof boardRecordSchema>;

/** One poster of a board as it was sent: S3 keys of copies made for the link (a later design save can't change
 * them), never URLs. The prompt is kept only when the link shows it. */
export const snapshotPosterSchema = z.object({
  id: z.string(),
  label: z.string(),
  width: z.number(),
  height: z.number(),
  imageKey: z.string(),
  thumbKey: z.string(),
  artKey: z.string(),
  designed: z.boolean(),
  prompt: z.string().optional(),
  model: z.string().optional(),
  seed: z.number().optional(),
});
export type SnapshotPoster = z.infer<typeof snapshotPosterSchema>;

export const shareSnapshotSchema = z.object({
  /** The board's name when it was sent. */
  title: z.string(),
  posters: z.array(snapshotPosterSchema),
});
export type ShareSnapshot = z.infer<typeof shareSnapshotSchema>;

const SHARE_TARGETS = ["poster", "board"] as const satisfies readonly ShareTarget[];

export const shareRecordSchema = z.object({
  token: z.string(),
  target: z.enum(SHARE_TARGETS),
  targetId: z.string(),
  showPrompt: z.boolean(),
  createdAt: stamp,
  expiresAt: stamp,
  /** Who made the link, and their name then (the share page says who shared it). */
  createdBy: maker,
  createdByName: z.string().optional(),
  /** Reviewers may approve, ask for changes and comment (board links). */
  review: z.boolean().optional(),
  /** The board as sent (absent: live, the board as it is now). */
  snapshot: shareSnapshotSchema.optional(),
});
export type ShareRecord = z.infer<typeof shareRecordSchema>;

export const reviewRecordSchema = z.object({
  id: z.string(),
  /** The link it was left on, its board, and the poster with its label on that link (A, B, C…). */
  token: z.string(),
  boardId: z.string(),
  boardName: z.string(),
  posterId: z.string(),
  label: z.string(),
  /** Self-declared: a reviewer has no account. */
  name: z.string(),
  verdict: z.enum(VERDICTS).optional(),
  comment: z.string().optional(),
  /** Where on the image, each 0–1 of its width and height. */
  pin: z.object({ x: z.number(), y: z.number() }).optional(),
  createdAt: stamp,
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

export const tokenRecordSchema = z.object({
  id: z.string(),
  sub: maker,
  email: z.string(),
  name: z.string(),
  /** The first characters, to tell tokens apart in a list. */
  prefix: z.string(),
  createdAt: stamp,
  /** When it stops working; null (or absent, on older items) for a token that works until revoked. */
  expiresAt: z.string().nullable().default(null),
});
export type TokenRecord = z.infer<typeof tokenRecordSchema>;

export const memberRecordSchema = z.object({
  sub: maker,
  email: z.string(),
  name: z.string(),
  /** What the identity provider said at the last sign-in (admin rights by email need it). */
  emailVerified: z.boolean().optional(),
});
export type MemberRecord = z.infer<typeof memberRecordSchema>;

export const EXPORT_STATUSES = ["queued", "running", "ready", "failed"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

const exportFields = {
  id: z.string(),
  posterId: z.string(),
  /** What the list shows beside the format: the print size, or the PSD's pixels. */
  sizeLabel: z.string(),
  status: z.enum(EXPORT_STATUSES),
  /** The file, once ready: an S3 key beside the poster (signed at read time). */
  key: z.string().optional(),
  bytes: z.number().optional(),
  widthPx: z.number().optional(),
  heightPx: z.number().optional(),
  warnings: z.array(z.string()).optional(),
  /** Why a job failed, in a sentence for the user. */
  error: z.string().optional(),
  createdAt: stamp,
  createdBy: maker,
  createdByName: z.string().optional(),
  /** When a worker started on it. */
  claimedAt: z.string().optional(),
};

/** A print master: a PDF or a TIFF at a print size. */
const printExportSchema = z.object({
  ...exportFields,
  format: z.enum(PRINT_FORMATS),
  size: z.union([z.enum(PRINT_SIZE_IDS), z.object({ widthIn: z.number(), heightIn: z.number() })]),
  bleedIn: z.number(),
  /** TIFF: pixels per inch asked for (absent: the art's own). */
  ppi: z.number().optional(),
  effectivePpi: z.number().optional(),
  /** The part of the art placed (in its pixels): the rest was cropped to fill trim + bleed without stretching. */
  crop: z.object({ left: z.number(), top: z.number(), width: z.number(), height: z.number() }).optional(),
});
export type PrintExportRecord = z.infer<typeof printExportSchema>;

/** The layered PSD: the poster's own pixels, no print size. */
const layeredExportSchema = z.object({ ...exportFields, format: z.literal("psd") });

export const exportRecordSchema = z.discriminatedUnion("format", [printExportSchema, layeredExportSchema]);
export type ExportRecord = z.infer<typeof exportRecordSchema>;

export const ledgerEntrySchema = z.object({
  id: z.string(),
  day: z.string(),
  at: stamp,
  user: z.string(),
  model: z.string(),
  cents: z.number().int(),
  /** The poster it made; none when the model answered but the poster was not kept (cancelled, storage failed). */
  posterId: z.string().optional(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** A price held for one generation until it is settled. */
export const reservationSchema = z.object({
  id: z.string(),
  day: z.string(),
  /** The member's OpenID subject (their running total's key). */
  user: z.string(),
  cents: z.number().int(),
  startedAt: stamp,
});
export type Reservation = z.infer<typeof reservationSchema>;
