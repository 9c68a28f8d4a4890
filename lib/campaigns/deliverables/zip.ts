import "server-only";
import { getObjectBytes, getObjectStream, objectExists, signGet } from "../../aws/s3";
import { AppError } from "../../errors";
import { enqueueJob, jobStatusUrl } from "../../jobs/enqueue";
import type { CampaignZipJob, JobOwner } from "../../jobs/schema";
import type { JobHandler } from "../../jobs/types";
import { fileKey } from "../../posters/files";
import { logoBytes } from "../../posters/logo";
import { composePdf } from "../../print/master";
import { effectivePpi, findPlacement } from "../../print/placements";
import { DEFAULT_BLEED_IN, type PrintSize } from "../../print/sizes";
import { jobArchiveKey } from "../../storage";
import { type CampaignRecord, campaignCells, dropZip, getZip, putNewZip, putZip } from "../../store/campaigns";
import { getPosters, type PosterRecord } from "../../store/posters";
import { writeZipToS3 } from "../../zip-file";
import { loadCampaign } from "../service";
import type { ZipQueued } from "../types";
import { derivedId, digestOf } from "./digest";
import { layeredCell } from "./layered";

// A market's deliverables (or the whole matrix) as one ZIP, made by a job into S3 the first time it is asked for and
// handed out as a short-lived signed URL (a campaign's ZIP is far more than a function's 6 MB answer). The ZIP is
// named by a digest of exactly the cells it holds, so asking again after nothing changed hands out the same file,
// and asking after a re-run makes a new one. Per cell: its composed PNG; its layered PSD (art, scrim and each text
// layer apart and named, for the agency that re-sets a line); for a printed placement also its print master (a PDF,
// trim + bleed, vector lettering, as the print panel makes it); then manifest.json.

export interface ManifestEntry {
  file: string;
  market: string;
  placement: string;
  kind: "png" | "pdf" | "psd";
  widthPx: number;
  heightPx: number;
  printIn: { width: number; height: number } | null;
  effectivePpi: number | null;
  lineage: { keyArtId: string; placementArtId: string | null; posterId: string };
}

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[^\w-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 40) || "campaign";

const zipName = (campaign: CampaignRecord, market?: string) =>
  `${slug(campaign.title)}-${market ? market : "all-markets"}.zip`;

/** The cells a ZIP holds: done ones, of one market or all, in a stable order. */
async function madeCells(campaign: CampaignRecord, market?: string) {
  const cells = (await campaignCells(campaign.id))
    .filter((c) => c.status === "done" && c.posterId && (!market || c.market === market))
    .sort((a, b) => a.market.localeCompare(b.market) || a.placement.localeCompare(b.placement));
  return cells;
}

/** Where the ZIP of these deliverables is (302), or the job making it (202). */
export async function deliverablesZip(
  campaignId: string,
  market: string | undefined,
  owner: JobOwner,
): Promise<{ url: string } | ZipQueued> {
  const campaign = await loadCampaign(campaignId);
  if (market && !campaign.markets.some((m) => m.code === market)) {
    throw new AppError("invalid_input", {
      message: `${market} isn't a market of this campaign.`,
      fields: { market: `${market} isn't a market of this campaign.` },
    });
  }
  const cells = await madeCells(campaign, market);
  if (cells.length === 0) {
    throw new AppError("not_found", {
      message: market
        ? `Nothing is made for ${market} yet: run the matrix first.`
        : "Nothing is made yet: run the matrix first.",
    });
  }
  const digest = digestOf({ market: market ?? null, cells: cells.map((c) => [c.market, c.placement, c.posterId]) });
  const existing = await getZip(campaign.id, digest);
  if (existing?.status === "done" && existing.key && (await objectExists(existing.key))) {
    return { url: (await signGet(existing.key, { downloadAs: existing.name, ttlSeconds: 300 })).url };
  }
  if (existing?.status === "queued") {
    return { jobId: existing.jobId, statusUrl: jobStatusUrl(existing.jobId), status: "queued", files: cells.length };
  }
  // None yet, or one that failed or expired: make it (again).
  if (existing) await dropZip(campaign.id, digest);
  const now = new Date().toISOString();
  const fresh = derivedId("campaign-zip", campaign.id, digest, now);
  const claimed = await putNewZip({
    campaignId: campaign.id,
    digest,
    ...(market ? { market } : {}),
    status: "queued",
    jobId: fresh,
    name: zipName(campaign, market),
    createdAt: now,
  });
  if (!claimed) {
    // Someone asked a moment earlier: theirs is being made.
    const theirs = await getZip(campaign.id, digest);
    const id = theirs?.jobId ?? fresh;
    return { jobId: id, statusUrl: jobStatusUrl(id), status: "queued", files: cells.length };
  }
  await enqueueJob(
    {
      type: "campaign-zip",
      subject: `campaign#${campaign.id}`,
      owner,
      input: { campaignId: campaign.id, digest, ...(market ? { market } : {}) },
    },
    { id: fresh },
  );
  return { jobId: fresh, statusUrl: jobStatusUrl(fresh), status: "queued", files: cells.length };
}

