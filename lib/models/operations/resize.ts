import * as z from "zod/mini";
import { AppError } from "../../errors";
import { ASPECT_RATIO_IDS, ASPECT_RATIOS, type AspectRatio, aspectRatioInfo } from "../aspect-ratios";
import type { ParamSpec } from "../types";
import { defineOperation } from "./define";
import { negativePromptField, optionalPrompt, sliderField } from "./fields";
import { common, commonBody, STANDARD_LIMITS, usProfileService } from "./image-services";
import type { ServiceSpec } from "./types";

// Operations that change the canvas: Upscale (Fast 4×, Conservative, Creative) and Reframe (Outpaint).
// Prices (USD per image, third-party copies of Bedrock's pricing page): Fast 0.03, Conservative 0.40,
// Creative 0.60, Outpaint 0.06.

type Slider = Extract<ParamSpec, { kind: "slider" }>;

const fastUpscale = usProfileService("stable-fast-upscale-v1:0", {
  price: 0.03,
  typicalSeconds: 4,
  // Each side 32–1,536 px, 1,024–1,048,576 px in all, no aspect limit stated; a larger source is made to fit.
  limits: { minSide: 32, maxSide: 1536, minPixels: 1024, maxPixels: 1_048_576, maxAspect: Infinity, downsize: true },
  bodySchema: z.strictObject({ image: common.image, output_format: common.output_format }),
});

const upscaleBody = { ...common, creativity: z.optional(z.number().check(z.gte(0.1), z.lte(0.5))) };

const conservativeUpscale = usProfileService("stable-conservative-upscale-v1:0", {
  price: 0.4,
  typicalSeconds: 20,
  limits: STANDARD_LIMITS,
  bodySchema: z.strictObject({
    prompt: upscaleBody.prompt,
    negative_prompt: upscaleBody.negative_prompt,
    image: upscaleBody.image,
    creativity: upscaleBody.creativity,
    seed: upscaleBody.seed,
    output_format: upscaleBody.output_format,
  }),
});

const creativeUpscale = usProfileService("stable-creative-upscale-v1:0", {
  price: 0.6,
  typicalSeconds: 30,
  // Every side ≥ 64 px, 4,096–1,048,576 px in all, no aspect limit stated.
  limits: { minSide: 64, minPixels: 4096, maxPixels: 1_048_576, maxAspect: Infinity, downsize: true },
  bodySchema: z.strictObject({
    prompt: upscaleBody.prompt,
    negative_prompt: upscaleBody.negative_prompt,
    image: upscaleBody.image,
    creativity: upscaleBody.creativity,
    seed: upscaleBody.seed,
    output_format: upscaleBody.output_format,
    style_preset: upscaleBody.style_preset,
  }),
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

/** AWS says Conservative and Creative upscale "to 4K" without a size: ASSUMED 4× per side, long side at most
 *  4,096 px. Fast is documented: exactly 4× each side. */
export function upscaledSize(mode: UpscaleMode, source: { width: number; height: number }) {
  const scale = mode === "fast" ? 4 : Math.min(4, 4096 / Math.max(source.width, source.height));
  return { width: Math.round(source.width * scale), height: Math.round(source.height * scale) };
}

export const upscale = defineOperation({
  id: "upscale",
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
          ? { image: image.png.toString("base64"), output_format: "png" }
          : {
              ...commonBody(image.png, seed, request.negativePrompt),
              prompt: request.prompt ?? "",
              creativity: request.creativity ?? (request.mode === "conservative" ? 0.35 : 0.3),
            },
      expectedSize: (source) => ({ ...upscaledSize(request.mode, source), shapeOnly: request.mode !== "fast" }),
    };
  },
  emulator: {
    read(invokeId, body) {
      const mode = invokeId.includes("fast") ? "fast" : invokeId.includes("creative") ? "creative" : "conservative";
      return {
        image: String(body.image),
        seed: Number(body.seed ?? 0),
        prompt: String(body.prompt ?? ""),
        call: { fn: "upscale", mode },
      };
    },
  },
});

// Reframe: Outpaint adds `left`/`right`/`up`/`down` px (0–2000 each, at least one > 0) around the source.

const MAX_MARGIN = 2000;
const marginField = (side: string) =>
  z.optional(
    z
      .int({ error: `The ${side} margin must be a whole number of pixels.` })
      .check(
        z.gte(0, `The ${side} margin can't be negative.`),
        z.lte(MAX_MARGIN, `The ${side} margin is at most ${MAX_MARGIN} px.`),
      ),
  );
const SIDES = ["left", "right", "up", "down"] as const;
type Margins = Record<(typeof SIDES)[number], number>;

