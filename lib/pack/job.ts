import "server-only";
import { getConfig } from "../aws/config";
import { getObjectBytes } from "../aws/s3";
import { AppError } from "../errors";
import { isTransient } from "../jobs/errors";
import type { PackJob, PackStep } from "../jobs/schema";
import type { JobHandler } from "../jobs/types";
import { addManyToBoard } from "../store/boards";
import { saveStep } from "../store/jobs";
import { getPoster, getPosters } from "../store/posters";
import { buildPackArchive } from "./archive";
import { makeFormat } from "./format";
import { planChosen } from "./plan";

// A format pack, as a job: each chosen placement is a step (three at a time), saved as it ends, so the page shows
// the pack filling in and a later attempt (after a worker died) only does what is left; then the made posters go on
// the board in one write and the ZIP is built into S3. A placement that fails for a reason the user should hear (the
// filter refused the image, the budget ran out) is listed as failed and the rest carry on; a failure worth trying
// again (a service down) stops this attempt, and the queue runs the job again.

/** Runs `work` over `items`, at most `limit` at a time; the first error is thrown once every lane has stopped. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = items.values();
  let failure: { error: unknown } | undefined;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    // The lanes share one iterator: each takes the next item as it frees up.
    for (const item of queue) {
      if (failure) return;
      await work(item).catch((error) => {
        failure ??= { error };
      });
    }
  });
  await Promise.all(lanes);
  if (failure) throw failure.error;
}

export const packJobHandler: JobHandler<PackJob> = {
  async run(run) {
    const { job, holder } = run;
    const keyArt = await getPoster(job.input.keyArtId);
    if (!keyArt) throw new AppError("not_found", { message: "The key art was deleted before the pack was made." });
    const entries = planChosen(keyArt, job.input.formats);
    const art = await getObjectBytes(keyArt.imageKey);
    // Reframes hold one of the member's in-flight slots each: leave one free for whatever else they are doing.
    const lanes = Math.max(1, Math.min(3, getConfig().maxInFlight - 1));
    const pending = entries.filter((e) => job.steps[e.placement.id]?.status === "pending");
    await pool(pending, lanes, async (entry) => {
      const name = entry.placement.id;
      const step: PackStep = structuredClone(job.steps[name] ?? { status: "pending", charged: {} });
      let outcome: PackStep;
      try {
        const poster = await makeFormat({ run, keyArt, art, entry, step });
        outcome = { ...step, status: "done", posterId: poster.id };
      } catch (error) {
        // What was charged before the failure stays recorded; trying again is the queue's business.
        if (isTransient(error) || !(error instanceof AppError)) {
          await saveStep(job.id, holder, name, step);
          throw error;
        }
        outcome = { ...step, status: "failed", error: { code: error.code, message: error.message } };
      }
      job.steps[name] = outcome;
      await saveStep(job.id, holder, name, outcome);
    });

    const ids = entries.flatMap((e) => job.steps[e.placement.id]?.posterId ?? []);
    const posters = await getPosters(ids);
    if (posters.length === 0) {
      const first = entries.map((e) => job.steps[e.placement.id]?.error).find(Boolean);
      return { status: "failed", error: first ?? { code: "generation_failed", message: "No format could be made." } };
    }
    const board = job.input.boardId ? await addToBoard(job.input.boardId, ids, job) : undefined;
    const zip = await buildPackArchive(job.id, keyArt, posters);
    return { status: "done", result: { zipKey: zip.key, zipName: zip.name, ...(board ? { board } : {}) } };
  },
};

async function addToBoard(boardId: string, ids: string[], job: PackJob) {
  try {
    await addManyToBoard(boardId, ids, job.owner.sub);
    return { id: boardId, added: true };
  } catch (error) {
    if (isTransient(error)) throw error;
    const message = error instanceof AppError ? error.message : "The pack could not be added to the board.";
    return { id: boardId, added: false, message };
  }
}
