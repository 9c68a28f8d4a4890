import "server-only";
import { copyObject, getObjectBytes } from "../../aws/s3";
import { composePoster } from "../../design/render";
import { AppError } from "../../errors";
import { enqueueJobOnce } from "../../jobs/enqueue";
import { isTransient } from "../../jobs/errors";
import type { CampaignCellsJob, CampaignPlacementJob, CampaignRunJob, JobError, PackStep } from "../../jobs/schema";
import type { JobHandler } from "../../jobs/types";
import { makeFormat } from "../../pack/format";
import { planAll } from "../../pack/plan";
import { storeImagePair } from "../../posters/files";
import { PLACEMENT_IDS } from "../../print/placements";
import { artKeys, campaignLogoKey, composedKeys, logoKey } from "../../storage";
import {
  type CampaignRecord,
  type CellRecord,
  campaignCells,
  finishCell,
  getArt,
  getCampaign,
  putArt,
} from "../../store/campaigns";
import { saveStep } from "../../store/jobs";
import { getPoster, type PosterRecord, putPoster } from "../../store/posters";
import { pick } from "../../tuples";
import { marketDesign } from "../design";
import { derivedId } from "./digest";
import { artHash, cellHash } from "./plan";

// A run of the matrix, as jobs on the queue, fanned out so the work spreads over workers (on AWS, over Lambda
// invocations; offline, over the worker's pollers):
//   campaign-run        → one campaign-placement job per placement (ids derived from the run: started once);
//   campaign-placement  → the placement's art (a crop, or a Reframe: the run's only model calls, each paid once and
//                         shared by every market), then one campaign-cells job per batch of markets;
//   campaign-cells      → each market's lettering laid out on the placement's canvas and composed: a poster per
//                         cell (key art → placement art → market version), its id derived from what it is made of.
// A cell's outcome is written only by the newest run that asked for it. A cell that fails for a reason the user
// should hear is marked failed (and costs nothing: cells make no model calls); anything else is tried again.

/** Markets per campaign-cells job: a batch composes in well under a minute on a 2 GB worker. */
export const CELL_BATCH = 8;

const placementJobId = (runId: string, placement: string) => derivedId("campaign-placement", runId, placement);
const cellsJobId = (runId: string, placement: string, batch: number) =>
  derivedId("campaign-cells", runId, placement, String(batch));

async function campaignOf(id: string): Promise<CampaignRecord> {
  const campaign = await getCampaign(id);
  if (!campaign)
    throw new AppError("campaign_not_found", { message: "The campaign was deleted before the run finished." });
  return campaign;
}

async function keyArtOf(id: string): Promise<PosterRecord> {
  const poster = await getPoster(id);
  if (!poster) throw new AppError("not_found", { message: "The key art was deleted before the run finished." });
  return poster;
}

/** Marks the cells of one placement failed with `error` (a run's art couldn't be made): listed, not charged. */
async function failCells(input: CampaignPlacementJob["input"], error: JobError, markets = input.markets) {
  const now = new Date().toISOString();
  const current = new Map((await campaignCells(input.campaignId)).map((c) => [`${c.market}|${c.placement}`, c]));
  for (const market of markets) {
    const before = current.get(`${market}|${input.placement}`);
    if (before?.runId !== input.runId) continue;
    const { posterId: _made, hash: _hash, ...rest } = before;
    await finishCell({ ...rest, status: "failed", error, runAt: input.runAt, updatedAt: now });
  }
}

