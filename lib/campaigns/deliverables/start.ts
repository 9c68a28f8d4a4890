import "server-only";
import { AppError } from "../../errors";
import type { Member } from "../../identity";
import { newId } from "../../ids";
import { enqueueJob, jobStatusUrl } from "../../jobs/enqueue";
import { toUsd } from "../../money";
import { mayChange } from "../../permissions";
import { checkBudget } from "../../spending";
import { campaignArts, campaignCells, queueCells } from "../../store/campaigns";
import { getPoster } from "../../store/posters";
import type { DeliverablesRequest } from "../schema";
import { loadCampaign, marketProblems } from "../service";
import type { DeliverablesQueued } from "../types";
import { cellsAsked, planRun } from "./plan";

// Asking for a run of the matrix: everything that can refuse it is checked before anything is queued (the key art
// isn't the campaign's, an unknown market, a matrix over the cap, a market its kit can't set, a budget that can't pay
// for the new placement art), then one job starts it (lib/campaigns/deliverables/jobs.ts). The answer is at once:
// 202, the job's status URL, how many cells it makes and what it will cost.

export async function startDeliverables(
  campaignId: string,
  request: DeliverablesRequest,
  member: Member,
): Promise<DeliverablesQueued> {
  const campaign = await loadCampaign(campaignId);
  if (!mayChange(member, campaign.createdBy)) throw new AppError("forbidden");
  if (!campaign.keyArtIds.includes(request.keyArt)) {
    const message = "That poster isn't key art of this campaign: add it as key art first.";
    throw new AppError("invalid_input", { message, fields: { keyArt: message } });
  }
  const keyArt = await getPoster(request.keyArt);
  if (!keyArt) throw new AppError("not_found", { message: "The key art was deleted: pick another." });
  if (campaign.markets.length === 0) {
    const message = "Add the campaign's markets first (a table, or import a spreadsheet).";
    throw new AppError("invalid_input", { message, fields: { markets: message } });
  }
  const known = new Map(campaign.markets.map((m) => [m.code, m]));
  const unknown = (request.markets ?? []).filter((code) => !known.has(code));
  if (unknown.length) {
    const message = `Not a market of this campaign: ${unknown.join(", ")}. Its markets: ${[...known.keys()].join(", ")}.`;
    throw new AppError("invalid_input", { message, fields: { markets: message } });
  }
  const markets = request.markets ? [...new Set(request.markets)].flatMap((c) => known.get(c) ?? []) : campaign.markets;
  const problems = await marketProblems(campaign, markets);
  if (Object.keys(problems).length) {
    throw new AppError("invalid_input", {
      message: `Some markets can't be set: ${Object.values(problems)[0]}`,
      fields: { markets: Object.values(problems).join(" ") },
    });
  }
  const asked = cellsAsked(markets, request.placements);
  const [cells, arts] = await Promise.all([campaignCells(campaign.id), campaignArts(campaign.id)]);
  const plan = planRun(campaign, keyArt, asked, { cells, arts });
  await checkBudget(member, plan.cents);

  const runId = newId();
  const runAt = new Date().toISOString();
  await enqueueJob(
    {
      type: "campaign-run",
      subject: `campaign#${campaign.id}`,
      owner: { sub: member.sub, email: member.email, name: member.name },
      input: {
        campaignId: campaign.id,
        keyArtId: keyArt.id,
        runAt,
        cells: plan.cells.map((c) => ({ market: c.market, placement: c.placement })),
      },
    },
    { id: runId },
  );
  // After the job exists: if this write fails, the run still makes (and writes) every cell.
  if (plan.cells.length)
    await queueCells(plan.cells.map((c) => ({ ...c, campaignId: campaign.id, keyArtId: keyArt.id, runId, runAt })));
  return {
    jobId: runId,
    statusUrl: jobStatusUrl(runId),
    cells: plan.cells.length,
    upToDate: plan.upToDate,
    price: toUsd(plan.cents),
    modelCalls: plan.modelCalls,
  };
}
