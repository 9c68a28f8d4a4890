import * as z from "zod/mini";
import type { ParamSpec } from "../types";
import { defineOperation } from "./define";
import { negativePromptField, optionalPrompt, sliderField, styleField, styleInput } from "./fields";
import { common, STANDARD_LIMITS, usProfileService } from "./image-services";

// Style Transfer (V: docs.aws.amazon.com/bedrock/latest/userguide/stable-image-services.html, "Style Transfer"; its
// US profile us.stability.stable-style-transfer-v1:0 in inference-profiles-support.html): the source's composition
// repainted in a second picture's look. Unlike the other services it takes `init_image` and `style_image` (both
// required, base64) rather than `image`; `prompt` is optional; no style preset. 0.08 USD per image (third-party
// copies of Bedrock's pricing page). AWS documents no output size: the init image's size is ASSUMED, so only the
// shape of a real answer is checked.

type Slider = Extract<ParamSpec, { kind: "slider" }>;

const compositionFidelityParam: Slider = {
  kind: "slider",
  name: "compositionFidelity",
  label: "Composition fidelity",
  help: "How closely the new poster keeps this one's layout and shapes.",
  min: 0,
  max: 1,
  step: 0.05,
  default: 0.9,
};

const styleStrengthParam: Slider = {
  kind: "slider",
  name: "styleStrength",
  label: "Style strength",
  help: "How strongly the style image's look is applied.",
  min: 0,
  max: 1,
  step: 0.05,
  default: 1,
};

const changeStrengthParam: Slider = {
  kind: "slider",
  name: "changeStrength",
  label: "Change strength",
  help: "How far the result may move away from this poster.",
  min: 0.1,
  max: 1,
  step: 0.05,
  default: 0.9,
};

// Both images have the usual input limits (each side ≥ 64 px, at most 9,437,184 px, sides within 1:2.5).
const styleTransferService = usProfileService("stable-style-transfer-v1:0", {
  label: "Stable Image Style Transfer",
  priceCents: 8,
  typicalSeconds: 15,
  limits: STANDARD_LIMITS,
  bodySchema: z.strictObject({
    init_image: common.image,
    style_image: common.image,
    prompt: z.optional(z.string().check(z.maxLength(10_000))),
    negative_prompt: common.negative_prompt,
    seed: common.seed,
    output_format: common.output_format,
    composition_fidelity: z.optional(z.number().check(z.gte(0), z.lte(1))),
    style_strength: z.optional(z.number().check(z.gte(0), z.lte(1))),
    change_strength: z.optional(z.number().check(z.gte(0.1), z.lte(1))),
  }),
});

export const styleTransfer = defineOperation({
  id: "style-transfer",
  group: "New art from this",
  visibility: "develop",
  made: "Restyled",
  label: "Restyle",
  blurb:
    "Keeps this poster's composition and repaints it in the look of another picture: key art, a painting, a film still.",
  inputs: [
    styleInput,
    { kind: "text", name: "prompt", label: "Prompt", help: "Optional: what the result shows, to guide the repaint." },
    compositionFidelityParam,
    styleStrengthParam,
    changeStrengthParam,
  ],
  services: [styleTransferService],
  fields: {
    style: styleField,
    prompt: optionalPrompt,
    negativePrompt: negativePromptField,
    compositionFidelity: sliderField(compositionFidelityParam),
    styleStrength: sliderField(styleStrengthParam),
    changeStrength: sliderField(changeStrengthParam),
  },
  plan(request) {
    const compositionFidelity = request.compositionFidelity ?? compositionFidelityParam.default;
    const styleStrength = request.styleStrength ?? styleStrengthParam.default;
    const changeStrength = request.changeStrength ?? changeStrengthParam.default;
    return {
      service: styleTransferService,
      // Ids and numbers only: the style image is remembered by where it came from.
      inputs: {
        ...("posterId" in request.style
          ? { stylePosterId: request.style.posterId }
          : { styleUploadId: request.style.uploadId }),
        compositionFidelity,
        styleStrength,
        changeStrength,
      },
      prompt: request.prompt,
      negativePrompt: request.negativePrompt,
      style: request.style,
      buildBody: ({ image, style }, seed) => {
        if (!style) throw new Error("style-transfer needs its style image");
        return {
          init_image: image.bytes.toString("base64"),
          style_image: style.bytes.toString("base64"),
          ...(request.prompt ? { prompt: request.prompt } : {}),
          ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
          seed,
          output_format: "png",
          composition_fidelity: compositionFidelity,
          style_strength: styleStrength,
          change_strength: changeStrength,
        };
      },
      // ASSUMED: the init image's size.
      expectedSize: (source) => ({ width: source.width, height: source.height, shapeOnly: true }),
    };
  },
});