/** The margins that turn a source into the target ratio, the art centred (the studio's drag sends margins instead). */
export function marginsForRatio(source: { width: number; height: number }, ratio: AspectRatio): Margins {
  const info = aspectRatioInfo(ratio);
  const target = info.w / info.h;
  const margins: Margins = { left: 0, right: 0, up: 0, down: 0 };
  if (source.width / source.height < target) {
    const extra = Math.round(source.height * target) - source.width;
    margins.left = Math.floor(extra / 2);
    margins.right = extra - margins.left;
  } else {
    const extra = Math.round(source.width / target) - source.height;
    margins.up = Math.floor(extra / 2);
    margins.down = extra - margins.up;
  }
  if (SIDES.every((s) => margins[s] === 0)) {
    throw new AppError("invalid_input", {
      message: `The image is already ${ratio}: pick another ratio.`,
      fields: { aspectRatio: `The image is already ${ratio}.` },
    });
  }
  if (SIDES.some((s) => margins[s] > MAX_MARGIN)) {
    throw new AppError("invalid_input", {
      message: `Reframing to ${ratio} needs more than ${MAX_MARGIN} px on a side: pick a nearer ratio.`,
      fields: { aspectRatio: `More than ${MAX_MARGIN} px on a side.` },
    });
  }
  return margins;
}

const outpaint = usProfileService("stable-outpaint-v1:0", {
  price: 0.06,
  typicalSeconds: 12,
  // Margins are pixels of the source as the user saw it: it is refused rather than downsized under them.
  limits: { ...STANDARD_LIMITS, downsize: false },
  bodySchema: z
    .strictObject({
      image: common.image,
      prompt: z.optional(common.prompt),
      ...Object.fromEntries(SIDES.map((s) => [s, z.optional(z.int().check(z.gte(0), z.lte(MAX_MARGIN)))])),
      creativity: z.optional(z.number().check(z.gte(0.1), z.lte(1))),
      style_preset: common.style_preset,
      seed: common.seed,
      output_format: common.output_format,
    })
    .check(
      z.refine((b: Record<string, unknown>) => SIDES.some((s) => Number(b[s] ?? 0) > 0), {
        message: "at least one of left, right, up, down must be greater than 0",
      }),
    ),
});

const creativityReframe: Slider = {
  kind: "slider",
  name: "creativity",
  label: "Creativity",
  help: "How freely the new margins are invented.",
  min: 0.1,
  max: 1,
  step: 0.05,
  default: 0.5,
};

export const reframe = defineOperation({
  id: "reframe",
  label: "Reframe",
  blurb: "Extends the art to another ratio (a 2:3 one-sheet to a 16:9 trailer card), continuing its edges.",
  inputs: [
    {
      kind: "select",
      name: "aspectRatio",
      label: "New ratio",
      help: "The art is centred; drag it in the reframe view to send exact margins instead.",
      options: ASPECT_RATIOS.map((r) => ({ value: r.id, label: `${r.id} ${r.name}` })),
      noneLabel: "Custom margins",
    },
    { kind: "text", name: "prompt", label: "Prompt", help: "What the new margins should show (optional)." },
    creativityReframe,
  ],
  services: [outpaint],
  fields: {
    aspectRatio: z.optional(
      z.enum(ASPECT_RATIO_IDS, { error: `Pick one of the aspect ratios: ${ASPECT_RATIO_IDS.join(", ")}.` }),
    ),
    left: marginField("left"),
    right: marginField("right"),
    up: marginField("up"),
    down: marginField("down"),
    prompt: optionalPrompt,
    creativity: sliderField(creativityReframe),
  },
  refine(request) {
    const custom = SIDES.some((s) => request[s] !== undefined);
    if (request.aspectRatio && custom) return { aspectRatio: "Send a ratio or margins, not both." };
    if (!request.aspectRatio && !SIDES.some((s) => (request[s] ?? 0) > 0)) {
      return { aspectRatio: "Pick a new ratio, or give at least one margin (left, right, up, down) in pixels." };
    }
    return undefined;
  },
  plan(request) {
    const margins = (source: { width: number; height: number }): Margins =>
      request.aspectRatio
        ? marginsForRatio(source, request.aspectRatio)
        : { left: request.left ?? 0, right: request.right ?? 0, up: request.up ?? 0, down: request.down ?? 0 };
    return {
      service: outpaint,
      inputs: {
        ...(request.aspectRatio ? { aspectRatio: request.aspectRatio } : {}),
        ...Object.fromEntries(SIDES.flatMap((s) => (request[s] === undefined ? [] : [[s, request[s]]]))),
        ...(request.creativity === undefined ? {} : { creativity: request.creativity }),
      },
      prompt: request.prompt,
      buildBody: ({ image }, seed) => ({
        ...commonBody(image.png, seed),
        ...margins(image),
        ...(request.prompt ? { prompt: request.prompt } : {}),
        creativity: request.creativity ?? creativityReframe.default,
      }),
      expectedSize(source) {
        const m = margins(source);
        return { width: source.width + m.left + m.right, height: source.height + m.up + m.down };
      },
    };
  },
  emulator: {
    read: (_id, body) => ({
      image: String(body.image),
      seed: Number(body.seed ?? 0),
      prompt: String(body.prompt ?? ""),
      call: {
        fn: "outpaint",
        margins: {
          left: Number(body.left ?? 0),
          right: Number(body.right ?? 0),
          up: Number(body.up ?? 0),
          down: Number(body.down ?? 0),
        },
        prompt: typeof body.prompt === "string" ? body.prompt : undefined,
      },
    }),
  },
});
