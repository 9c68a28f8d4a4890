import "server-only";
import type { ExportView, PrintArt } from "../api-types";
import { deleteObjects, getObjectBytes, putObject, signGet } from "../aws/s3";
import { AppError } from "../errors";
import type { Member } from "../identity";
import { enqueueJob } from "../jobs/enqueue";
import { logoBytes } from "../posters/logo";
import { downloadName } from "../posters/view";
import { deleteExport, type ExportRecord, getExport, listExports, putExport } from "../store/exports";

import { getPosters, loadPoster, type PosterRecord } from "../store/posters";
import { listVersions } from "../store/versions";
import type { ExportRequest } from "./export-schema";
import { composePdf } from "./master";
import { composePsd } from "./psd";
import { resolveSize, sizeSlug } from "./sizes";

// Exports of a poster: the PDF is made in the request (seconds); the TIFF, which at 300 ppi takes a minute or
// more on a small machine, is a job on the queue (lib/print/export-jobs.ts), polled; the layered PSD of a designed
// poster (lib/print/psd.ts: 2–3 s at 1024×1536) is made in the request too. Files live beside the poster:
//   posters/{id}/exports/{exportId}.pdf | .tif | .psd
// Anyone on the team who can see a poster may export it: a master changes nothing anyone else sees (it is a new
// file, listed with who made it), as adding a poster to one's own board doesn't. Each export counts against the
// person's design-render budget (the route), as it is the same kind of work.

import { isId, newId } from "../ids";
import { exportFileKey } from "../storage";

// An upscale of an upscale is the same framing too (the print panel offers one when it is worth it); a few
// generations deep is plenty: each reads only the versions of the one before.
const UPSCALE_GENERATIONS = 3;

/** The poster with the highest-resolution art of this framing: its largest upscale (or upscale of one), else itself. */
async function bestArtPoster(record: PosterRecord): Promise<PosterRecord> {
  const candidates = [record];
  let generation = [record];
  for (let depth = 0; depth < UPSCALE_GENERATIONS && generation.length; depth++) {
    const ids = (await Promise.all(generation.filter((p) => p.versionCount).map((p) => listVersions(p.id)))).flat();
    generation = ids.length ? (await getPosters(ids)).filter((v) => v.operation === "upscale") : [];
    candidates.push(...generation);
  }
  return candidates.reduce((best, p) => (p.width * p.height > best.width * best.height ? p : best));
}

export async function bestArt(record: PosterRecord): Promise<{ bytes: Buffer; from: PosterRecord }> {
  const from = await bestArtPoster(record);
  return { bytes: await getObjectBytes(from.imageKey), from };
}

/** The art a master would place, for the editor's print panel: its size, and the poster it is (an upscale is run
 *  on it, so the result is that art's version and the next master's art). */
export async function printArtSize(posterId: string): Promise<PrintArt> {
  const record = await loadPoster(posterId);
  const from = await bestArtPoster(record);
  return { posterId: from.id, width: from.width, height: from.height, upscaled: from.id !== record.id };
}

const fileName = (record: PosterRecord, e: ExportRecord) =>
  downloadName(record.design?.title || record.prompt, record.seed).replace(
    /\.png$/,
    e.format === "psd" ? "-layered.psd" : `-${sizeSlug(e.size)}.${e.format === "pdf" ? "pdf" : "tif"}`,
  );

/** What only a print master has: its bleed, how sharp the art is on the page, what a crop cut away. */
const printFacts = (e: ExportRecord) =>
  e.format === "psd"
    ? {}
    : {
        bleedIn: e.bleedIn,
        ...(e.widthPx ? { effectivePpi: e.effectivePpi } : {}),
        ...(e.crop ? { crop: e.crop } : {}),
      };

export async function toExportView(record: PosterRecord, e: ExportRecord): Promise<ExportView> {
  const url =
    e.status === "ready" && e.key ? (await signGet(e.key, { downloadAs: fileName(record, e) })).url : undefined;
  return {
    exportId: e.id,
    format: e.format,
    sizeLabel: e.sizeLabel,
    status: e.status,
    ...(url ? { url } : {}),
    ...(e.widthPx ? { widthPx: e.widthPx, heightPx: e.heightPx } : {}),
    ...printFacts(e),
    warnings: e.warnings ?? [],
    ...(e.error ? { error: e.error } : {}),
    statusUrl: `/api/posters/${e.posterId}/exports/${e.id}`,
    createdAt: e.createdAt,
    ...(e.createdByName ? { createdByName: e.createdByName } : {}),
  };
}

