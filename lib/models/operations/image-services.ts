import * as z from "zod/mini";
import type { ImageLimits } from "../../image-limits";
import { SDXL_STYLE_PRESETS } from "../sdxl";
import type { ServiceSpec } from "./types";

// Stability's image services on Bedrock share one format (V: docs.aws.amazon.com/bedrock/latest/userguide/
// stable-image-services.html): base64 `image` (jpeg, png or webp), optional `seed` 0–4294967294, `output_format`
// jpeg|png|webp, prompts of at most 10,000 characters, the same style presets, and the SD3.5-shaped answer
// {seeds, finish_reasons, images}. They are called through their US cross-Region inference profile from us-west-2
// (a source Region of every `us.stability.*` profile, which routes to us-east-1, us-east-2 and us-west-2).

export const SERVICES_DOCS = "https://docs.aws.amazon.com/bedrock/latest/userguide/stable-image-services.html";

/** Each side ≥ 64 px, at most 9,437,184 px, sides within 1:2.5 and 2.5:1: most services' input limit. */
export const STANDARD_LIMITS: ImageLimits = { minSide: 64, maxPixels: 9_437_184, maxAspect: 2.5, downsize: true };

export const US_PROFILE_SOURCE_REGION = "us-west-2";
export const US_PROFILE_DESTINATIONS = ["us-east-1", "us-east-2", "us-west-2"] as const;

export const MAX_SERVICE_SEED = 4_294_967_294;

// Bodies are checked as strictly as AWS's page lists them: a field the page doesn't list is refused offline.
export const common = {
  image: z.string().check(z.minLength(1, "image: expected a base64-encoded image")),
  seed: z.optional(z.int().check(z.gte(0), z.lte(MAX_SERVICE_SEED))),
  output_format: z.optional(z.enum(["jpeg", "png", "webp"])),
  prompt: z.string().check(z.minLength(1), z.maxLength(10_000)),
  negative_prompt: z.optional(z.string().check(z.maxLength(10_000))),
  style_preset: z.optional(z.enum(SDXL_STYLE_PRESETS)),
  grow_mask: z.optional(z.int().check(z.gte(0), z.lte(20))),
  mask: z.optional(z.string().check(z.minLength(1))),
};

/** One image service behind its US inference profile: `name` is the model id without `us.stability.`. */
export function usProfileService(
  name: string,
  spec: Pick<ServiceSpec, "label" | "priceCents" | "typicalSeconds" | "limits" | "bodySchema">,
): ServiceSpec {
  return {
    invokeId: `us.stability.${name}`,
    foundationModelId: `stability.${name}`,
    region: US_PROFILE_SOURCE_REGION,
    routesTo: US_PROFILE_DESTINATIONS,
    docs: SERVICES_DOCS,
    maxSeed: MAX_SERVICE_SEED,
    ...spec,
  };
}

/** The pieces of a request every service shares, mapped to Bedrock's names (empty prompts are left out). */
export function commonBody(image: Buffer, seed: number, negativePrompt?: string) {
  return {
    image: image.toString("base64"),
    seed,
    output_format: "png",
    ...(negativePrompt ? { negative_prompt: negativePrompt } : {}),
  };
}
