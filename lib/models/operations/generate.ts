import { AppError } from "../../errors";
import { GENERATION_MODELS, getModel } from "../catalogue";
import type { ModelSpec, PosterRequest } from "../types";
import type { EntryFacts, Invocation, InvokedService } from "./types";

// Generation as an entry of the catalogue: a prompt, no source image, one of the text-to-image models of
// lib/models/catalogue.ts (which describes each model's fields, body and answer). Its plan is a model call like any
// other operation's, so one pipeline runs it (lib/posters/pipeline.ts).

/** A text-to-image model as the pipeline calls it: in the app's own Bedrock Region (config), in-Region. */
export function generationService(model: ModelSpec): InvokedService {
  return {
    invokeId: model.id,
    label: model.label,
    foundationModelId: model.id,
    routesTo: [],
    docs: model.docs,
    priceCents: model.priceCents,
    typicalSeconds: model.typicalSeconds,
    maxSeed: model.maxSeed,
    bodySchema: model.bodySchema,
  };
}

export const generate = {
  kind: "generate",
  id: "generate",
  label: "Generate",
  filterLabel: "Generated",
  blurb: "Key art from a prompt, with one of Stability's text-to-image models.",
  group: "Generate",
  visibility: "studio",
  services: GENERATION_MODELS.map(generationService),
  /** The model call for a request posterRequestSchema accepted. */
  plan(request: PosterRequest): Invocation {
    const model = getModel(request.model);
    const expected = model.sizes[request.aspectRatio];
    // The request schema offers each model only its own ratios: this is a request that skipped it.
    if (!expected) {
      const message = `${model.label} doesn't make ${request.aspectRatio} images.`;
      throw new AppError("invalid_input", { message, fields: { aspectRatio: message } });
    }
    return {
      service: generationService(model),
      seed: request.seed,
      buildBody: (seed) => model.buildBody({ ...request, seed }),
      parseResponse: (json, seed) => model.parseResponse(json, seed),
      expected,
    };
  },
} as const satisfies EntryFacts & {
  kind: "generate";
  services: readonly InvokedService[];
  plan(request: PosterRequest): Invocation;
};

/** A format pack's crop (lib/pack): made here by sharp, no model and no charge. */
export const crop = {
  kind: "local",
  id: "crop",
  label: "Crop",
  made: "Cropped",
  blurb: "The key art cut to a placement's shape, when the art already covers it.",
  group: "Format pack",
  visibility: "pack",
  priceCents: 0,
  typicalSeconds: 1,
} as const satisfies EntryFacts & { kind: "local"; priceCents: number; typicalSeconds: number };

/** A campaign's market version (lib/campaigns): a placement's art lettered for one market, made here by the
 * renderer, no model and no charge. */
export const localize = {
  kind: "local",
  id: "localize",
  label: "Market version",
  made: "Localized",
  filterLabel: "Market versions",
  blurb: "A campaign placement's art with one market's title, tagline, date, billing and rating.",
  group: "Format pack",
  visibility: "pack",
  priceCents: 0,
  typicalSeconds: 1,
} as const satisfies EntryFacts & { kind: "local"; priceCents: number; typicalSeconds: number };
