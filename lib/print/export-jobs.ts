import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { deleteObjects, putFile } from "../aws/s3";
import type { ExportJob } from "../jobs/schema";
import type { JobHandler } from "../jobs/types";
import { logoBytes } from "../posters/logo";
import { exportFileKey } from "../storage";
import { type ExportRecord, finishExport, getExport, markExportRunning } from "../store/exports";
import { getPoster } from "../store/posters";
import { bestArt } from "./exports";
import { composeTiff } from "./master";
import { resolveSize } from "./sizes";

// A queued print master (a CMYK TIFF: a minute or more at 300 ppi on a 2 GB machine), made by the job worker
// (lib/jobs). The export record is what the user polls; the job is how the work gets done once, whatever happens to
// the worker. Making the file again is harmless (same key), so an attempt after a dead worker simply starts over.

async function make(record: ExportRecord): Promise<void> {
  // Only a TIFF is queued (a PSD is made in its request): anything else here is not this job's to make.
  if (record.format !== "tiff") {
    await finishExport(record, { error: "Only a TIFF is made on the queue: export it again." });
    return;
  }
  const poster = await getPoster(record.posterId);
  if (!poster) {
    await finishExport(record, { error: "The poster was deleted." });
    return;
  }
  await markExportRunning(record);
  const dir = await mkdtemp(path.join(os.tmpdir(), "onesheet-export-"));
  const file = path.join(dir, "master.tif");
  const key = exportFileKey(record.posterId, record.id, "tiff");
  try {
    const art = await bestArt(poster);
    const size = resolveSize(record.size, record.bleedIn);
    const logo = poster.design?.logo ? await logoBytes(poster.id, poster.design.logo) : undefined;
    const master = await composeTiff(art.bytes, poster.design, size, {
      file,
      logo,
      ...(record.ppi ? { ppi: record.ppi } : {}),
    });
    const bytes = await putFile(key, file, "image/tiff");
    const kept = await finishExport(record, {
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
    await deleteObjects([key]).catch(() => {});
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const exportJobHandler: JobHandler<ExportJob> = {
  async run({ job }) {
    const record = await getExport(job.input.posterId, job.input.exportId);
    // Deleted with its poster while it waited: nothing to make.
    if (record && record.status !== "ready" && record.status !== "failed") await make(record);
    return { status: "done" };
  },
  async failed(job) {
    const record = await getExport(job.input.posterId, job.input.exportId);
    if (record && record.status !== "ready") {
      await finishExport(record, { error: "The TIFF couldn't be made: try again, or export a PDF." });
    }
  },
};
