import * as z from "zod/mini";
import { AppError } from "../../errors";
import { ASPECT_RATIO_IDS, ASPECT_RATIOS, type AspectRatio, aspectRatioInfo, centredMargins } from "../aspect-ratios";
import type { ParamSpec } from "../types";
import { defineOperation } from "./define";
import { optionalPrompt, sliderField } from "./fields";
import { common, commonBody, STANDARD_LIMITS, usProfileService } from "./image-services";

// Reframe (Outpaint, 0.06 USD per image from third-party copies of Bedrock's pricing page).

type Slider = Extract<ParamSpec, { kind: "slider" }>;

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
  const margins: Margins = centredMargins(source, info.w / info.h);
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
  label: "Stable Outpaint",
  priceCents: 6,
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
  group: "Reframe",
  visibility: "develop",
  made: "Reframed",
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
        ...commonBody(image.bytes, seed),
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
});
