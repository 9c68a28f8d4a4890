import "server-only";
import { randomInt } from "node:crypto";
import sharp from "sharp";
import type { PosterView } from "../api-types";
import { invokeModel } from "../aws/bedrock";
import { getConfig } from "../aws/config";
import { AppError } from "../errors";
import { newId } from "../ids";
import { fitInvokeBody } from "../invoke-body-size";
import {
  findOperation,
  type ImageSource,
  nearestAspectRatio,
  type OperationPlan,
  type OperationRequest,
} from "../models/index";
import { toUsd } from "../money";
import { artKeys } from "../storage";
import { getPoster, type PosterRecord, putPoster } from "../store/posters";
import { derivedWords } from "./derived-prompt";
import { decodeAnswer, type GenerateOptions, runError, store } from "./pipeline";
import { type CheckedImage, checkImage, type ImageLimits, loadSource } from "./source-image";
import { toPosterView } from "./view";

// One operation: (before any money moves) plan, load and check the source, mask and style image, fit the body to
// Bedrock's size cap, know the size to expect; then invoke → check → store (S3 objects, then the item with its
// lineage, last) → sign, as generatePoster does.

export interface PreparedOperation {
  plan: OperationPlan;
  operation: string;
  image: CheckedImage;
  mask?: CheckedImage;
  style?: CheckedImage;
  expected: ReturnType<OperationPlan["expectedSize"]>;
  parent?: PosterRecord;
  sourceUploadId?: string;
  /** What the uploader said the upload shows: the new poster's prompt (see lib/posters/derived-prompt.ts). */
  uploadDescription?: string;
  seed?: number;
}

const dimensions = async (bytes: Buffer) => {
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  return { width, height };
};

/** Everything that can refuse a request for its inputs, done before the budget admits it: a refusal writes nothing. */
export async function prepareOperation(request: OperationRequest, member: { sub: string }): Promise<PreparedOperation> {
  const { plan } = planOf(request);
  const source = await loadSource(request.source, member);
  const mask = plan.mask ? (await loadSource(plan.mask, member)).bytes : undefined;
  const style = plan.style ? await loadStyle(plan.style, member) : undefined;
  const parent = source.posterId ? await getPoster(source.posterId) : undefined;
  return prepareFrom(request, {
    image: source.bytes,
    mask,
    style,
    parent,
    sourceUploadId: "uploadId" in request.source ? request.source.uploadId : undefined,
    uploadDescription: "uploadId" in request.source ? request.source.description : undefined,
  });
}

function planOf(request: OperationRequest): { plan: OperationPlan; label: string } {
  const operation = findOperation(request.operation);
  if (!operation) throw new AppError("invalid_input", { fields: { operation: "Unknown operation." } });
  return { plan: operation.planFor(request), label: operation.label };
}

/** A style image follows the source's access rules (any poster; only one's own upload); its refusals name the
 *  field, so the studio shows them by the style picker. */
async function loadStyle(style: ImageSource, member: { sub: string }): Promise<Buffer> {
  return styleField(async () => (await loadSource(style, member)).bytes);
}

async function styleField<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message = error.code === "not_found" ? "There is no poster with that id for the style image." : error.message;
    throw new AppError(error.code, { message, fields: { style: message }, cause: error });
  }
}

const checkStyle = (bytes: Buffer, limits: ImageLimits) => styleField(() => checkImage(bytes, limits, "style"));

/** The same checks on images already in hand (a job's intermediate art, not a poster or an upload). */
export async function prepareFrom(
  request: OperationRequest,
  inputs: {
    image: Buffer;
    mask?: Buffer;
    style?: Buffer;
    parent?: PosterRecord;
    sourceUploadId?: string;
    uploadDescription?: string;
  },
): Promise<PreparedOperation> {
  const { plan, label } = planOf(request);
  const { limits } = plan.service;
  const image = await checkImage(inputs.image, limits, "image");
  let mask: CheckedImage | undefined;
  if (plan.mask) {
    if (!inputs.mask) throw new AppError("invalid_input", { fields: { mask: "This operation needs a mask." } });
    const [original, painted] = await Promise.all([dimensions(inputs.image), dimensions(inputs.mask)]);
    mask = await checkImage(inputs.mask, { ...limits, downsize: true }, "mask");
    if (painted.width !== original.width || painted.height !== original.height) {
      const message = `The mask is ${painted.width}×${painted.height} px but the image is ${original.width}×${original.height} px: paint the mask at the image's size.`;
      throw new AppError("image_invalid", { message, fields: { mask: message } });
    }
    // The source was made to fit the service: the mask follows it.
    if (mask.width !== image.width || mask.height !== image.height) {
      const bytes = await sharp(mask.bytes).resize(image.width, image.height, { fit: "fill" }).png().toBuffer();
      mask = { bytes, format: "png", width: image.width, height: image.height };
    }
  }
  if (plan.style && !inputs.style) {
    throw new AppError("invalid_input", { fields: { style: "This operation needs a style image." } });
  }
  const style = inputs.style ? await checkStyle(inputs.style, limits) : undefined;
  const fitted = await fitInvokeBody(plan, { image, mask, style }, label);
  return {
    plan,
    operation: request.operation,
    ...fitted,
    expected: plan.expectedSize(fitted.image),
    parent: inputs.parent,
    sourceUploadId: inputs.sourceUploadId,
    uploadDescription: inputs.uploadDescription,
    seed: request.seed,
  };
}

