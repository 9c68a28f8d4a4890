import "server-only";
import { randomInt } from "node:crypto";
import sharp from "sharp";
import type { PosterView } from "../api-types";
import { invokeModel } from "../aws/bedrock";
import { getConfig } from "../aws/config";
import { networkErrorCode } from "../aws/service-errors";
import { AppError } from "../errors";
import { newId } from "../ids";
import { getModel, hasDocumentedSize, type PosterRequest } from "../models/index";
import { toUsd } from "../money";
import { artKeys } from "../storage";
import { getPoster, type PosterRecord, putPoster } from "../store/posters";
import { storeImagePair } from "./files";
import { toPosterView } from "./view";

// One poster: invoke → check → decode → store (S3 objects, then the table item last) → sign.
// The item is written last so a half-failed request never shows in a listing; anything already written is
// deleted when a later step fails. Writing the item commits the poster: from then on nothing is cleaned up, and a
// cancel no longer stops it. One call makes one image: variations are parallel calls, each its own seed.

export interface GenerateOptions {
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

export async function generatePoster(request: PosterRequest, options: GenerateOptions): Promise<PosterView> {
  const model = getModel(request.model);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? getConfig().generationTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const seed = request.seed ?? randomInt(1, Math.min(model.maxSeed, 2 ** 48 - 1));

  try {
    const response = await invokeModel(model.id, model.buildBody({ ...request, seed }), signal);
    const image = model.parseResponse(response, seed);
    options.onModelAnswered?.();
    const { png, meta } = await decodeAnswer(image.imageBase64);
    // A decodable image far from the documented size (a 2×3 px answer) is a failed generation, not a poster.
    if (!hasDocumentedSize(model, request.aspectRatio, { width: meta.width, height: meta.height })) {
      const cause = new Error(`model returned ${meta.width}×${meta.height} for ${request.aspectRatio}`);
      throw new AppError("generation_failed", { cause });
    }
    signal.throwIfAborted();

    const id = newId();
    const record: PosterRecord = {
      id,
      prompt: request.prompt,
      negativePrompt: request.negativePrompt,
      model: model.id,
      aspectRatio: request.aspectRatio,
      params: Object.fromEntries(
        model.params.flatMap((p) =>
          request[p.name] === undefined ? [] : [[p.name, request[p.name] as number | string]],
        ),
      ),
      seed: image.seed,
      width: meta.width,
      height: meta.height,
      bytes: png.byteLength,
      price: toUsd(model.priceCents),
      createdAt: new Date().toISOString(),
      ...artKeys(id),
      createdBy: options.createdBy.sub,
      createdByName: options.createdBy.name,
    };
    await store(record, png, signal, timeout, options.writeItem ?? ((r) => putPoster(r)));
    return await toPosterView(record);
  } catch (error) {
    throw runError(error, timeout, options.signal);
  }
}

/** What a run's failure tells the caller: our timeout, their cancel, a typed error, or a service that failed. */
export function runError(error: unknown, timeout: AbortSignal, callerSignal?: AbortSignal): AppError {
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
export async function decodeAnswer(
  imageBase64: string,
): Promise<{ png: Buffer; meta: { width: number; height: number } }> {
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
export async function store(
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
