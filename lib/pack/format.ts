import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { getConfig } from "../aws/config";
import { copyObject, getObjectBytes, objectExists, putObject } from "../aws/s3";
import { composePoster } from "../design/render";
import type { Design } from "../design/schema";
import { AppError } from "../errors";
import type { CampaignPlacementJob, PackJob, PackStep } from "../jobs/schema";
import type { JobRun } from "../jobs/types";
import { nearestAspectRatio, operationRequestSchema } from "../models";
import { toUsd } from "../money";
import { storeImagePair } from "../posters/files";
import { invokeChecked, priceOf } from "../posters/pipeline";
import { prepareFrom } from "../posters/prepare";
import { cropBox } from "../print/placements";
import { chargeLate, type Priced, withBudget } from "../spending";
import { artKeys, composedKeys, jobCallKey, logoKey } from "../storage";
import { stepChargedItem } from "../store/jobs";
import { getPoster, type PosterRecord, putPoster } from "../store/posters";
import type { PackEntry } from "./plan";

// One placement of a format pack, made as its own poster (a version of the key art): the art cut (a crop) or grown
// (Reframe) to the placement's shape, for a screen placement sized to exactly its delivery pixels (enlarged by Fast
// Upscale first when the art is smaller), and the key art's design laid out again for the new canvas.
//
// Every part is safe to do again after a worker died: the poster's id is derived from the job and the placement (a
// poster that exists is the step done); each paid model call stores its answer under a key of the job's before it
// is charged, and is charged in one write with the step's record of it, so a later attempt reuses an answer instead
// of paying again, and charges one whose charge died with its worker.

/** A job that makes placements step by step: a format pack, or a campaign's placement art. */
type PlacementJob = PackJob | CampaignPlacementJob;

type Step = {
  run: JobRun<PlacementJob>;
  keyArt: PosterRecord;
  art: Buffer;
  entry: PackEntry;
  step: PackStep;
  /** The campaign the new poster belongs to (a campaign's placement art is lettered per market later, not here). */
  campaign?: PosterRecord["campaign"];
};

/** The poster a job's step makes: the same id on every attempt. */
export const stepPosterId = (jobId: string, placement: string) =>
  createHash("sha256").update(`${jobId}/${placement}`).digest("base64url").slice(0, 16);

/** A model call of a step, paid for once however often the step runs; its answer's bytes. */
async function paidCall(
  { run, entry, step }: Step,
  call: string,
  priced: Priced,
  invoke: (signal: AbortSignal, answered: () => void) => Promise<Buffer>,
): Promise<Buffer> {
  const { job, holder } = run;
  const placement = entry.placement.id;
  const key = jobCallKey(job.id, placement, call);
  const posterId = stepPosterId(job.id, placement);
  const { cents } = priced;
  const requestId = `${job.id}.${placement}.${call}`;
  const record = () => stepChargedItem(job.id, holder, placement, call, cents);
  if (step.charged[call] !== undefined) return getObjectBytes(key);
  if (await objectExists(key)) {
    // Answered and stored by an attempt that died before its charge: charge it now (once: the step's record).
    await chargeLate(job.owner, { ...priced, posterId }, requestId, [record()]);
    step.charged[call] = cents;
    return getObjectBytes(key);
  }
  let png: Buffer | undefined;
  await withBudget(job.owner, priced, requestId, async (billing) => {
    const timeout = AbortSignal.timeout(getConfig().generationTimeoutMs);
    png = await invoke(AbortSignal.any([run.signal, timeout]), billing.modelAnswered);
    await putObject(key, png, "image/png");
    if (!(await billing.commit([record()], posterId))) {
      throw new AppError("internal", { cause: new Error(`${requestId} was charged by another attempt`) });
    }
    return { id: posterId };
  });
  step.charged[call] = cents;
  if (!png) throw new AppError("internal", { cause: new Error(`${requestId} made nothing`) });
  return png;
}

async function reframed(s: Step): Promise<Buffer> {
  const { entry, keyArt, art } = s;
  if (entry.method.kind !== "reframe") throw new Error("not a reframe");
  const request = operationRequestSchema.parse({
    operation: "reframe",
    source: { posterId: keyArt.id },
    ...entry.method.margins,
    ...(keyArt.prompt ? { prompt: keyArt.prompt } : {}),
  });
  const prepared = await prepareFrom(request, { image: art, parent: keyArt });
  return paidCall(s, "reframe", priceOf(prepared), async (signal, answered) => {
    return (await invokeChecked(prepared.invocation, signal, answered)).png;
  });
}

