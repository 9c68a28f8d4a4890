import type { PosterView } from "../api-types";
import type { JobError, JobStatus } from "../jobs/schema";
import type { Placement, Size } from "../print/placements";

// What the pack API answers, shared by the routes and the browser.

/** GET /api/posters/{id}/pack: one placement for this key art. */
export type PackFormatView = Placement & {
  method: "crop" | "reframe" | "unavailable";
  /** Share of the art a crop cuts away, in percent. */
  lossPercent?: number;
  /** Why the shape is out of reach of this art. */
  reason?: string;
  /** The art for this shape (a crop's box, or the reframed art), before it is sized for delivery. */
  artPx?: Size;
  /** A screen placement is delivered at exactly these pixels… */
  deliverPx?: Size;
  /** …enlarged first by this upscaler when the art is smaller (its price is in `price`). */
  upscale?: "fast";
  /** A printed placement: the art's pixels per inch at its print size, and a warning when that is too low. */
  effectivePpi?: number;
  ppiWarning?: string;
  /** USD: the model calls (Reframe, Upscale); 0 for a plain crop. */
  price: number;
};

export interface PackPlanView {
  art: { width: number; height: number; designed: boolean };
  formats: PackFormatView[];
  /** This poster's latest packs (newest first), to pick up one still running. */
  recent?: PackJobView[];
}

export interface PackFailure {
  format: string;
  code: string;
  message: string;
}

/** One placement of a pack job, as it stands. */
export interface PackStepView {
  format: string;
  status: "queued" | "done" | "failed";
  poster?: PosterView;
  error?: JobError;
  /** USD charged for it so far. */
  charged: number;
}

/** POST /api/posters/{id}/pack → 202 {jobId, statusUrl}; GET statusUrl → this. */
export interface PackJobView {
  jobId: string;
  type: "pack";
  status: JobStatus;
  statusUrl: string;
  progress: { done: number; total: number };
  keyArtId: string;
  formats: PackStepView[];
  /** The formats made (in the order asked), once there are any. */
  posters: PosterView[];
  failed: PackFailure[];
  /** USD charged so far. */
  charged: number;
  /** The ZIP of every format (an app URL that redirects to a short-lived signed S3 URL), once the job is done. */
  zipUrl?: string;
  board?: { id: string; added: boolean; message?: string };
  error?: JobError;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/posters/{id}/pack → 202. */
export interface PackQueued {
  jobId: string;
  statusUrl: string;
  status: JobStatus;
  /** USD the pack will cost if every format is made. */
  price: number;
}
