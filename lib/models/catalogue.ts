import { AppError } from "../errors";
import { nonEmpty } from "../tuples";
import { sdxlModel } from "./sdxl";
import { stableImageModel } from "./stable-image";
import type { ModelSpec } from "./types";

// THE model catalogue: the one place a Stability model is described. The request schema, the studio's controls,
// the Bedrock body, the response parser and the price derive from these entries (the offline emulator checks bodies
// against their body schemas; how it reads and answers each model lives in local/emulator/models.ts).
// Adding a model means adding one entry here. Prices: Bedrock on-demand, whole US cents per image.
// A model AWS retires stays here, marked `retired`: posters made with it keep their label and settings, but the
// studio, the API and the IAM policy only offer GENERATION_MODELS.

export const MODELS = [
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-3-5-large.html
  // Documents `mode` (text-to-image | image-to-image, which needs `image` and `strength`).
  stableImageModel({
    id: "stability.sd3-5-large-v1:0",
    label: "SD3.5 Large",
    blurb: "Stable Diffusion 3.5 Large: detailed, follows long prompts well.",
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-3-5-large.html",
    priceCents: 8,
    typicalSeconds: 9,
    maxSeed: 4_294_967_294,
    sendsMode: true,
    imageToImage: true,
    outputFormats: ["png", "jpeg", "webp"],
  }),
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-stable-ultra-text-image-request-response.html
  // Image-to-image is `image` + `strength` with no `mode` on this page, so no `mode` is sent; jpeg or png only.
  stableImageModel({
    id: "stability.stable-image-ultra-v1:1",
    label: "Stable Image Ultra",
    blurb: "Stability's highest quality: photoreal key art, best typography of the set.",
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-stable-ultra-text-image-request-response.html",
    priceCents: 14,
    typicalSeconds: 12,
    maxSeed: 4_294_967_295,
    sendsMode: false,
    imageToImage: true,
    outputFormats: ["jpeg", "png"],
  }),
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-stable-image-core-text-image-request-response.html
  // Core's page documents no `mode` field, so none is sent; text-to-image only; jpeg or png only.
  stableImageModel({
    id: "stability.stable-image-core-v1:1",
    label: "Stable Image Core",
    blurb: "Fast and affordable: good for exploring ideas.",
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-stable-image-core-text-image-request-response.html",
    priceCents: 4,
    typicalSeconds: 5,
    maxSeed: 4_294_967_295,
    sendsMode: false,
    imageToImage: false,
    outputFormats: ["jpeg", "png"],
  }),
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-1-0-text-image.html
  // End of life on Bedrock: no longer operational in us-east-1 or us-west-2 since 2025-05-20 (AWS notice).
  sdxlModel({
    id: "stability.stable-diffusion-xl-v1",
    label: "SDXL 1.0",
    blurb: "The older SDXL model, with prompt strength, steps and style presets. AWS has retired it.",
    retired: true,
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-1-0-text-image.html",
    priceCents: 4,
    typicalSeconds: 7,
  }),
] as const satisfies readonly ModelSpec[];

/** Every model posters may have been made with: for listing, filtering and showing posters. */
export const MODEL_IDS = nonEmpty(
  MODELS.map((m) => m.id),
  "models",
);

export type ModelId = (typeof MODELS)[number]["id"];
const MODEL_ID_SET: ReadonlySet<string> = new Set(MODEL_IDS);
/** Whether an id names a model of the catalogue (retired ones too), rather than an image service. */
export const isModelId = (id: string): id is ModelId => MODEL_ID_SET.has(id);

/** The models new posters can be made with: the studio's picker, POST /api/posters and the IAM policy. */
export const GENERATION_MODELS: readonly ModelSpec[] = MODELS.filter((m) => !m.retired);

export const DEFAULT_MODEL_ID: string = MODELS[0].id;

export function findModel(id: string): ModelSpec | undefined {
  return MODELS.find((m) => m.id === id);
}

/** A model new posters can be made with, or undefined for unknown and retired ids. */
export function findGenerationModel(id: string): ModelSpec | undefined {
  return GENERATION_MODELS.find((m) => m.id === id);
}

/** Refuses a generation request that names a retired model, before anything is reserved or sent to AWS. */
export function refuseRetiredModel(id: unknown): void {
  const model = typeof id === "string" ? findModel(id) : undefined;
  if (!model?.retired) return;
  throw new AppError("model_retired", {
    message: `AWS has retired ${model.label}, so it can't make new posters: pick another model, such as ${modelLabel(DEFAULT_MODEL_ID)}.`,
  });
}

/** "Use these settings" from a poster: the model to start from and, when the poster's model can no longer make
 * posters, a polite sentence saying which model stands in. */
export function modelForReuse(id: string): { model: string; notice?: string } {
  const model = findModel(id);
  if (model && !model.retired) return { model: model.id };
  const was = model ? `${model.label}, which AWS has retired` : `${id}, which is no longer offered`;
  return {
    model: DEFAULT_MODEL_ID,
    notice: `This poster was made with ${was}, so these settings use ${modelLabel(DEFAULT_MODEL_ID)} instead. The same seed will give a different image.`,
  };
}

export function getModel(id: string): ModelSpec {
  const model = findModel(id);
  if (!model) throw new Error(`model ${id} is not in the catalogue`);
  return model;
}

/** A model's display name, marked when AWS has retired it; ids of models no longer in the catalogue show as they are. */
export function modelLabel(id: string): string {
  const model = findModel(id);
  if (!model) return id;
  return model.retired ? `${model.label} (retired)` : model.label;
}

/** Display names of every model, for client code that shouldn't import the catalogue. */
export const MODEL_LABELS: Record<string, string> = Object.fromEntries(MODELS.map((m) => [m.id, modelLabel(m.id)]));

/** Rounds to cents for display; prices are small multiples of a cent. */
export function formatPrice(usd: number): string {
  return `$${usd.toFixed(2)}`;
}
