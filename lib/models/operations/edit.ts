import * as z from "zod/mini";
import { defineOperation } from "./define";
import { growMaskParam, maskField, maskInput, negativePromptField, promptField, sliderField } from "./fields";
import { common, commonBody, STANDARD_LIMITS, usProfileService } from "./image-services";

// Edits that keep the source's size: cut out, erase, fix a region. Prices: USD per image, from two third-party
// copies of Bedrock's pricing page (AWS's page was not available to check): Inpaint, Erase and Remove Background 0.07.

const same = (source: { width: number; height: number }) => ({ width: source.width, height: source.height });

const removeBackgroundService = usProfileService("stable-image-remove-background-v1:0", {
  label: "Stable Image Remove Background",
  priceCents: 7,
  typicalSeconds: 6,
  limits: STANDARD_LIMITS,
  // AWS lists only `image` and `output_format` for this service.
  bodySchema: z.strictObject({ image: common.image, output_format: common.output_format }),
});

export const removeBackground = defineOperation({
  id: "remove-background",
  group: "Fix & edit",
  visibility: "develop",
  made: "Cut out",
  label: "Cut out",
  blurb: "Keeps the subject on a transparent background: for compositing key art onto a new layout.",
  inputs: [],
  services: [removeBackgroundService],
  fields: {},
  plan: () => ({
    service: removeBackgroundService,
    inputs: {},
    // No seed goes to this service; the image is the same each time.
    buildBody: ({ image }) => ({ image: image.bytes.toString("base64"), output_format: "png" }),
    expectedSize: same,
  }),
});

const eraseService = usProfileService("stable-image-erase-object-v1:0", {
  label: "Stable Image Erase Object",
  priceCents: 7,
  typicalSeconds: 8,
  limits: STANDARD_LIMITS,
  bodySchema: z.strictObject({
    image: common.image,
    mask: common.mask,
    grow_mask: common.grow_mask,
    seed: common.seed,
    output_format: common.output_format,
  }),
});

export const erase = defineOperation({
  id: "erase",
  group: "Fix & edit",
  visibility: "develop",
  made: "Erased",
  label: "Erase",
  blurb: "Removes what the mask covers (a lamp post, a stray logo) and fills it from its surroundings.",
  inputs: [maskInput, growMaskParam],
  services: [eraseService],
  fields: { mask: maskField, growMask: sliderField(growMaskParam) },
  plan: (request) => ({
    service: eraseService,
    inputs: {
      ...(request.mask ? { maskUploadId: request.mask.uploadId } : {}),
      growMask: request.growMask ?? growMaskParam.default,
    },
    mask: request.mask,
    buildBody: ({ image, mask }, seed) => ({
      ...commonBody(image.bytes, seed),
      ...(mask ? { mask: mask.bytes.toString("base64") } : {}),
      grow_mask: request.growMask ?? growMaskParam.default,
    }),
    expectedSize: same,
  }),
});

const inpaintService = usProfileService("stable-image-inpaint-v1:0", {
  label: "Stable Image Inpaint",
  priceCents: 7,
  typicalSeconds: 16,
  limits: STANDARD_LIMITS,
  bodySchema: z.strictObject({
    prompt: common.prompt,
    negative_prompt: common.negative_prompt,
    image: common.image,
    mask: common.mask,
    grow_mask: common.grow_mask,
    style_preset: common.style_preset,
    seed: common.seed,
    output_format: common.output_format,
  }),
});

export const inpaint = defineOperation({
  id: "inpaint",
  group: "Fix & edit",
  visibility: "develop",
  made: "Fixed",
  label: "Fix a region",
  blurb: "Repaints only the masked area from a prompt: fix a hand, change a sign, add a prop.",
  inputs: [
    { ...maskInput, required: false },
    { kind: "text", name: "prompt", label: "What goes there", help: "Describe what the masked area should show." },
    growMaskParam,
  ],
  services: [inpaintService],
  fields: {
    mask: maskField,
    prompt: promptField("Say what the masked area should show: the prompt can't be empty."),
    negativePrompt: negativePromptField,
    growMask: sliderField(growMaskParam),
  },
  plan: (request) => ({
    service: inpaintService,
    inputs: {
      ...(request.mask ? { maskUploadId: request.mask.uploadId } : {}),
      growMask: request.growMask ?? growMaskParam.default,
    },
    prompt: request.prompt,
    negativePrompt: request.negativePrompt,
    mask: request.mask,
    buildBody: ({ image, mask }, seed) => ({
      ...commonBody(image.bytes, seed, request.negativePrompt),
      prompt: request.prompt,
      ...(mask ? { mask: mask.bytes.toString("base64") } : {}),
      grow_mask: request.growMask ?? growMaskParam.default,
    }),
    expectedSize: same,
  }),
});
