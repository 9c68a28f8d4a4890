import * as z from "zod/mini";
import { ASPECT_RATIO_IDS } from "../aspect-ratios";
import { STABLE_IMAGE_SIZES } from "../stable-image";
import type { ParamSpec } from "../types";
import { defineOperation } from "./define";
import { negativePromptField, promptField, sliderField } from "./fields";
import { common, commonBody, STANDARD_LIMITS, usProfileService } from "./image-services";

// Operations that make new art from an image: Control Sketch and Control Structure, Style Guide (0.07 USD per image
// each, third-party copies of Bedrock's pricing page). AWS documents no output size for them: the sizes here are
// ASSUMED (the source's, or the chosen ratio's at about one megapixel), so the pipeline checks only the shape of a
// real answer.

type Slider = Extract<ParamSpec, { kind: "slider" }>;

const controlStrengthParam: Slider = {
  kind: "slider",
  name: "controlStrength",
  label: "Control strength",
  help: "How closely the art follows the sketch or layout's lines.",
  min: 0,
  max: 1,
  step: 0.05,
  default: 0.7,
};

const controlBody = z.strictObject({
  prompt: common.prompt,
  negative_prompt: common.negative_prompt,
  image: common.image,
  control_strength: z.optional(z.number().check(z.gte(0), z.lte(1))),
  style_preset: common.style_preset,
  seed: common.seed,
  output_format: common.output_format,
});

function control(
  id: "control-sketch" | "control-structure",
  name: string,
  names: { label: string; service: string },
  blurb: string,
) {
  const { label } = names;
  const service = usProfileService(name, {
    label: names.service,
    priceCents: 7,
    typicalSeconds: 12,
    limits: STANDARD_LIMITS,
    bodySchema: controlBody,
  });
  return defineOperation({
    id,
    group: "New art from this",
    visibility: "develop",
    label,
    made: label,
    blurb,
    inputs: [
      { kind: "text", name: "prompt", label: "Prompt", help: "Describe the finished poster." },
      controlStrengthParam,
    ],
    services: [service],
    fields: {
      prompt: promptField("Describe the poster: the prompt can't be empty."),
      negativePrompt: negativePromptField,
      controlStrength: sliderField(controlStrengthParam),
    },
    plan: (request) => {
      const strength = request.controlStrength ?? controlStrengthParam.default;
      return {
        service,
        inputs: { controlStrength: strength },
        prompt: request.prompt,
        negativePrompt: request.negativePrompt,
        buildBody: ({ image }, seed) => ({
          ...commonBody(image.bytes, seed, request.negativePrompt),
          prompt: request.prompt,
          control_strength: strength,
        }),
        // ASSUMED: the source's size.
        expectedSize: (source) => ({ width: source.width, height: source.height, shapeOnly: true }),
      };
    },
  });
}

export const controlSketch = control(
  "control-sketch",
  "stable-image-control-sketch-v1:0",
  { label: "From a sketch", service: "Stable Image Control Sketch" },
  "Turns a rough sketch or storyboard frame into finished art along its lines.",
);
export const controlStructure = control(
  "control-structure",
  "stable-image-control-structure-v1:0",
  { label: "From a layout", service: "Stable Image Control Structure" },
  "Keeps a layout's structure (an agency comp, a poster) and paints new art into it.",
);

const fidelityParam: Slider = {
  kind: "slider",
  name: "fidelity",
  label: "Fidelity",
  help: "How closely the new art keeps the reference's style.",
  min: 0,
  max: 1,
  step: 0.05,
  default: 0.5,
};

const styleService = usProfileService("stable-image-style-guide-v1:0", {
  label: "Stable Image Style Guide",
  priceCents: 7,
  typicalSeconds: 12,
  limits: STANDARD_LIMITS,
  bodySchema: z.strictObject({
    prompt: common.prompt,
    negative_prompt: common.negative_prompt,
    image: common.image,
    aspect_ratio: z.optional(z.enum(ASPECT_RATIO_IDS)),
    fidelity: z.optional(z.number().check(z.gte(0), z.lte(1))),
    style_preset: common.style_preset,
    seed: common.seed,
    output_format: common.output_format,
  }),
});

export const styleGuide = defineOperation({
  id: "style-guide",
  group: "New art from this",
  visibility: "develop",
  made: "Styled",
  label: "In the style of",
  blurb: "New art in the look of a reference image: a campaign's palette and grain on a new subject.",
  inputs: [
    { kind: "text", name: "prompt", label: "Prompt", help: "Describe the new poster." },
    fidelityParam,
    {
      kind: "select",
      name: "aspectRatio",
      label: "Aspect ratio",
      help: "The new poster's shape.",
      options: ASPECT_RATIO_IDS.map((r) => ({ value: r, label: r })),
      noneLabel: "1:1",
    },
  ],
  services: [styleService],
  fields: {
    prompt: promptField("Describe the poster: the prompt can't be empty."),
    negativePrompt: negativePromptField,
    fidelity: sliderField(fidelityParam),
    aspectRatio: z._default(
      z.enum(ASPECT_RATIO_IDS, { error: `Pick one of the aspect ratios: ${ASPECT_RATIO_IDS.join(", ")}.` }),
      "1:1",
    ),
  },
  plan(request) {
    const fidelity = request.fidelity ?? fidelityParam.default;
    return {
      service: styleService,
      inputs: { fidelity, aspectRatio: request.aspectRatio },
      prompt: request.prompt,
      negativePrompt: request.negativePrompt,
      buildBody: ({ image }, seed) => ({
        ...commonBody(image.bytes, seed, request.negativePrompt),
        prompt: request.prompt,
        aspect_ratio: request.aspectRatio,
        fidelity,
      }),
      expectedSize: () => ({ ...STABLE_IMAGE_SIZES[request.aspectRatio], shapeOnly: true }),
    };
  },
});
