import { ASPECT_RATIO_IDS, type AspectRatio, type SizeTable } from "../../lib/models/aspect-ratios";
import { SDXL_SIZES } from "../../lib/models/sdxl";
import { STABLE_IMAGE_SIZES } from "../../lib/models/stable-image";

// The Bedrock emulator's knowledge of each model, keyed by the model id it is invoked with: how it reads a body that
// the catalogue's body schema (what AWS accepts) let through, what it makes, and how it answers. It lives here, not
// in the catalogue, so the app's request builders and parsers are never checked against the emulator's own idea of
// AWS (test/bedrock-contract.test.ts checks them against AWS's documented examples instead). The defaults below
// are the services' documented ones: what AWS does with a field left out.

/** What the emulator must do for a body (the functions of local/image-ops, by name). */
export type EmulatorCall =
  | { fn: "removeBackground" }
  | { fn: "upscale"; mode: "fast" | "conservative" | "creative" }
  | { fn: "outpaint"; margins: { left: number; right: number; up: number; down: number }; prompt?: string }
  | { fn: "inpaint"; growMask: number; prompt: string }
  | { fn: "erase"; growMask: number }
  | { fn: "vary"; prompt: string; strength: number }
  | { fn: "searchReplace"; search: string; prompt: string }
  | { fn: "searchRecolor"; select: string; prompt: string }
  | { fn: "controlImage"; prompt: string; strength: number }
  | { fn: "styleGuide"; prompt: string; fidelity: number; aspectRatio: AspectRatio }
  | { fn: "styleTransfer"; prompt: string; compositionFidelity: number; styleStrength: number; changeStrength: number };

/** An image service's body, read. */
export interface EmulatorRead {
  image: string;
  /** A second input image (Style Transfer's style). */
  style?: string;
  mask?: string;
  seed: number;
  prompt: string;
  call: EmulatorCall;
}

/** A generation body, read. */
export interface GenerationRead {
  prompt: string;
  negativePrompt: string;
  seed: number;
  width: number;
  height: number;
}

export type FilterKind = "prompt" | "output" | "input" | "inference";

export interface Answers {
  success(imageBase64: string, seed: number): unknown;
  filtered(kind: FilterKind, seed: number): unknown;
}

type Body = Record<string, unknown>;
const num = (value: unknown, fallback: number) => (typeof value === "number" ? value : fallback);
const str = (value: unknown) => (typeof value === "string" ? value : "");
const seedOf = (body: Body) => num(body.seed, 0);

/** The SD3.5 / Stable Image answer, shared by every Stability image service: `{seeds, finish_reasons, images}`. */
export const STABLE_IMAGE_ANSWERS: Answers = {
  success: (image, seed) => ({ seeds: [seed], finish_reasons: [null], images: [image] }),
  filtered(kind, seed) {
    if (kind === "prompt") return { finish_reasons: ["Filter reason: prompt"] };
    if (kind === "output") return { seeds: [seed], finish_reasons: ["Filter reason: output image"] };
    if (kind === "input") return { seeds: [seed], finish_reasons: ["Filter reason: input image"] };
    return { seeds: [seed], finish_reasons: ["Inference error"] };
  },
};

/** SDXL 1.0's answer: `{result, artifacts: [{seed, base64, finishReason}]}`; no separate prompt filter reason. */
const SDXL_ANSWERS: Answers = {
  success: (base64, seed) => ({ result: "success", artifacts: [{ seed, base64, finishReason: "SUCCESS" }] }),
  filtered: (kind, seed) => ({
    result: "success",
    artifacts: [{ seed, finishReason: kind === "inference" ? "ERROR" : "CONTENT_FILTERED" }],
  }),
};

const ratioOf = (value: unknown): AspectRatio => ASPECT_RATIO_IDS.find((r) => r === value) ?? "1:1";

/** SD3.5 Large, Ultra, Core: text-to-image at the documented size of the asked ratio (default 1:1). */
const readStableImage =
  (sizes: SizeTable) =>
  (body: Body): GenerationRead => ({
    prompt: str(body.prompt),
    negativePrompt: str(body.negative_prompt),
    seed: seedOf(body),
    ...sizes[ratioOf(body.aspect_ratio)],
  });

function readSdxl(body: Body): GenerationRead {
  const prompts = Array.isArray(body.text_prompts) ? (body.text_prompts as unknown[]) : [];
  const texts = prompts.flatMap((p) =>
    p && typeof p === "object" && "text" in p
      ? [{ text: str(p.text), weight: num("weight" in p ? p.weight : 1, 1) }]
      : [],
  );
  const square = SDXL_SIZES["1:1"];
  return {
    prompt: texts
      .filter((t) => t.weight >= 0)
      .map((t) => t.text)
      .join(" "),
    negativePrompt: texts
      .filter((t) => t.weight < 0)
      .map((t) => t.text)
      .join(" "),
    seed: seedOf(body),
    width: num(body.width, square.width),
    height: num(body.height, square.height),
  };
}