/** A poster lists its newest exports (each one is kept, and found by its status URL). */
const MAX_EXPORTS_LISTED = 50;

export async function exportViews(record: PosterRecord): Promise<ExportView[]> {
  const newest = (await listExports(record.id)).slice(0, MAX_EXPORTS_LISTED);
  return Promise.all(newest.map((e) => toExportView(record, e)));
}

export async function findExportView(posterId: string, exportId: string): Promise<ExportView> {
  const record = await loadPoster(posterId);
  const found = isId(exportId) ? await getExport(posterId, exportId) : undefined;
  if (!found) throw new AppError("not_found", { message: "This poster has no export with that id." });
  return toExportView(record, found);
}

/** All or nothing: the file, then the item; if the poster went meanwhile (or the write fails) the file goes too. */
async function keep(ready: ExportRecord, key: string, bytes: Buffer, contentType: string): Promise<void> {
  await putObject(key, bytes, contentType);
  let written = false;
  try {
    written = await putExport(ready);
  } finally {
    if (!written) await deleteObjects([key]).catch(() => {});
  }
  if (!written) throw new AppError("not_found");
}

type Maker = Pick<Member, "sub" | "name" | "email">;

const madeBy = (member: Maker) => ({
  createdAt: new Date().toISOString(),
  createdBy: member.sub,
  ...(member.name ? { createdByName: member.name } : {}),
});

/** Makes (PDF, PSD) or queues (TIFF) an export. `ready` tells the route 201 from 202. */
export async function createExport(posterId: string, request: ExportRequest, member: Maker): Promise<ExportView> {
  const record = await loadPoster(posterId);
  if (request.format === "psd") return createLayered(record, member);
  const size = resolveSize(request.size, request.bleedIn);
  const base: ExportRecord = {
    id: newId(),
    posterId,
    format: request.format,
    size: request.size,
    sizeLabel: size.label,
    bleedIn: size.bleedIn,
    ...(request.ppi ? { ppi: request.ppi } : {}),
    status: "queued",
    ...madeBy(member),
  };
  if (request.format === "tiff") {
    if (!(await putExport(base))) throw new AppError("not_found");
    try {
      await enqueueJob({
        type: "export",
        subject: `poster#${posterId}`,
        owner: { sub: member.sub, email: member.email, name: member.name },
        input: { posterId, exportId: base.id },
      });
    } catch (error) {
      // Not queued: no export may say "queued" for ever.
      await deleteExport(base).catch(() => {});
      throw error;
    }
    return toExportView(record, base);
  }
  const art = await bestArt(record);
  const logo = record.design?.logo ? await logoBytes(posterId, record.design.logo) : undefined;
  const pdf = await composePdf(art.bytes, record.design, size, { title: record.design?.title || record.prompt, logo });
  const key = exportFileKey(posterId, base.id, "pdf");
  const ready: ExportRecord = {
    ...base,
    status: "ready",
    key,
    bytes: pdf.bytes.byteLength,
    widthPx: pdf.widthPx,
    heightPx: pdf.heightPx,
    effectivePpi: pdf.effectivePpi,
    crop: pdf.crop,
    warnings: pdf.warnings,
  };
  await keep(ready, key, pdf.bytes, "application/pdf");
  return toExportView(record, ready);
}

/** The layered PSD: the poster's own art at its own pixels (not an upscale: the layers are the poster as designed),
 * with its lettering as layers, so a poster without a design has nothing to layer. */
async function createLayered(record: PosterRecord, member: Maker): Promise<ExportView> {
  const design = record.design;
  if (!design) {
    throw new AppError("invalid_input", {
      message: "Design the poster first: a layered file has its lettering as layers.",
    });
  }
  const art = await getObjectBytes(record.imageKey);
  const logo = design.logo ? await logoBytes(record.id, design.logo) : undefined;
  const psd = await composePsd(art, design, { logo });
  const id = newId();
  const key = exportFileKey(record.id, id, "psd");
  const ready: ExportRecord = {
    id,
    posterId: record.id,
    format: "psd",
    sizeLabel: `${psd.width}×${psd.height} px`,
    status: "ready",
    key,
    bytes: psd.bytes.byteLength,
    widthPx: psd.width,
    heightPx: psd.height,
    warnings: psd.warnings,
    ...madeBy(member),
  };
  await keep(ready, key, psd.bytes, "image/vnd.adobe.photoshop");
  return toExportView(record, ready);
}
