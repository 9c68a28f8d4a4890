import "server-only";
import type { PosterView } from "../api-types";
import { jobStatusUrl } from "../jobs/enqueue";
import type { PackJob } from "../jobs/schema";
import { toUsd } from "../money";
import { toPosterView } from "../posters/view";
import { getPosters } from "../store/posters";
import type { PackFailure, PackJobView, PackStepView } from "./types";

// A pack job as the page and scripts see it: per format its state (and its poster once made), the totals, and the
// ZIP's app URL once it is built. A job that failed for good lists the formats it never reached as failed.

export const packZipUrl = (jobId: string) => `/api/jobs/${jobId}/zip`;

export async function toPackJobView(job: PackJob): Promise<PackJobView> {
  const ids = job.input.formats.flatMap((f) => job.steps[f]?.posterId ?? []);
  const records = await getPosters(ids);
  const views = new Map<string, PosterView>(
    await Promise.all(records.map(async (r) => [r.id, await toPosterView(r)] as const)),
  );
  const gaveUp =
    job.status === "failed" ? (job.error ?? { code: "job_failed", message: "The pack stopped." }) : undefined;
  const formats = job.input.formats.map((format): PackStepView => {
    const step = job.steps[format];
    const cents = Object.values(step?.charged ?? {}).reduce((sum, c) => sum + c, 0);
    const poster = step?.posterId ? views.get(step.posterId) : undefined;
    const charged = toUsd(cents);
    if (step?.status === "done" && poster) return { format, status: "done", poster, charged };
    if (step?.status === "failed") return { format, status: "failed", error: step.error, charged };
    // Not reached: failed with the job, else still to come.
    return gaveUp ? { format, status: "failed", error: gaveUp, charged } : { format, status: "queued", charged };
  });
  const chargedCents = job.input.formats.reduce(
    (sum, f) => sum + Object.values(job.steps[f]?.charged ?? {}).reduce((s, c) => s + c, 0),
    0,
  );
  const failed = formats.flatMap((f): PackFailure[] =>
    f.status === "failed"
      ? [{ format: f.format, code: f.error?.code ?? "job_failed", message: f.error?.message ?? "" }]
      : [],
  );
  const charged = toUsd(chargedCents);
  return {
    jobId: job.id,
    type: "pack",
    status: job.status,
    statusUrl: jobStatusUrl(job.id),
    progress: { done: formats.filter((f) => f.status !== "queued").length, total: formats.length },
    keyArtId: job.input.keyArtId,
    formats,
    posters: formats.flatMap((f) => (f.poster ? [f.poster] : [])),
    failed,
    charged,
    ...(job.status === "done" && job.result?.zipKey ? { zipUrl: packZipUrl(job.id) } : {}),
    ...(job.result?.board ? { board: job.result.board } : {}),
    ...(job.error ? { error: job.error } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
