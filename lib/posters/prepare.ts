import "server-only";
import sharp from "sharp";
import { AppError } from "../errors";
import { fitInvokeBody } from "../invoke-body-size";
import {
  findOperation,
  generate,
  type ImageSource,
  nearestAspectRatio,
  type Operation,
  type OperationPlan,
  type OperationRequest,
  type PosterRequest,
} from "../models/index";
import { getPoster, type PosterRecord } from "../store/posters";
import { derivedWords } from "./derived-prompt";
import type { Prepared } from "./pipeline";
import { type CheckedImage, checkImage, type ImageLimits, loadSource } from "./source-image";

// Everything that can refuse a request for its inputs, done before the budget admits it (a refusal writes nothing):
// a catalogue entry's plan for the request, and for an image service its source, mask and style image loaded and
// checked, the body fitted to Bedrock's size cap and the size to expect. What comes out is one model call for the
// pipeline (lib/posters/pipeline.ts), whichever entry planned it.

/** A generation: the model's body, and a poster that keeps the request's words, ratio and settings. */
export function prepareGeneration(request: PosterRequest): Prepared {
  return {
    invocation: generate.plan(request),
    describe: () => ({
      prompt: request.prompt,
      ...(request.negativePrompt ? { negativePrompt: request.negativePrompt } : {}),
      model: request.model,
      aspectRatio: request.aspectRatio,
      params: request.params,
    }),
  };
}

const dimensions = async (bytes: Buffer) => {
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  return { width, height };
};

/** An image service's request, its images loaded from the library or the member's uploads and checked. */
export async function prepareOperation(request: OperationRequest, member: { sub: string }): Promise<Prepared> {
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

function planOf(request: OperationRequest): { plan: OperationPlan; operation: Operation } {
  const operation = findOperation(request.operation);
  if (!operation) throw new AppError("invalid_input", { fields: { operation: "Unknown operation." } });
  return { plan: operation.planFor(request), operation };
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
): Promise<Prepared> {
  const { plan, operation } = planOf(request);
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
  const images = await fitInvokeBody(plan, { image, mask, style }, operation.label);
  const { parent, sourceUploadId, uploadDescription } = inputs;
  return {
    invocation: {
      service: plan.service,
      seed: request.seed,
      buildBody: (seed) => plan.buildBody(images, seed),
      parseResponse: (json, seed) => operation.parseResponse(json, seed),
      expected: plan.expectedSize(images.image),
    },
    describe: (made) => {
      // The poster keeps its source's words; the operation's instruction goes in its inputs.
      const words = derivedWords({ parent, uploadDescription }, plan);
      return {
        prompt: words.prompt,
        ...(words.negativePrompt ? { negativePrompt: words.negativePrompt } : {}),
        model: plan.service.invokeId,
        aspectRatio: nearestAspectRatio(made.width, made.height),
        params: {},
        operation: request.operation,
        ...(parent ? { parentId: parent.id } : {}),
        inputs: { ...words.inputs, ...(sourceUploadId ? { sourceUploadId } : {}) },
      };
    },
  };
}
