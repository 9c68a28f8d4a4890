import { ASPECT_RATIO_IDS, type AspectRatio, DEFAULT_ASPECT_RATIO } from "@/lib/models/aspect-ratios";
import type { ParamSpec } from "@/lib/models/types";
import type { FormValues } from "./use-poster-form";

// What the studio's controls need to know of the models new posters can be made with, as plain data. The page hands
// it over from the catalogue (components/studio/studio.tsx), so the browser doesn't load the catalogue itself: its
// entries carry zod schemas for Bedrock's bodies, and with them zod, which were most of the studio's first load.

export interface StudioModel {
  id: string;
  label: string;
  blurb: string;
  priceCents: number;
  typicalSeconds: number;
  maxSeed: number;
  /** The aspect ratios it makes, in the picker's order. */
  ratios: AspectRatio[];
  params: readonly ParamSpec[];
}

export interface StudioModels {
  models: readonly StudioModel[];
  defaultModel: string;
  /** The form schema's own limit (lib/models/request-schema.ts). */
  maxVariations: number;
}

/** A model new posters can be made with, or undefined (unknown or retired: "Use these settings" explains those). */
export function findStudioModel(catalogue: StudioModels, id: string): StudioModel | undefined {
  return catalogue.models.find((m) => m.id === id);
}

/** The chosen model; the default one for an id the studio doesn't offer (the form only ever holds offered ones). */
export function studioModel(catalogue: StudioModels, id: string): StudioModel {
  const model = findStudioModel(catalogue, id) ?? findStudioModel(catalogue, catalogue.defaultModel);
  if (!model) throw new Error(`the studio offers no model ${catalogue.defaultModel}`);
  return model;
}

/** The form starts with every model's parameter defaults, so switching models never shows an empty control. */
export function formDefaults(catalogue: StudioModels): FormValues {
  return {
    model: catalogue.defaultModel,
    prompt: "",
    negativePrompt: "",
    aspectRatio: DEFAULT_ASPECT_RATIO,
    seed: undefined,
    variations: 2,
    ...Object.fromEntries(
      catalogue.models.flatMap((m) => m.params).map((p) => [p.name, p.kind === "slider" ? p.default : ""]),
    ),
  };
}

/** The ratios of a model, by the picker's order (ASPECT_RATIO_IDS). */
export const ratiosOf = (sizes: Partial<Record<AspectRatio, unknown>>): AspectRatio[] =>
  ASPECT_RATIO_IDS.filter((r) => sizes[r]);
