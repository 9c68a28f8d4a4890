import * as z from "zod/mini";
import type { ParamSpec } from "../types";
import { defineOperation } from "./define";
import { negativePromptField, optionalPrompt, sliderField } from "./fields";
import { common, commonBody, STANDARD_LIMITS, usProfileService } from "./image-services";
import type { ServiceSpec } from "./types";

// Upscale (Fast 4×, Conservative, Creative). Prices (USD per image, third-party copies of Bedrock's pricing page):
// Fast 0.03, Conservative 0.40, Creative 0.60.

type Slider = Extract<ParamSpec, { kind: "slider" }>;

// An upscale is up to 16 MP (Fast: 4× of 1 MP) or about 4K: as PNG, a detailed one can pass what Bedrock returns in
// one answer. Every upscaler takes jpeg, png or webp; WebP is a fraction of the PNG and, unlike JPEG, keeps a cut-out's
// transparency. The pipeline stores the answer as PNG like any other art (lib/posters/pipeline.ts decodeAnswer).
export const UPSCALE_OUTPUT_FORMAT = "webp";

const fastUpscale = usProfileService("stable-fast-upscale-v1:0", {
  label: "Stable Fast Upscale",
  priceCents: 3,
  typicalSeconds: 4,
  // Each side 32–1,536 px, 1,024–1,048,576 px in all, no aspect limit stated; a larger source is made to fit.
  limits: { minSide: 32, maxSide: 1536, minPixels: 1024, maxPixels: 1_048_576, maxAspect: Infinity, downsize: true },
  bodySchema: z.strictObject({ image: common.image, output_format: common.output_format }),
});

const upscaleBody = { ...common, creativity: z.optional(z.number().check(z.gte(0.1), z.lte(0.5))) };

// What both upscalers that add detail take (Creative adds a style preset).
const detailBody = {
  prompt: upscaleBody.prompt,
  negative_prompt: upscaleBody.negative_prompt,
  image: upscaleBody.image,
  creativity: upscaleBody.creativity,
  seed: upscaleBody.seed,
  output_format: upscaleBody.output_format,
};

const conservativeUpscale = usProfileService("stable-conservative-upscale-v1:0", {
  label: "Stable Conservative Upscale",
  priceCents: 40,
  typicalSeconds: 20,
  limits: STANDARD_LIMITS,
  bodySchema: z.strictObject(detailBody),
});

const creativeUpscale = usProfileService("stable-creative-upscale-v1:0", {
  label: "Stable Creative Upscale",
  priceCents: 60,
  typicalSeconds: 30,
  // Every side ≥ 64 px, 4,096–1,048,576 px in all, no aspect limit stated.
  limits: { minSide: 64, minPixels: 4096, maxPixels: 1_048_576, maxAspect: Infinity, downsize: true },
  // As Conservative, plus a style preset.
  bodySchema: z.strictObject({ ...detailBody, style_preset: upscaleBody.style_preset }),
});

const creativityParam: Slider = {
  kind: "slider",
  name: "creativity",
  label: "Creativity",
  help: "How much new detail the upscaler may invent (Conservative and Creative only).",
  min: 0.1,
  max: 0.5,
  step: 0.05,
  default: 0.3,
};

export type UpscaleMode = "fast" | "conservative" | "creative";
const MODES: Record<UpscaleMode, ServiceSpec> = {
  fast: fastUpscale,
  conservative: conservativeUpscale,
  creative: creativeUpscale,
};

/** Each upscaler as people name it, with the service it calls (its price and input limits): the print panel works
 *  out what each would make of the art from these and upscaledSize. */
export const UPSCALE_MODES: readonly { mode: UpscaleMode; label: string; service: ServiceSpec }[] = [
  { mode: "fast", label: "Fast 4×", service: fastUpscale },
  { mode: "conservative", label: "Conservative", service: conservativeUpscale },
  { mode: "creative", label: "Creative", service: creativeUpscale },
];

/** AWS says Conservative and Creative upscale "to 4K" without a size: ASSUMED 4× per side, long side at most
 *  4,096 px. Fast is documented: exactly 4× each side. */
export function upscaledSize(mode: UpscaleMode, source: { width: number; height: number }) {
  const scale = mode === "fast" ? 4 : Math.min(4, 4096 / Math.max(source.width, source.height));
  return { width: Math.round(source.width * scale), height: Math.round(source.height * scale) };
}

export const upscale = defineOperation({
  id: "upscale",
  group: "Upscale",
  visibility: "develop",
  promptFromSource: true,
  made: "Upscaled",
  label: "Upscale",
  blurb: "Makes the art big enough to print: Fast is a clean 4×, Conservative and Creative add detail to about 4K.",
  inputs: [
    {
      kind: "select",
      name: "mode",
      label: "Upscaler",
      help: "Fast: 4× in seconds. Conservative: keeps the art as it is. Creative: reimagines fine detail.",
      options: [
        { value: "fast", label: "Fast (4×)" },
        { value: "conservative", label: "Conservative" },
        { value: "creative", label: "Creative" },
      ],
      noneLabel: "Fast (4×)",
    },
    { kind: "text", name: "prompt", label: "Prompt", help: "What the art shows (Conservative and Creative)." },
    creativityParam,
  ],
  // The fast upscaler takes no prompt or creativity: they show only for the two that add detail.
  shownWhen: {
    prompt: { field: "mode", oneOf: ["conservative", "creative"] },
    creativity: { field: "mode", oneOf: ["conservative", "creative"] },
  },
  services: [fastUpscale, conservativeUpscale, creativeUpscale],
  fields: {
    mode: z._default(
      z.enum(["fast", "conservative", "creative"], {
        error: "Pick one of the upscalers: fast, conservative, creative.",
      }),
      "fast",
    ),
    prompt: optionalPrompt,
    negativePrompt: negativePromptField,
    creativity: sliderField(creativityParam),
  },
  refine(request) {
    if (request.mode === "fast") {
      const extra = (["prompt", "negativePrompt", "creativity"] as const).filter((k) => request[k] !== undefined);
      return extra.length
        ? Object.fromEntries(extra.map((k) => [k, `The fast upscaler takes no ${k}: leave it out, or pick another.`]))
        : undefined;
    }
    return request.prompt ? undefined : { prompt: `The ${request.mode} upscaler needs a prompt describing the art.` };
  },
  plan(request) {
    const service = MODES[request.mode];
    return {
      service,
      inputs: { mode: request.mode, ...(request.creativity === undefined ? {} : { creativity: request.creativity }) },
      prompt: request.prompt,
      negativePrompt: request.negativePrompt,
      buildBody: ({ image }, seed) =>
        request.mode === "fast"
          ? { image: image.bytes.toString("base64"), output_format: UPSCALE_OUTPUT_FORMAT }
          : {
              ...commonBody(image.bytes, seed, request.negativePrompt),
              output_format: UPSCALE_OUTPUT_FORMAT,
              prompt: request.prompt ?? "",
              creativity: request.creativity ?? (request.mode === "conservative" ? 0.35 : 0.3),
            },
      expectedSize: (source) => ({ ...upscaledSize(request.mode, source), shapeOnly: request.mode !== "fast" }),
    };
  },
});

/** The service an upscale mode calls (its price, its limits). */
export const upscaleServiceFor = (mode: UpscaleMode): ServiceSpec => MODES[mode];
