import type { PosterSummary } from "../api-types";
import type { JobError, JobStatus } from "../jobs/schema";
import type { PlacementId } from "../print/placements";
import type { Market } from "../store/campaign-records";
import type { BrandKit } from "./schema";

// What the campaign API answers, shared by the routes and the campaign page.

export type { Market } from "../store/campaign-records";

export interface CampaignSummary {
  id: string;
  name: string;
  title: string;
  releaseDate?: string;
  createdBy: string;
  createdByName?: string;
  createdAt: string;
  updatedAt: string;
  marketCount: number;
  keyArtCount: number;
  /** The first key art's thumbnail (a short-lived signed URL), if any. */
  coverUrl: string | null;
}

export interface CampaignView extends CampaignSummary {
  /** Send it back with a change made from this view: a change from a stale view is refused (409). */
  version: number;
  kit: BrandKit | null;
  markets: Market[];
  placements: PlacementId[];
  keyArt: PosterSummary[];
  /** The title logos the kit and the markets name, each a short-lived signed URL by its name (`logo-…`), so the
   * page can show them. */
  logoUrls: Record<string, string>;
  /** USD the campaign's deliverables have cost so far (placement art: the only model calls). */
  spent: number;
}

export interface KitSaved {
  kit: BrandKit;
  /** Deliverables made under the old kit that would read differently now: re-run the matrix to re-make them. */
  outOfDate: number;
}

export type CellStatus = "queued" | "done" | "failed";

export interface CellView {
  market: string;
  placement: PlacementId;
  keyArtId: string;
  status: CellStatus;
  /** Made, but from inputs that have changed since (kit, market, key art): a re-run makes it again. */
  outOfDate?: boolean;
  posterId?: string;
  thumbnailUrl?: string;
  width?: number;
  height?: number;
  error?: JobError;
  updatedAt: string;
}

export interface DeliverablesView {
  cells: CellView[];
  totals: { total: number; done: number; queued: number; failed: number; outOfDate: number };
  /** USD spent on placement art so far. */
  spent: number;
}

/** POST /api/campaigns/{id}/deliverables → 202. */
export interface DeliverablesQueued {
  jobId: string;
  statusUrl: string;
  /** Cells this run makes (the others are up to date). */
  cells: number;
  /** Cells left as they are: made from the same inputs already. */
  upToDate: number;
  /** USD: the placements' art still to make (crops are free). */
  price: number;
  /** Model calls the run will make at most (one per placement whose art is new). */
  modelCalls: number;
}

/** GET /api/jobs/{id} of a deliverables run. */
export interface DeliverablesJobView {
  jobId: string;
  type: "campaign-run";
  campaignId: string;
  status: JobStatus;
  statusUrl: string;
  progress: { done: number; failed: number; total: number };
  error?: JobError;
  createdAt: string;
  updatedAt: string;
}

/** GET …/deliverables/zip → 202 while the ZIP is made (then the same URL redirects to it). */
export interface ZipQueued {
  jobId: string;
  statusUrl: string;
  status: "queued" | "done" | "failed";
  files: number;
}
