import type { ExportView } from "../api-types";
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

export type JobView = PackJobView | ExportJobView;