// Real outputs have the documented size; the tolerance keeps a paid image should AWS round differently.
const SIZE_TOLERANCE = 0.25;
const near = (actual: number, expected: number) => Math.abs(actual - expected) <= expected * SIZE_TOLERANCE;

/** What the service made for a prepared operation, checked to be the picture it should be; `onModelAnswered` runs
 * as soon as the model has answered (from then on AWS bills it, whatever happens next). */
export async function invokeOperation(
  prepared: PreparedOperation,
  signal: AbortSignal,
  onModelAnswered?: () => void,
): Promise<{ png: Buffer; width: number; height: number; seed: number }> {
  const { plan } = prepared;
  const operation = findOperation(prepared.operation);
  if (!operation) throw new AppError("internal", { cause: new Error(`no operation ${prepared.operation}`) });
  const seed = prepared.seed ?? randomInt(1, 4_294_967_294);
  const body = plan.buildBody({ image: prepared.image, mask: prepared.mask, style: prepared.style }, seed);
  const response = await invokeModel(plan.service.invokeId, body, signal, plan.service.region);
  const answer = operation.parseResponse(response, seed);
  onModelAnswered?.();
  const { png, meta } = await decodeAnswer(answer.imageBase64);
  const { expected } = prepared;
  // Where AWS documents no size, only the shape is checked (and that it is a picture, not a sliver).
  const fits = expected.shapeOnly
    ? near(meta.width / meta.height, expected.width / expected.height) && Math.min(meta.width, meta.height) >= 64
    : near(meta.width, expected.width) && near(meta.height, expected.height);
  if (!fits) {
    const cause = new Error(
      `service returned ${meta.width}×${meta.height}, expected ${expected.width}×${expected.height}`,
    );
    throw new AppError("generation_failed", { cause });
  }
  return { png, width: meta.width, height: meta.height, seed: answer.seed };
}

export async function runOperation(prepared: PreparedOperation, options: GenerateOptions): Promise<PosterView> {
  const { plan } = prepared;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? getConfig().generationTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  try {
    const made = await invokeOperation(prepared, signal, options.onModelAnswered);
    signal.throwIfAborted();

    const id = newId();
    // The poster keeps its source's words; the operation's instruction goes in its inputs.
    const words = derivedWords({ parent: prepared.parent, uploadDescription: prepared.uploadDescription }, plan);
    const record: PosterRecord = {
      id,
      prompt: words.prompt,
      ...(words.negativePrompt ? { negativePrompt: words.negativePrompt } : {}),
      model: plan.service.invokeId,
      aspectRatio: nearestAspectRatio(made.width, made.height),
      params: {},
      seed: made.seed,
      width: made.width,
      height: made.height,
      bytes: made.png.byteLength,
      price: toUsd(plan.service.priceCents),
      createdAt: new Date().toISOString(),
      operation: prepared.operation,
      ...(prepared.parent ? { parentId: prepared.parent.id } : {}),
      inputs: { ...words.inputs, ...(prepared.sourceUploadId ? { sourceUploadId: prepared.sourceUploadId } : {}) },
      ...artKeys(id),
      createdBy: options.createdBy.sub,
      createdByName: options.createdBy.name,
    };
    await store(record, made.png, signal, timeout, options.writeItem ?? ((r) => putPoster(r)));
    return await toPosterView(record);
  } catch (error) {
    throw runError(error, timeout, options.signal);
  }
}