/** Generation models, by model id. */
export const GENERATION_MODELS: Readonly<Record<string, { read: (body: Body) => GenerationRead } & Answers>> = {
  "stability.sd3-5-large-v1:0": { read: readStableImage(STABLE_IMAGE_SIZES), ...STABLE_IMAGE_ANSWERS },
  "stability.stable-image-ultra-v1:1": { read: readStableImage(STABLE_IMAGE_SIZES), ...STABLE_IMAGE_ANSWERS },
  "stability.stable-image-core-v1:1": { read: readStableImage(STABLE_IMAGE_SIZES), ...STABLE_IMAGE_ANSWERS },
  "stability.stable-diffusion-xl-v1": { read: readSdxl, ...SDXL_ANSWERS },
};

// Image services, by the id they are invoked with (SD3.5 Large and Ultra take image-to-image under their own ids).

const withPrompt = (body: Body) => ({ image: str(body.image), seed: seedOf(body), prompt: str(body.prompt) });

const vary = (body: Body): EmulatorRead => ({
  ...withPrompt(body),
  call: { fn: "vary", prompt: str(body.prompt), strength: num(body.strength, 0.35) },
});

const upscale =
  (mode: "fast" | "conservative" | "creative") =>
  (body: Body): EmulatorRead => ({ ...withPrompt(body), call: { fn: "upscale", mode } });

const control = (body: Body): EmulatorRead => ({
  ...withPrompt(body),
  call: { fn: "controlImage", prompt: str(body.prompt), strength: num(body.control_strength, 0.7) },
});

export const IMAGE_SERVICES: Readonly<Record<string, (body: Body) => EmulatorRead>> = {
  "stability.sd3-5-large-v1:0": vary,
  "stability.stable-image-ultra-v1:1": vary,
  "us.stability.stable-outpaint-v1:0": (body) => ({
    ...withPrompt(body),
    call: {
      fn: "outpaint",
      margins: { left: num(body.left, 0), right: num(body.right, 0), up: num(body.up, 0), down: num(body.down, 0) },
      prompt: typeof body.prompt === "string" ? body.prompt : undefined,
    },
  }),
  "us.stability.stable-image-inpaint-v1:0": (body) => ({
    ...withPrompt(body),
    mask: typeof body.mask === "string" ? body.mask : undefined,
    call: { fn: "inpaint", growMask: num(body.grow_mask, 5), prompt: str(body.prompt) },
  }),
  "us.stability.stable-image-search-replace-v1:0": (body) => ({
    ...withPrompt(body),
    call: { fn: "searchReplace", search: str(body.search_prompt), prompt: str(body.prompt) },
  }),
  "us.stability.stable-image-search-recolor-v1:0": (body) => ({
    ...withPrompt(body),
    call: { fn: "searchRecolor", select: str(body.select_prompt), prompt: str(body.prompt) },
  }),
  "us.stability.stable-image-erase-object-v1:0": (body) => ({
    ...withPrompt(body),
    prompt: "",
    mask: typeof body.mask === "string" ? body.mask : undefined,
    call: { fn: "erase", growMask: num(body.grow_mask, 5) },
  }),
  "us.stability.stable-image-remove-background-v1:0": (body) => ({
    image: str(body.image),
    seed: 0,
    prompt: "",
    call: { fn: "removeBackground" },
  }),
  "us.stability.stable-fast-upscale-v1:0": upscale("fast"),
  "us.stability.stable-conservative-upscale-v1:0": upscale("conservative"),
  "us.stability.stable-creative-upscale-v1:0": upscale("creative"),
  "us.stability.stable-image-control-sketch-v1:0": control,
  "us.stability.stable-image-control-structure-v1:0": control,
  "us.stability.stable-image-style-guide-v1:0": (body) => ({
    ...withPrompt(body),
    call: {
      fn: "styleGuide",
      prompt: str(body.prompt),
      fidelity: num(body.fidelity, 0.5),
      aspectRatio: ratioOf(body.aspect_ratio),
    },
  }),
  "us.stability.stable-style-transfer-v1:0": (body) => ({
    image: str(body.init_image),
    style: str(body.style_image),
    seed: seedOf(body),
    prompt: str(body.prompt),
    call: {
      fn: "styleTransfer",
      prompt: str(body.prompt),
      compositionFidelity: num(body.composition_fidelity, 0.9),
      styleStrength: num(body.style_strength, 1),
      changeStrength: num(body.change_strength, 0.9),
    },
  }),
};
