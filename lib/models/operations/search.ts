import * as z from "zod/mini";
import { defineOperation } from "./define";
import { growMaskParam, negativePromptField, promptField, sliderField } from "./fields";
import { common, commonBody, STANDARD_LIMITS, usProfileService } from "./image-services";

// Edits that find their own region from words: Search and Replace, Search and Recolor (0.07 USD per image each,
// third-party copies of Bedrock's pricing page). Same size as the source.

const same = (source: { width: number; height: number }) => ({ width: source.width, height: source.height });

const searchBody = {
  prompt: common.prompt,
  negative_prompt: common.negative_prompt,
  image: common.image,
  grow_mask: common.grow_mask,
  style_preset: common.style_preset,
  seed: common.seed,
  output_format: common.output_format,
};

const replaceService = usProfileService("stable-image-search-replace-v1:0", {
  label: "Stable Image Search and Replace",
  priceCents: 7,
  typicalSeconds: 12,
  limits: STANDARD_LIMITS,
  bodySchema: z.strictObject({ ...searchBody, search_prompt: common.prompt }),
});

export const searchReplace = defineOperation({
  id: "search-replace",
  group: "Fix & edit",
  visibility: "develop",
  made: "Replaced",
  label: "Replace",
  blurb: "Finds something by name and swaps it: the red car for a motorbike, the coffee cup for a film reel.",
  inputs: [
    { kind: "text", name: "search", label: "What to find", help: "Name it as you'd point at it: “the red car”." },
    { kind: "text", name: "prompt", label: "What to put there", help: "Describe what replaces it." },
    growMaskParam,
  ],
  services: [replaceService],
  fields: {
    search: promptField("Say what to find: “the red car”."),
    prompt: promptField("Say what to put there: the prompt can't be empty."),
    negativePrompt: negativePromptField,
    growMask: sliderField(growMaskParam),
  },
  plan: (request) => ({
    service: replaceService,
    inputs: { search: request.search, growMask: request.growMask ?? growMaskParam.default },
    prompt: request.prompt,
    negativePrompt: request.negativePrompt,
    buildBody: ({ image }, seed) => ({
      ...commonBody(image.bytes, seed, request.negativePrompt),
      prompt: request.prompt,
      search_prompt: request.search,
      grow_mask: request.growMask ?? growMaskParam.default,
    }),
    expectedSize: same,
  }),
});

const recolorService = usProfileService("stable-image-search-recolor-v1:0", {
  label: "Stable Image Search and Recolor",
  priceCents: 7,
  typicalSeconds: 12,
  limits: STANDARD_LIMITS,
  bodySchema: z.strictObject({ ...searchBody, select_prompt: common.prompt }),
});

export const searchRecolor = defineOperation({
  id: "search-recolor",
  group: "Fix & edit",
  visibility: "develop",
  made: "Recoloured",
  label: "Recolour",
  blurb: "Finds something by name and changes its colour or material: the jacket in studio red, chrome lettering.",
  inputs: [
    { kind: "text", name: "select", label: "What to find", help: "Name it: “her jacket”." },
    { kind: "text", name: "prompt", label: "New colour or material", help: "“deep studio red leather”." },
    growMaskParam,
  ],
  services: [recolorService],
  fields: {
    select: promptField("Say what to recolour: “her jacket”."),
    prompt: promptField("Say the new colour or material: the prompt can't be empty."),
    negativePrompt: negativePromptField,
    growMask: sliderField(growMaskParam),
  },
  plan: (request) => ({
    service: recolorService,
    inputs: { select: request.select, growMask: request.growMask ?? growMaskParam.default },
    prompt: request.prompt,
    negativePrompt: request.negativePrompt,
    buildBody: ({ image }, seed) => ({
      ...commonBody(image.bytes, seed, request.negativePrompt),
      prompt: request.prompt,
      select_prompt: request.select,
      grow_mask: request.growMask ?? growMaskParam.default,
    }),
    expectedSize: same,
  }),
});
