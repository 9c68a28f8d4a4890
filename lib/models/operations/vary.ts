import * as z from "zod/mini";
import { nearestAspectRatio } from "../aspect-ratios";
import { getModel } from "../catalogue";
import { STABLE_IMAGE_SIZES } from "../stable-image";
import type { ParamSpec } from "../types";
import { defineOperation } from "./define";
import { negativePromptField, promptField, sliderField } from "./fields";
import { commonBody } from "./image-services";
import type { ServiceSpec } from "./types";

// Vary: SD3.5 Large or Ultra image-to-image, called in-Region in us-west-2 (no US profile exists for them), at the
// catalogue's generation prices. AWS documents no output size: about one megapixel at the source's shape is ASSUMED,
// so the pipeline checks only the shape of a real answer.

type Slider = Extract<ParamSpec, { kind: "slider" }>;

/** About 1 MP at the source's shape (ASSUMED: Replicate's SD3.5 says the output follows the input's ratio). */
const bucket = (source: { width: number; height: number }) => ({
  ...STABLE_IMAGE_SIZES[nearestAspectRatio(source.width, source.height)],
  shapeOnly: true,
});

// SD3.5 Large and Ultra: each side ≥ 64 px; no pixel or aspect limit stated (the 25 MB body is: fit to 9.4 MP).
const I2I_LIMITS = { minSide: 64, maxPixels: 9_437_184, maxAspect: Number.POSITIVE_INFINITY, downsize: true };

function inRegion(modelId: string): ServiceSpec {
  const model = getModel(modelId);
  return {
    invokeId: model.id,
    label: model.label,
    foundationModelId: model.id,
    region: "us-west-2",
    routesTo: [],
    docs: model.docs,
    priceCents: model.priceCents,
    typicalSeconds: model.typicalSeconds,
    maxSeed: model.maxSeed,
    limits: I2I_LIMITS,
    bodySchema: model.bodySchema,
  };
}

const VARY_MODELS = {
  "sd3.5": inRegion("stability.sd3-5-large-v1:0"),
  ultra: inRegion("stability.stable-image-ultra-v1:1"),
} as const;

const strengthParam: Slider = {
  kind: "slider",
  name: "strength",
  label: "Strength",
  help: "How far to move from the source: 0.2 is a subtle variation, 0.7 a strong one.",
  min: 0,
  max: 1,
  step: 0.05,
  default: 0.35,
};

export const vary = defineOperation({
  id: "vary",
  group: "Variations",
  visibility: "develop",
  promptFromSource: true,
  made: "Varied",
  label: "Vary",
  blurb: "More like this one: a variation of a poster, subtle or strong, from its prompt.",
  inputs: [
    { kind: "text", name: "prompt", label: "Prompt", help: "Starts as the source poster's prompt." },
    strengthParam,
    {
      kind: "select",
      name: "model",
      label: "Model",
      help: "SD3.5 Large, or Stable Image Ultra for the finest detail.",
      options: [
        { value: "sd3.5", label: "SD3.5 Large" },
        { value: "ultra", label: "Stable Image Ultra" },
      ],
      noneLabel: "SD3.5 Large",
    },
  ],
  services: Object.values(VARY_MODELS),
  fields: {
    prompt: promptField("Describe the poster: the prompt can't be empty."),
    negativePrompt: negativePromptField,
    strength: sliderField(strengthParam),
    model: z._default(z.enum(["sd3.5", "ultra"], { error: "Pick one of the models: sd3.5, ultra." }), "sd3.5"),
  },
  plan(request) {
    const strength = request.strength ?? strengthParam.default;
    return {
      service: VARY_MODELS[request.model],
      inputs: { model: request.model, strength },
      prompt: request.prompt,
      negativePrompt: request.negativePrompt,
      // SD3.5 Large documents `mode: image-to-image`; Ultra's image-to-image section has no `mode`.
      buildBody: ({ image }, seed) => ({
        ...commonBody(image.bytes, seed, request.negativePrompt),
        prompt: request.prompt,
        ...(request.model === "sd3.5" ? { mode: "image-to-image" } : {}),
        strength,
      }),
      expectedSize: bucket,
    };
  },
});
