import type { PosterPage, SpendingToday } from "@/lib/api-types";
import { DEFAULT_MODEL_ID, GENERATION_MODELS, MAX_VARIATIONS } from "@/lib/models/generation";
import type { Actor } from "@/lib/permissions";
import { StudioClient } from "./studio-client";
import { ratiosOf, type StudioModels } from "./studio-models";

// The studio as the page renders it, on the server: it reads the model catalogue here and hands the client only
// what the controls show (studio-models.ts), so the catalogue and zod stay out of the browser's first load.

/** Settings to start from (a poster's, for "Use these settings"): the seed comes locked. `notice` says what had to
 * change, e.g. a retired model replaced by the default one. */
export type StudioStart = Record<string, unknown> & { seed: number; notice?: string };

function studioModels(): StudioModels {
  return {
    models: GENERATION_MODELS.map((m) => ({
      id: m.id,
      label: m.label,
      blurb: m.blurb,
      priceCents: m.priceCents,
      typicalSeconds: m.typicalSeconds,
      maxSeed: m.maxSeed,
      ratios: ratiosOf(m.sizes),
      params: m.params,
    })),
    defaultModel: DEFAULT_MODEL_ID,
    maxVariations: MAX_VARIATIONS,
  };
}

export function Studio(props: {
  start?: StudioStart;
  recentPrompts: string[];
  today: SpendingToday;
  me: Actor;
  /** My first page of posters, listed by the page on the server; absent when it couldn't be (the feed then asks). */
  firstPage?: PosterPage;
}) {
  return <StudioClient {...props} models={studioModels()} />;
}
