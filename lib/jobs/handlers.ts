import "server-only";
import { campaignCellsHandler, campaignPlacementHandler, campaignRunHandler } from "../campaigns/deliverables/jobs";
import { campaignZipHandler } from "../campaigns/deliverables/zip";
import { packJobHandler } from "../pack/job";
import { exportJobHandler } from "../print/export-jobs";
import type { JobOutcome } from "../store/jobs";
import type { Job } from "./schema";
import type { JobRun } from "./types";

// Every kind of job, by its type: what runs it and what it puts right when it fails for good.

export const jobHandlers = {
  run(run: JobRun<Job>): Promise<JobOutcome> {
    const { job } = run;
    switch (job.type) {
      case "pack":
        return packJobHandler.run({ ...run, job });
      case "export":
        return exportJobHandler.run({ ...run, job });
      case "campaign-run":
        return campaignRunHandler.run({ ...run, job });
      case "campaign-placement":
        return campaignPlacementHandler.run({ ...run, job });
      case "campaign-cells":
        return campaignCellsHandler.run({ ...run, job });
      case "campaign-zip":
        return campaignZipHandler.run({ ...run, job });
    }
  },
  async failed(job: Job, reason: string): Promise<void> {
    switch (job.type) {
      case "pack":
        return packJobHandler.failed?.(job, reason);
      case "export":
        return exportJobHandler.failed?.(job, reason);
      case "campaign-run":
        return campaignRunHandler.failed?.(job, reason);
      case "campaign-placement":
        return campaignPlacementHandler.failed?.(job, reason);
      case "campaign-cells":
        return campaignCellsHandler.failed?.(job, reason);
      case "campaign-zip":
        return campaignZipHandler.failed?.(job, reason);
    }
  },
};
