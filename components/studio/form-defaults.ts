import {
  ASPECT_RATIO_IDS,
  type AspectRatio,
  DEFAULT_ASPECT_RATIO,
  DEFAULT_MODEL_ID,
  GENERATION_MODELS,
  getModel,
  type PosterFormInput,
} from "@/lib/models/generation";

// The form starts with every model's parameter defaults, so switching models never shows an empty control.
export const FORM_DEFAULTS = {
  model: DEFAULT_MODEL_ID,
  prompt: "",
  negativePrompt: "",
  aspectRatio: DEFAULT_ASPECT_RATIO,
  seed: undefined,
  variations: 2,
  ...Object.fromEntries(
    GENERATION_MODELS.flatMap((m) => m.params).map((p) => [p.name, p.kind === "slider" ? p.default : ""]),
  ),
} as PosterFormInput;

export function supportedRatios(modelId: string): AspectRatio[] {
  const model = getModel(modelId);
  return ASPECT_RATIO_IDS.filter((r) => model.sizes[r]);
}

/** Seeds for N variations: consecutive from a locked seed (so "lock" reproduces the set), otherwise random. */
export function variationSeeds(count: number, maxSeed: number, locked?: number): number[] {
  if (locked !== undefined) return Array.from({ length: count }, (_, i) => (locked + i) % (maxSeed + 1));
  const values = crypto.getRandomValues(new Uint32Array(count));
  return Array.from(values, (v) => 1 + (v % maxSeed));
}