export const campaignRunHandler: JobHandler<CampaignRunJob> = {
  async run({ job }) {
    const { campaignId, keyArtId, runAt, cells } = job.input;
    const campaign = await campaignOf(campaignId);
    const keyArt = await keyArtOf(keyArtId);
    const entries = new Map(planAll(keyArt).map((e) => [e.placement.id, e]));
    const byPlacement = new Map<string, string[]>();
    for (const cell of cells)
      byPlacement.set(cell.placement, [...(byPlacement.get(cell.placement) ?? []), cell.market]);
    for (const [placement, markets] of byPlacement) {
      const entry = entries.get(placement);
      if (!entry) continue;
      await enqueueJobOnce(
        {
          type: "campaign-placement",
          subject: `campaign#${campaign.id}`,
          owner: job.owner,
          input: { campaignId, keyArtId, runId: job.id, runAt, placement, artHash: artHash(keyArt, entry), markets },
          steps: { [placement]: { status: "pending", charged: {} } },
        },
        placementJobId(job.id, placement),
      );
    }
    return { status: "done" };
  },
};

/** The placement's art for this run: the one made already from the same key art the same way, else made now. */
async function placementArt(run: Parameters<JobHandler<CampaignPlacementJob>["run"]>[0]): Promise<PosterRecord> {
  const { job, holder } = run;
  const { campaignId, keyArtId, placement, artHash: hash } = job.input;
  const made = await getArt(campaignId, keyArtId, placement);
  if (made?.hash === hash) {
    const poster = await getPoster(made.posterId);
    if (poster) return poster;
  }
  const keyArt = await keyArtOf(keyArtId);
  const entry = planAll(keyArt).find((e) => e.placement.id === placement);
  if (!entry || artHash(keyArt, entry) !== hash) {
    throw new AppError("invalid_input", { message: "The key art changed since the run was asked for: run it again." });
  }
  if (entry.method.kind === "unavailable") throw new AppError("invalid_input", { message: entry.method.reason });
  const step: PackStep = structuredClone(job.steps[placement] ?? { status: "pending", charged: {} });
  const art = await getObjectBytes(keyArt.imageKey);
  try {
    const poster = await makeFormat({
      run,
      keyArt,
      art,
      entry,
      step,
      campaign: { id: campaignId, role: "placement", placement },
    });
    await saveStep(job.id, holder, placement, { ...step, status: "done", posterId: poster.id });
    const cents = Object.values(step.charged).reduce((sum, c) => sum + c, 0);
    const placementId = pick(placement, PLACEMENT_IDS);
    if (!placementId) throw new AppError("invalid_input", { message: `Unknown placement ${placement}.` });
    await putArt({
      campaignId,
      keyArtId,
      placement: placementId,
      hash,
      posterId: poster.id,
      cents,
      createdAt: new Date().toISOString(),
    });
    return poster;
  } catch (error) {
    // What was charged before the failure stays recorded, so another attempt never pays for it again.
    await saveStep(job.id, holder, placement, step);
    throw error;
  }
}

export const campaignPlacementHandler: JobHandler<CampaignPlacementJob> = {
  async run(run) {
    const { job } = run;
    const { input } = job;
    let art: PosterRecord;
    try {
      art = await placementArt(run);
    } catch (error) {
      if (isTransient(error) || !(error instanceof AppError)) throw error;
      const reason = { code: error.code, message: error.message };
      await failCells(input, reason);
      return { status: "failed", error: reason };
    }
    for (let i = 0, batch = 0; i < input.markets.length; i += CELL_BATCH, batch++) {
      await enqueueJobOnce(
        {
          type: "campaign-cells",
          subject: job.subject,
          owner: job.owner,
          input: { ...input, markets: input.markets.slice(i, i + CELL_BATCH), artPosterId: art.id },
        },
        cellsJobId(input.runId, input.placement, batch),
      );
    }
    return { status: "done", result: { artPosterId: art.id } };
  },
  async failed(job, reason) {
    await failCells(job.input, { code: "job_failed", message: reason });
  },
};

/** A campaign logo, copied beside the cell (a design names a logo of its own poster only). */
async function logoFor(campaignId: string, posterId: string, logo: string | undefined) {
  if (!logo) return undefined;
  const to = logoKey(posterId, logo);
  await copyObject(campaignLogoKey(campaignId, logo), to);
  return getObjectBytes(to);
}

