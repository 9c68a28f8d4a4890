import "server-only";
import { randomInt } from "node:crypto";
import sharp from "sharp";
import type { PosterView } from "../api-types";
import { invokeModel } from "../aws/bedrock";
import { getConfig } from "../aws/config";
import { networkErrorCode } from "../aws/service-errors";
import { AppError } from "../errors";
import { newId } from "../ids";
import { matchesExpectedSize } from "../image-limits";
import type { Invocation } from "../models/index";
import { toUsd } from "../money";
import { timed } from "../server-timing";
import type { Priced } from "../spending";
import { artKeys } from "../storage";
import { getPoster, type PosterRecord, putPoster } from "../store/posters";
import { storeImagePair } from "./files";
import { toPosterView } from "./view";

// THE pipeline: every entry of the catalogue that calls a model (generation and each image service) runs through
// it once prepared (lib/posters/prepare.ts: admission's checks, before any money moves): invoke → decode → size
// check → store (S3 objects, then the table item last) → sign; the budget (lib/spending.ts withBudget) charges
// around it. The item is written last so a half-failed request never shows in a listing; anything already written
// is deleted when a later step fails. Writing the item commits the poster: from then on nothing is cleaned up, and
// a cancel no longer stops it. One call makes one image: variations are parallel calls, each its own seed.

/** What a model made, decoded and checked. */
export interface Made {
  png: Buffer;
  width: number;
  height: number;
  seed: number;
}

/** The fields of a new poster that come from its request and its source (the rest come from what was made). */
export type PosterFields = Pick<
  PosterRecord,
  "prompt" | "negativePrompt" | "model" | "aspectRatio" | "params" | "operation" | "parentId" | "inputs"
>;

/** A request turned into one model call and the poster it makes, every check on its inputs passed. */
export interface Prepared {
  invocation: Invocation;
  describe(made: Made): PosterFields;
}

/** What the budget reserves and charges for a prepared request: its service's price. */
export const priceOf = ({ invocation }: Prepared): Priced => ({
  model: invocation.service.invokeId,
  cents: invocation.service.priceCents,
});

export interface MakeOptions {
  /** Aborts when the caller goes away (the studio's Cancel). */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Who asked: recorded on the poster, for ownership (only they or an admin may change or delete it). */
  createdBy: { sub: string; name: string };
  /** Told once the model has returned an image: AWS bills it from then on, whether the poster is kept or not. */
  onModelAnswered?: () => void;
  /** Writes the poster's item (by default on its own; the budget writes it together with the charge). */
  writeItem?: (record: PosterRecord) => Promise<void>;
}

// randomInt takes a range below 2^48.
const pickSeed = (max: number) => randomInt(1, Math.min(max, 2 ** 48 - 1));

/** The model's answer to one call, checked to be the picture it should be; `onModelAnswered` runs as soon as the
 *  model has answered (from then on AWS bills it, whatever happens next). */
export async function invokeChecked(
  invocation: Invocation,
  signal: AbortSignal,
  onModelAnswered?: () => void,
): Promise<Made> {
  const { service, expected } = invocation;
  const seed = invocation.seed ?? pickSeed(service.maxSeed);
  const body = invocation.buildBody(seed);
  const response = await timed("model", () => invokeModel(service.invokeId, body, signal, service.region));
  const answer = invocation.parseResponse(response, seed);
  onModelAnswered?.();
  const { png, meta } = await timed("decode", () => decodeAnswer(answer.imageBase64));
  // A decodable image far from the size expected (a 2×3 px answer) is a failed generation, not a poster.
  if (!matchesExpectedSize(meta, expected)) {
    const cause = new Error(
      `${service.invokeId} returned ${meta.width}×${meta.height}, expected ${expected.width}×${expected.height}`,
    );
    throw new AppError("generation_failed", { cause });
  }
  return { png, width: meta.width, height: meta.height, seed: answer.seed };
}

/** One poster from a prepared request: the model call, then its files and item, then its view. */
export async function makePoster(prepared: Prepared, options: MakeOptions): Promise<PosterView> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? getConfig().generationTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const made = await invokeChecked(prepared.invocation, signal, options.onModelAnswered);
    signal.throwIfAborted();
    const id = newId();
    const record: PosterRecord = {
      id,
      ...prepared.describe(made),
      seed: made.seed,
      width: made.width,
      height: made.height,
      bytes: made.png.byteLength,
      price: toUsd(prepared.invocation.service.priceCents),
      createdAt: new Date().toISOString(),
      ...artKeys(id),
      createdBy: options.createdBy.sub,
      createdByName: options.createdBy.name,
    };
    await store(record, made.png, signal, timeout, options.writeItem ?? ((r) => putPoster(r)));
    return await timed("view", () => toPosterView(record));
  } catch (error) {
    throw runError(error, timeout, options.signal);
  }
}

/** What a run's failure tells the caller: our timeout, their cancel, a typed error, or a service that failed. */
function runError(error: unknown, timeout: AbortSignal, callerSignal?: AbortSignal): AppError {
  if (timeout.aborted) return new AppError("timeout", { cause: error });
  if (callerSignal?.aborted) return new AppError("cancelled", { cause: error });
  if (error instanceof AppError) return error;
  return new AppError(networkErrorCode(error), { cause: error });
}

// What a model may answer in: PNG unless the body asked for JPEG or WebP (large outputs, where a PNG can pass what
// Bedrock returns).
const ANSWER_FORMATS: readonly string[] = ["png", "jpeg", "webp"];

/** The model's answer as a PNG with its size, or a failed generation: anything else is not a poster. A JPEG or WebP
 *  answer is stored as PNG like every other poster's art (decoded once, re-encoded without further loss). */
async function decodeAnswer(imageBase64: string): Promise<{ png: Buffer; meta: { width: number; height: number } }> {
  const bytes = Buffer.from(imageBase64, "base64");
  const meta = await sharp(bytes)
    .metadata()
    .catch((cause) => {
      throw new AppError("generation_failed", { cause });
    });
  if (!ANSWER_FORMATS.includes(meta.format) || !meta.width || !meta.height) {
    throw new AppError("generation_failed", { cause: new Error(`the model returned ${meta.format}`) });
  }
  const png =
    meta.format === "png"
      ? bytes
      : await sharp(bytes)
          .png()
          .toBuffer()
          .catch((cause) => {
            throw new AppError("generation_failed", { cause });
          });
  return { png, meta: { width: meta.width, height: meta.height } };
}

/** The PNG and its thumbnail, then the table item last; all or nothing (see storeImagePair). */
async function store(
  record: PosterRecord,
  png: Buffer,
  signal: AbortSignal,
  deadline: AbortSignal,
  writeItem: (record: PosterRecord) => Promise<void>,
) {
  await storeImagePair({ png: record.imageKey, webp: record.thumbKey }, png, {
    signal,
    commit: async () => {
      // Past the timeout the sweeper may already count these objects as a dead generation's: don't commit them.
      deadline.throwIfAborted();
      // Deliberately deaf to the caller's cancel: a write that lands while we give up on it would leave a listed
      // poster without images. If its answer is lost, the table says whether it landed.
      try {
        await writeItem(record);
      } catch (error) {
        if (await getPoster(record.id).catch(() => undefined)) return;
        throw error;
      }
    },
  });
}
