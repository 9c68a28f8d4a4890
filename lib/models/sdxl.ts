import * as z from "zod/mini";
import { AppError } from "../errors";
import type { SizeTable } from "./aspect-ratios";
import { STABLE_IMAGE_SIZES } from "./stable-image";
import type { ModelSpec, ParamSpec } from "./types";

// The SDXL 1.0 contract: weighted text_prompts, cfg_scale, steps, style_preset and a fixed list of width×height
// pairs; the response is {result, artifacts:[{seed, base64, finishReason}]}. AWS has retired the model (end of life
// on Bedrock, not served in us-east-1 or us-west-2 since 2025-05-20); the contract stays as data so posters made
// with it still show their settings.

// SDXL's allowed sizes, each filed under the nearest of the nine ratios: Stability's newer models' sizes but for
// 4:5 and 5:4, where SDXL's list has 896×1152 and 1152×896.
export const SDXL_SIZES: SizeTable = {
  ...STABLE_IMAGE_SIZES,
  "4:5": { width: 896, height: 1152 },
  "5:4": { width: 1152, height: 896 },
};

export const SDXL_STYLE_PRESETS = [
  "3d-model",
  "analog-film",
  "anime",
  "cinematic",
  "comic-book",
  "digital-art",
  "enhance",
  "fantasy-art",
  "isometric",
  "line-art",
  "low-poly",
  "modeling-compound",
  "neon-punk",
  "origami",
  "photographic",
  "pixel-art",
  "tile-texture",
] as const;

const titleCase = (s: string) =>
  s.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => (dash ? " " : "") + c.toUpperCase());

const SDXL_PARAMS: readonly ParamSpec[] = [
  {
    kind: "slider",
    name: "cfgScale",
    label: "Prompt strength",
    help: "How closely the image follows the prompt (cfg scale). Higher is more literal, lower is looser.",
    min: 0,
    max: 35,
    step: 0.5,
    default: 7,
  },
  {
    kind: "slider",
    name: "steps",
    label: "Steps",
    help: "Diffusion steps. More steps add detail and take longer.",
    min: 10,
    max: 50,
    step: 1,
    default: 30,
  },
  {
    kind: "select",
    name: "stylePreset",
    label: "Style preset",
    help: "Nudges the image towards a style.",
    options: SDXL_STYLE_PRESETS.map((value) => ({ value, label: titleCase(value) })),
    noneLabel: "No preset",
  },
];

const sizePairs = Object.values(SDXL_SIZES);

const bodySchema = z
  .strictObject({
    text_prompts: z
      .array(
        z.strictObject({ text: z.string().check(z.minLength(1), z.maxLength(2000)), weight: z.optional(z.number()) }),
      )
      .check(z.minLength(1)),
    cfg_scale: z.optional(z.number().check(z.gte(0), z.lte(35))),
    steps: z.optional(z.int().check(z.gte(10), z.lte(50))),
    seed: z.optional(z.int().check(z.gte(0), z.lte(4_294_967_295))),
    width: z.optional(z.int()),
    height: z.optional(z.int()),
    style_preset: z.optional(z.enum(SDXL_STYLE_PRESETS)),
    sampler: z.optional(z.string()),
    samples: z.optional(z.literal(1)),
    clip_guidance_preset: z.optional(z.string()),
  })
  .check(
    z.refine((b) => sizePairs.some((s) => s.width === (b.width ?? 1024) && s.height === (b.height ?? 1024)), {
      message: "width and height must be one of SDXL's allowed sizes",
    }),
  );

const responseSchema = z.object({
  artifacts: z.array(z.object({ seed: z.number(), base64: z.optional(z.string()), finishReason: z.string() })),
});

type SdxlOptions<Id extends string> = Pick<
  ModelSpec<Id>,
  "id" | "label" | "blurb" | "docs" | "priceCents" | "typicalSeconds" | "retired"
>;

// A slider's value (the request schema has checked its range; a select's string is never a number here).
const numberParam = (value: number | string | undefined) => (typeof value === "number" ? value : undefined);

export function sdxlModel<const Id extends string>(spec: SdxlOptions<Id>): ModelSpec<Id> {
  return {
    ...spec,
    maxPromptLength: 2000,
    maxSeed: 4_294_967_295,
    sizes: SDXL_SIZES,
    params: SDXL_PARAMS,
    bodySchema,
    buildBody(request) {
      const size = SDXL_SIZES[request.aspectRatio];
      return {
        text_prompts: [
          { text: request.prompt, weight: 1 },
          ...(request.negativePrompt ? [{ text: request.negativePrompt, weight: -1 }] : []),
        ],
        cfg_scale: numberParam(request.params.cfgScale) ?? 7,
        steps: numberParam(request.params.steps) ?? 30,
        seed: request.seed,
        width: size.width,
        height: size.height,
        ...(request.params.stylePreset ? { style_preset: request.params.stylePreset } : {}),
        samples: 1,
      };
    },
    parseResponse(json) {
      const parsed = responseSchema.safeParse(json);
      const artifact = parsed.success ? parsed.data.artifacts[0] : undefined;
      if (!artifact) throw new AppError("generation_failed", { cause: parsed.error ?? new Error("no artifacts") });
      if (artifact.finishReason === "CONTENT_FILTERED") throw new AppError("output_filtered");
      if (artifact.finishReason !== "SUCCESS" || !artifact.base64) {
        throw new AppError("generation_failed", { cause: new Error(`finishReason ${artifact.finishReason}`) });
      }
      return { imageBase64: artifact.base64, seed: artifact.seed };
    },
  };
}
