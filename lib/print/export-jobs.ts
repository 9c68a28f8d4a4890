import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { deleteObjects, putFile } from "../aws/s3";
import { logoBytes } from "../design-logo";
import { claimExport, type ExportRecord, finishExport, queuedExports } from "../store/exports";
import { getPoster } from "../store/posters";
import { bestArt, exportFileKey } from "./exports";
import { composeTiff } from "./master";
import { resolveSize } from "./sizes";

// The export worker: makes the queued TIFF masters, one at a time (each can take a 2 GB machine a minute or more).
// On AWS a scheduled function runs it every minute (lib/print/export-handler.ts); offline the launcher runs it in a
// loop (local/export-jobs.ts). A job left running by a worker that died is taken again after STALE_MS.

export const STALE_MS = 15 * 60_000;

async function runOne(job: ExportRecord): Promise<void> {
  const poster = await getPoster(job.posterId);
  if (!poster) {
    await finishExport(job, { error: "The poster was deleted." });
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "onesheet-export-"));
  const file = path.join(dir, "master.tif");
  const key = exportFileKey(job.posterId, job.id, "tiff");
  try {
    const art = await bestArt(poster);
    const size = resolveSize(job.size, job.bleedIn);
    const logo = poster.design?.logo ? await logoBytes(poster.id, poster.design.logo) : undefined;
    const master = await composeTiff(art.bytes, poster.design, size, {
      file,
      logo,
      ...(job.ppi ? { ppi: job.ppi } : {}),
    });
    const bytes = await putFile(key, file, "image/tiff");
    const kept = await finishExport(job, {
      key,
      bytes,
      widthPx: master.widthPx,
      heightPx: master.heightPx,
      effectivePpi: master.effectivePpi,
      crop: master.crop,
      warnings: master.warnings,
    });
    // The export (with its poster) was deleted while it ran: its file must not stay behind.
    if (!kept) await deleteObjects([key]);
  } catch (error) {
    console.error(JSON.stringify({ msg: "export failed", exportId: job.id, error: String(error) }));
    await deleteObjects([key]).catch(() => {});
    await finishExport(job, { error: "The TIFF couldn't be made: try again, or export a PDF." });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs every job waiting (or abandoned); returns how many this call finished. */
export async function runExportJobs(now = () => Date.now()): Promise<number> {
  let done = 0;
  for (const job of await queuedExports()) {
    const at = now();
    if (!(await claimExport(job, new Date(at).toISOString(), new Date(at - STALE_MS).toISOString()))) continue;
    await runOne(job);
    done++;
  }
  return done;
}
