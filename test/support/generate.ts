import type { PosterRequest } from "@/lib/models";
import { makePoster } from "@/lib/posters/pipeline";
import { prepareGeneration } from "@/lib/posters/prepare";

// A generation straight through the pipeline, past the route and the budget (what the route does between them).
export const generatePoster = (
  request: Omit<PosterRequest, "params"> & { params?: PosterRequest["params"] },
  options: Parameters<typeof makePoster>[1],
) => makePoster(prepareGeneration({ params: {}, ...request }), options);
