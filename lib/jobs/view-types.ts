import type { ExportView } from "../api-types";
import type { DeliverablesJobView } from "../campaigns/types";
import type { PackJobView } from "../pack/types";
import type { JobError, JobStatus } from "./schema";

// What GET /api/jobs/{id} answers, shared by the route and the browser.

export interface ExportJobView {
  jobId: string;
  type: "export";
  status: JobStatus;
  statusUrl: string;
  /** The print master the job makes (its own status URL too: GET /api/posters/{id}/exports/{exportId}). */
  export?: ExportView;
  error?: JobError;
  createdAt: string;
  updatedAt: string;
}

/** A campaign's inner jobs (a placement's art, a batch of cells, a ZIP): their state, as the run's status reads. */
export interface CampaignStepJobView {
  jobId: string;
  type: "campaign-placement" | "campaign-cells" | "campaign-zip";
  status: JobStatus;
  statusUrl: string;
  campaignId: string;
  error?: JobError;
  createdAt: string;
  updatedAt: string;
}

export type JobView = PackJobView | ExportJobView | DeliverablesJobView | CampaignStepJobView;