async function upscaled(s: Step, art: Buffer): Promise<Buffer> {
  const request = operationRequestSchema.parse({
    operation: "upscale",
    mode: "fast",
    source: { posterId: s.keyArt.id },
  });
  const prepared = await prepareFrom(request, { image: art, parent: s.keyArt });
  return paidCall(s, "upscale", priceOf(prepared), async (signal, answered) => {
    return (await invokeChecked(prepared.invocation, signal, answered)).png;
  });
}

/** The key art's design, its logo copied beside the new poster (a design names a logo of its own poster only). */
async function designFor(keyArt: PosterRecord, posterId: string): Promise<{ design?: Design; logo?: Buffer }> {
  const design = keyArt.design;
  if (!design) return {};
  if (!design.logo) return { design };
  const to = logoKey(posterId, design.logo);
  await copyObject(logoKey(keyArt.id, design.logo), to);
  return { design, logo: await getObjectBytes(to) };
}

export async function makeFormat(s: Step): Promise<PosterRecord> {
  const { run, keyArt, art, entry } = s;
  const id = stepPosterId(run.job.id, entry.placement.id);
  const existing = await getPoster(id);
  if (existing) return existing;

  let image: Buffer;
  let inputs: Record<string, string | number> = { placement: entry.placement.id };
  if (entry.method.kind === "crop") {
    const box = cropBox(keyArt, entry.placement);
    image = await sharp(art).extract(box).png().toBuffer();
    inputs = { ...inputs, left: box.left, top: box.top, width: box.width, height: box.height };
  } else if (entry.method.kind === "reframe") {
    image = await reframed(s);
    inputs = { ...inputs, ...entry.method.margins };
  } else {
    throw new AppError("invalid_input", { message: entry.method.reason });
  }
  if (entry.deliver) {
    if (entry.deliver.upscale) {
      image = await upscaled(s, image);
      inputs.upscale = entry.deliver.upscale;
    }
    // The art already has the placement's shape (to a pixel's rounding): cover trims that pixel, never stretches.
    image = await sharp(image).resize(entry.deliver.width, entry.deliver.height, { fit: "cover" }).png().toBuffer();
    inputs.deliveredPx = `${entry.deliver.width}x${entry.deliver.height}`;
  }
  const meta = await sharp(image).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const charged = toUsd(Object.values(s.step.charged).reduce((sum, cents) => sum + cents, 0));
  const { design, logo } = s.campaign ? { design: undefined, logo: undefined } : await designFor(keyArt, id);
  const record: PosterRecord = {
    id,
    prompt: keyArt.prompt,
    ...(keyArt.negativePrompt ? { negativePrompt: keyArt.negativePrompt } : {}),
    model: keyArt.model,
    aspectRatio: nearestAspectRatio(width, height),
    params: {},
    seed: keyArt.seed,
    width,
    height,
    bytes: image.byteLength,
    price: charged,
    createdAt: new Date().toISOString(),
    operation: entry.method.kind === "crop" ? "crop" : "reframe",
    parentId: keyArt.id,
    inputs,
    ...artKeys(id),
    createdBy: run.job.owner.sub,
    createdByName: run.job.owner.name,
    ...(s.campaign ? { campaign: s.campaign } : {}),
  };
  // The same keys on every attempt, so an attempt that died leaves nothing a later one doesn't overwrite.
  const composed = design ? composedKeys(id, "pack") : undefined;
  const write = async () => {
    const final = design && composed ? { ...record, design, ...composed } : record;
    try {
      await putPoster(final);
    } catch (error) {
      // Written meanwhile (an attempt that lost its lease, or an answer lost on the way back): it is there.
      const landed = await getPoster(id).catch(() => undefined);
      if (!landed) throw error;
    }
    return final;
  };
  return storeImagePair({ png: record.imageKey, webp: record.thumbKey }, image, {
    commit: async () => {
      if (!design || !composed) return write();
      const lettered = await composePoster(image, design, logo ? { logo } : {});
      return storeImagePair({ png: composed.composedKey, webp: composed.composedThumbKey }, lettered.png, {
        commit: write,
      });
    },
  });
}
