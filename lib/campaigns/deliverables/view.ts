import "server-only";
import { jobStatusUrl } from "../../jobs/enqueue";
import type { CampaignRunJob } from "../../jobs/schema";
import { toUsd } from "../../money";
import { signPosterFile } from "../../posters/files";
import { campaignArts, campaignCells } from "../../store/campaigns";
import { getPosters } from "../../store/posters";
import { loadCampaign } from "../service";
import type { CellView, DeliverablesJobView, DeliverablesView } from "../types";
import { outOfDateCells } from "./plan";

// The matrix as the campaign page and scripts see it: every cell with its state, its poster's thumbnail once made,
// and whether it is out of date (made from inputs that changed since); and a run's progress, from its cells.

export async function deliverablesView(campaignId: string): Promise<DeliverablesView> {
  const campaign = await loadCampaign(campaignId);
  const [cells, arts, stale] = await Promise.all([
    campaignCells(campaign.id),
    campaignArts(campaign.id),
    outOfDateCells(campaign),
  ]);
  const posters = new Map((await getPosters(cells.flatMap((c) => c.posterId ?? []))).map((p) => [p.id, p]));
  const order = new Map(campaign.markets.map((m, i) => [m.code, i]));
  const views = await Promise.all(
    cells
      .filter((c) => order.has(c.market))
      .sort((a, b) => (order.get(a.market) ?? 0) - (order.get(b.market) ?? 0) || a.placement.localeCompare(b.placement))
      .map(async (cell): Promise<CellView> => {
        const poster = cell.posterId ? posters.get(cell.posterId) : undefined;
        const outOfDate = stale.has(`${cell.market}|${cell.placement}`);
        return {
          market: cell.market,
          placement: cell.placement,
          keyArtId: cell.keyArtId,
          status: cell.status,
          ...(outOfDate ? { outOfDate } : {}),
          ...(poster
            ? {
                posterId: poster.id,
                thumbnailUrl: (await signPosterFile(poster, "thumbnail")).url,
                width: poster.width,
                height: poster.height,
              }
            : {}),
          ...(cell.error ? { error: cell.error } : {}),
          updatedAt: cell.updatedAt,
        };
      }),
  );
  const count = (status: CellView["status"]) => views.filter((v) => v.status === status).length;
  return {
    cells: views,
    totals: {
      total: views.length,
      done: count("done"),
      queued: count("queued"),
      failed: count("failed"),
      outOfDate: views.filter((v) => v.outOfDate).length,
    },
    spent: toUsd(arts.reduce((sum, a) => sum + a.cents, 0)),
  };
}

/** A run's status: queued until it fans out, then running until every cell it asked for is made or failed. */
export async function toRunJobView(job: CampaignRunJob): Promise<DeliverablesJobView> {
  const asked = new Set(job.input.cells.map((c) => `${c.market}|${c.placement}`));
  const cells = (await campaignCells(job.input.campaignId)).filter((c) => asked.has(`${c.market}|${c.placement}`));
  const ours = cells.filter((c) => c.runId === job.id);
  const done = ours.filter((c) => c.status === "done").length;
  const failed = ours.filter((c) => c.status === "failed").length;
  // A cell a later run asked for again is that run's to finish: this one is over for it.
  const superseded = cells.filter((c) => c.runId !== job.id && c.runAt > job.input.runAt).length;
  const finished = done + failed + superseded >= asked.size;
  const status =
    job.status === "failed" ? "failed" : job.status === "done" ? (finished ? "done" : "running") : job.status;
  return {
    jobId: job.id,
    type: "campaign-run",
    campaignId: job.input.campaignId,
    status,
    statusUrl: jobStatusUrl(job.id),
    progress: { done, failed, total: asked.size },
    ...(job.error ? { error: job.error } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}
