import { sdxlModel } from "./sdxl";
import { stableImageModel } from "./stable-image";
import type { ModelSpec } from "./types";

// THE model catalogue: the one place a Stability model is described. The request schema, the studio's controls,
// the Bedrock body, the response parser, the price and the offline emulator all derive from these entries.
// Adding a model means adding one entry here. Prices: Bedrock on-demand, USD per image.

export const MODELS = [
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-3-5-large.html
  stableImageModel({
    id: "stability.sd3-5-large-v1:0",
    label: "SD3.5 Large",
    blurb: "Stable Diffusion 3.5 Large: detailed, follows long prompts well.",
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-3-5-large.html",
    pricePerImage: 0.08,
    typicalSeconds: 9,
    maxSeed: 4_294_967_294,
    sendsMode: true,
  }),
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-stable-ultra-text-image-request-response.html
  stableImageModel({
    id: "stability.stable-image-ultra-v1:1",
    label: "Stable Image Ultra",
    blurb: "Stability's highest quality: photoreal key art, best typography of the set.",
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-stable-ultra-text-image-request-response.html",
    pricePerImage: 0.14,
    typicalSeconds: 12,
    maxSeed: 4_294_967_295,
    sendsMode: true,
  }),
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-stable-image-core-text-image-request-response.html
  // Core's page documents no `mode` field, so none is sent.
  stableImageModel({
    id: "stability.stable-image-core-v1:1",
    label: "Stable Image Core",
    blurb: "Fast and affordable: good for exploring ideas.",
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-stable-image-core-text-image-request-response.html",
    pricePerImage: 0.04,
    typicalSeconds: 5,
    maxSeed: 4_294_967_295,
    sendsMode: false,
  }),
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-1-0-text-image.html
  sdxlModel({
    id: "stability.stable-diffusion-xl-v1",
    label: "SDXL 1.0 (legacy)",
    blurb: "The older SDXL model, with prompt strength, steps and style presets. AWS is retiring it.",
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-diffusion-1-0-text-image.html",
    pricePerImage: 0.04,
    typicalSeconds: 7,
  }),
] as const satisfies readonly ModelSpec[];

export const MODEL_IDS = MODELS.map((m) => m.id) as [string, ...string[]];

export const DEFAULT_MODEL_ID: string = MODELS[0].id;

export function findModel(id: string): ModelSpec | undefined {
  return MODELS.find((m) => m.id === id);
}

export function getModel(id: string): ModelSpec {
  const model = findModel(id);
  if (!model) throw new Error(`model ${id} is not in the catalogue`);
  return model;
}

/** A model's display name; ids of models no longer in the catalogue show as they are. */
export const modelLabel = (id: string) => findModel(id)?.label ?? id;

/** Display names of every model, for client code that shouldn't import the catalogue. */
export const MODEL_LABELS: Record<string, string> = Object.fromEntries(MODELS.map((m) => [m.id, m.label]));

/** Rounds to cents for display; prices are small multiples of a cent. */
export function formatPrice(usd: number): string {
  return `$${usd.toFixed(2)}`;
}