/** A printed placement's master: its trim with the printer's usual bleed. */
const printSizeOf = (placement: string): PrintSize | undefined => {
  const p = findPlacement(placement);
  if (!p?.printIn) return undefined;
  return {
    label: p.label,
    widthIn: p.printIn.width,
    heightIn: p.printIn.height,
    bleedIn: DEFAULT_BLEED_IN,
    safeIn: 0.5,
  };
};

async function buildZip(job: CampaignZipJob): Promise<{ key: string; bytes: number }> {
  const campaign = await loadCampaign(job.input.campaignId);
  const zipRecord = await getZip(campaign.id, job.input.digest);
  const name = zipRecord?.name ?? zipName(campaign, job.input.market);
  const cells = await madeCells(campaign, job.input.market);
  const posters = new Map((await getPosters(cells.flatMap((c) => c.posterId ?? []))).map((p) => [p.id, p]));
  const key = jobArchiveKey(job.id, name.replace(/\.zip$/, ""));
  const bytes = await writeZipToS3(key, async (zip) => {
    const manifest: ManifestEntry[] = [];
    for (const cell of cells) {
      const poster: PosterRecord | undefined = cell.posterId ? posters.get(cell.posterId) : undefined;
      const placement = findPlacement(cell.placement);
      if (!poster || !placement) continue;
      const folder = job.input.market ? "" : `${cell.market}/`;
      const lineage = { keyArtId: cell.keyArtId, placementArtId: poster.parentId ?? null, posterId: poster.id };
      const png = `${folder}${cell.market}-${placement.id}-${poster.width}x${poster.height}.png`;
      await zip.addStream(png, await getObjectStream(fileKey(poster, "image")));
      manifest.push({
        file: png,
        market: cell.market,
        placement: placement.id,
        kind: "png",
        widthPx: poster.width,
        heightPx: poster.height,
        printIn: placement.printIn ?? null,
        effectivePpi: effectivePpi(poster, placement) ?? null,
        lineage,
      });
      const layered = await layeredCell(poster);
      if (layered) {
        const psd = `${folder}${cell.market}-${placement.id}-layered.psd`;
        await zip.addStream(psd, await getObjectStream(layered.key));
        manifest.push({
          file: psd,
          market: cell.market,
          placement: placement.id,
          kind: "psd",
          widthPx: layered.width,
          heightPx: layered.height,
          printIn: placement.printIn ?? null,
          effectivePpi: effectivePpi(poster, placement) ?? null,
          lineage,
        });
      }
      const size = printSizeOf(placement.id);
      if (size && poster.design) {
        const art = await getObjectBytes(poster.imageKey);
        const logo = poster.design.logo ? await logoBytes(poster.id, poster.design.logo) : undefined;
        const master = await composePdf(art, poster.design, size, {
          title: poster.design.title ?? campaign.title,
          ...(logo ? { logo } : {}),
        });
        const pdf = `${folder}${cell.market}-${placement.id}-print.pdf`;
        zip.addBytes(pdf, master.bytes);
        manifest.push({
          file: pdf,
          market: cell.market,
          placement: placement.id,
          kind: "pdf",
          widthPx: master.widthPx,
          heightPx: master.heightPx,
          printIn: placement.printIn ?? null,
          effectivePpi: master.effectivePpi,
          lineage,
        });
      }
    }
    const about = { id: campaign.id, name: campaign.name, title: campaign.title };
    zip.addJson("manifest.json", { campaign: about, market: job.input.market ?? null, files: manifest });
  });
  return { key, bytes };
}

export const campaignZipHandler: JobHandler<CampaignZipJob> = {
  async run({ job }) {
    const { key, bytes } = await buildZip(job);
    const record = await getZip(job.input.campaignId, job.input.digest);
    if (record && record.jobId === job.id) await putZip({ ...record, status: "done", key, bytes });
    return { status: "done", result: { zipKey: key } };
  },
  async failed(job, reason) {
    const record = await getZip(job.input.campaignId, job.input.digest);
    if (record && record.jobId === job.id) await putZip({ ...record, status: "failed", error: reason });
  },
};