/** One market's version of the placement's art: its poster (made once per content digest). */
async function makeCell(
  job: CampaignCellsJob,
  campaign: CampaignRecord,
  keyArt: PosterRecord,
  art: { poster: PosterRecord; bytes: Buffer },
  code: string,
): Promise<{ poster: PosterRecord; hash: string }> {
  const { placement } = job.input;
  const market = campaign.markets.find((m) => m.code === code);
  if (!market)
    throw new AppError("invalid_input", { message: `${code} was removed from the campaign during the run.` });
  const made = marketDesign(campaign, market, keyArt.design);
  if (!made.ok) throw new AppError("invalid_input", { message: `${code}: ${Object.values(made.fields).join(" ")}` });
  const { design } = made;
  const hash = cellHash(job.input.artHash, design);
  const id = derivedId("campaign-cell", campaign.id, code, placement, hash);
  const existing = await getPoster(id);
  if (existing) return { poster: existing, hash };

  const logo = await logoFor(campaign.id, id, design.logo);
  const lettered = await composePoster(art.bytes, design, logo ? { logo } : {});
  const base = art.poster;
  const record: PosterRecord = {
    id,
    prompt: base.prompt,
    ...(base.negativePrompt ? { negativePrompt: base.negativePrompt } : {}),
    model: base.model,
    aspectRatio: base.aspectRatio,
    params: {},
    seed: base.seed,
    width: base.width,
    height: base.height,
    bytes: base.bytes,
    price: 0,
    createdAt: new Date().toISOString(),
    operation: "localize",
    parentId: base.id,
    inputs: { market: code, placement },
    ...artKeys(id),
    createdBy: job.owner.sub,
    createdByName: job.owner.name,
    design,
    campaign: { id: campaign.id, role: "cell", market: code, placement },
  };
  // The art is the placement's, copied inside S3 (no bytes through the worker); the lettering is this cell's.
  await Promise.all([copyObject(base.imageKey, record.imageKey), copyObject(base.thumbKey, record.thumbKey)]);
  const composed = composedKeys(id, "cell");
  const final = { ...record, ...composed };
  await storeImagePair({ png: composed.composedKey, webp: composed.composedThumbKey }, lettered.png, {
    commit: async () => {
      try {
        await putPoster(final);
      } catch (error) {
        // Written meanwhile by an attempt that lost its lease: it is there.
        if (!(await getPoster(id).catch(() => undefined))) throw error;
      }
    },
  });
  return { poster: final, hash };
}

export const campaignCellsHandler: JobHandler<CampaignCellsJob> = {
  async run({ job, signal }) {
    const { input } = job;
    const campaign = await campaignOf(input.campaignId);
    const keyArt = await keyArtOf(input.keyArtId);
    const artPoster = await getPoster(input.artPosterId);
    if (!artPoster) throw new AppError("not_found", { message: "The placement's art was deleted during the run." });
    const art = { poster: artPoster, bytes: await getObjectBytes(artPoster.imageKey) };
    const placement = pick(input.placement, PLACEMENT_IDS);
    if (!placement) throw new AppError("invalid_input", { message: `Unknown placement ${input.placement}.` });
    for (const code of input.markets) {
      signal.throwIfAborted();
      const cell: Omit<CellRecord, "status" | "updatedAt"> = {
        campaignId: campaign.id,
        market: code,
        placement,
        keyArtId: keyArt.id,
        runId: input.runId,
        runAt: input.runAt,
      };
      try {
        const { poster, hash } = await makeCell(job, campaign, keyArt, art, code);
        await finishCell({ ...cell, status: "done", posterId: poster.id, hash, updatedAt: new Date().toISOString() });
      } catch (error) {
        if (isTransient(error) || !(error instanceof AppError)) throw error;
        await finishCell({
          ...cell,
          status: "failed",
          error: { code: error.code, message: error.message },
          updatedAt: new Date().toISOString(),
        });
      }
    }
    return { status: "done" };
  },
  async failed(job, reason) {
    await failCells(job.input, { code: "job_failed", message: reason });
  },
};
