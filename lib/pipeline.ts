import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import sharp from "sharp";
import type { PosterView } from "./api-types";
import { invokeModel, networkErrorCode } from "./aws/bedrock";
import { getConfig } from "./aws/config";
import { deleteObjects, putObject } from "./aws/s3";
import { AppError } from "./errors";
import { getModel, type PosterRequest } from "./models";
import { toPosterView } from "./poster-view";
import { getPoster, type PosterRecord, putPoster } from "./store/posters";
import { makeThumbnail } from "./thumbnail";

// One poster: invoke → check → decode → store (S3 objects, then the table item last) → sign.
// The item is written last so a half-failed request never shows in a listing; anything already written is
// deleted when a later step fails. Writing the item commits the poster: from then on nothing is cleaned up, and a
// cancel no longer stops it. One call makes one image: variations are parallel calls, each its own seed.

export interface GenerateOptions {
  /** Aborts when the caller goes away (the studio's Cancel). */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Who asked: recorded on the poster, for ownership (only they or an admin may delete it). */
  createdBy?: { sub: string; name: string };
  /** Told once the model has returned an image: AWS bills it from then on, whether the poster is kept or not. */
  onModelAnswered?: () => void;
  /** Writes the poster's item (by default on its own; the budget writes it together with the charge). */
  writeItem?: (record: PosterRecord) => Promise<void>;
}

export async function generatePoster(request: PosterRequest, options: GenerateOptions = {}): Promise<PosterView> {
  const model = getModel(request.model);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? getConfig().generationTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const seed = request.seed ?? randomInt(1, Math.min(model.maxSeed, 2 ** 48 - 1));

  try {
    const response = await invokeModel(model.id, model.buildBody({ ...request, seed }), signal);
    const image = model.parseResponse(response);
    options.onModelAnswered?.();
    const png = Buffer.from(image.imageBase64, "base64");
    const meta = await sharp(png)
      .metadata()
      .catch((cause) => {
        throw new AppError("generation_failed", { cause });
      });
    if (meta.format !== "png" || !meta.width || !meta.height) {
      throw new AppError("generation_failed", { cause: new Error(`model returned ${meta.format}`) });
    }
    signal.throwIfAborted();

    const id = randomBytes(12).toString("base64url");
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
      price: model.pricePerImage,
      createdAt: new Date().toISOString(),
      imageKey: `posters/${id}/poster.png`,
      thumbKey: `posters/${id}/thumb.webp`,
      ...(options.createdBy ? { createdBy: options.createdBy.sub, createdByName: options.createdBy.name } : {}),
    };
    await store(record, png, signal, timeout, options.writeItem ?? ((r) => putPoster(r)));
    return await toPosterView(record);
  } catch (error) {
    if (timeout.aborted) throw new AppError("timeout", { cause: error });
    if (options.signal?.aborted) throw new AppError("cancelled", { cause: error });
    if (error instanceof AppError) throw error;
    throw new AppError(networkErrorCode(error), { cause: error });
  }
}

async function store(
  record: PosterRecord,
  png: Buffer,
  signal: AbortSignal,
  deadline: AbortSignal,
  writeItem: (record: PosterRecord) => Promise<void>,
) {
  const put = (key: string, body: Uint8Array, type: string) => putObject(key, body, type, signal);
  try {
    // The PNG upload starts at once; the thumbnail is encoded while it is in flight.
    const thumbnail = makeThumbnail(png);
    const results = await Promise.allSettled([
      put(record.imageKey, png, "image/png"),
      thumbnail.then((webp) => put(record.thumbKey, webp, "image/webp")),
    ]);
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    // Past the timeout the sweeper may already count these objects as a dead generation's: don't commit them.
    deadline.throwIfAborted();
  } catch (error) {
    // An aborted PUT may still have landed, so both keys are removed whatever we saw succeed.
    const keys = [record.imageKey, record.thumbKey];
    await deleteObjects(keys).catch((cleanupError) => {
      console.error(JSON.stringify({ msg: "cleanup failed", keys, error: String(cleanupError) }));
    });
    throw error;
  }
  await commit(record, writeItem);
}

/** Writes the item, deliberately deaf to the caller's cancel: a write that lands while we give up on it would
 * leave a listed poster without images. If the answer is lost, the table says whether it landed. */
async function commit(record: PosterRecord, writeItem: (record: PosterRecord) => Promise<void>) {
  try {
    await writeItem(record);
  } catch (error) {
    if (await getPoster(record.id).catch(() => undefined)) return;
    await deleteObjects([record.imageKey, record.thumbKey]).catch((cleanupError) => {
      console.error(JSON.stringify({ msg: "cleanup failed", id: record.id, error: String(cleanupError) }));
    });
    throw error;
  }
}
