import "server-only";
import { signGet } from "../aws/s3";
import { toRunJobView } from "../campaigns/deliverables/view";
import { AppError } from "../errors";
import { isId } from "../ids";
import { toPackJobView } from "../pack/view";
import { findExportView } from "../print/exports";
import { getJob, jobsAbout } from "../store/jobs";
import type { Job } from "./schema";
import type { JobView } from "./view-types";

// A job's status, as GET /api/jobs/{id} answers it (the page polls it): the kind's own view. Anyone on the team
// may look (what a job makes, everyone may see); only who started a job pays for it.

async function load(id: string): Promise<Job> {
  const job = isId(id) ? await getJob(id) : undefined;
  if (!job) throw new AppError("not_found", { message: "There is no job with that id." });
  return job;
}

export async function toJobView(job: Job): Promise<JobView> {
  if (job.type === "pack") return toPackJobView(job);
  if (job.type === "campaign-run") return toRunJobView(job);
  if (job.type !== "export") {
    return {
      jobId: job.id,
      type: job.type,
      status: job.status,
      statusUrl: `/api/jobs/${job.id}`,
      campaignId: job.input.campaignId,
      ...(job.error ? { error: job.error } : {}),
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
    };
  }
  const exported = await findExportView(job.input.posterId, job.input.exportId).catch(() => undefined);
  return {
    jobId: job.id,
    type: "export",
    status: job.status,
    statusUrl: `/api/jobs/${job.id}`,
    ...(exported ? { export: exported } : {}),
    ...(job.error ? { error: job.error } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

export async function findJobView(id: string): Promise<JobView> {
  return toJobView(await load(id));
}

/** The newest packs of a poster (to pick up one still running when its page opens again). */
export async function recentPacks(posterId: string, limit = 3) {
  const jobs = await jobsAbout(`poster#${posterId}`, 10);
  const packs = jobs.flatMap((j) => (j.type === "pack" ? [j] : [])).slice(0, limit);
  return Promise.all(packs.map(toPackJobView));
}

/** Where a job's archive can be fetched: a short-lived signed S3 URL, never the bytes through the function. */
export async function jobArchiveUrl(id: string): Promise<string> {
  const job = await load(id);
  const result = job.type === "pack" ? job.result : undefined;
  if (job.status !== "done" || !result?.zipKey) {
    throw new AppError("not_found", { message: "This job has no archive (yet): wait until it is done." });
  }
  return (await signGet(result.zipKey, { downloadAs: result.zipName ?? "onesheet-pack.zip", ttlSeconds: 300 })).url;
}
