import * as z from "zod/mini";
import { AppError, type ErrorCode } from "../errors";
import { ASPECT_RATIO_IDS, type SizeTable } from "./aspect-ratios";
import type { ModelImage, ModelSpec } from "./types";

// The request/response contract shared by SD3.5 Large, Stable Image Ultra and Stable Image Core on Bedrock:
// {prompt, negative_prompt?, mode?, aspect_ratio, seed, output_format} → {seeds, finish_reasons, images?}.
// A filtered or failed generation is still HTTP 200, so the finish reason must always be checked.

// Output sizes (about one megapixel) that Stability's text-to-image models produce for each ratio.
export const STABLE_IMAGE_SIZES: SizeTable = {
  "2:3": { width: 832, height: 1216 },
  "9:16": { width: 768, height: 1344 },
  "9:21": { width: 640, height: 1536 },
  "4:5": { width: 896, height: 1088 },
  "1:1": { width: 1024, height: 1024 },
  "5:4": { width: 1088, height: 896 },
  "3:2": { width: 1216, height: 832 },
  "16:9": { width: 1344, height: 768 },
  "21:9": { width: 1536, height: 640 },
};

// A Map, not an object: a finish reason is the service's text, and "constructor" must not find Object's.
const FINISH_REASONS: ReadonlyMap<string, ErrorCode> = new Map([
  ["Filter reason: prompt", "prompt_filtered"],
  ["Filter reason: output image", "output_filtered"],
  ["Filter reason: input image", "input_filtered"],
  ["Inference error", "generation_failed"],
]);

const responseSchema = z.object({
  seeds: z.optional(z.array(z.number())),
  finish_reasons: z.optional(z.array(z.nullable(z.string()))),
  images: z.optional(z.array(z.string())),
});

/** Decodes the SD3.5-shaped answer every Stability service on Bedrock gives, or throws a typed AppError. */
export function parseStableImageResponse(json: unknown, requestedSeed: number): ModelImage {
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) throw new AppError("generation_failed", { cause: parsed.error });
  const { seeds, finish_reasons: reasons, images } = parsed.data;
  const reason = reasons?.[0] ?? null;
  if (reason !== null) {
    const code = FINISH_REASONS.get(reason) ?? "generation_failed";
    throw new AppError(code, { cause: new Error(`finish reason: ${reason}`) });
  }
  const image = images?.[0];
  if (!image) throw new AppError("generation_failed", { cause: new Error("response without an image") });
  // The image was made (and charged for): a body that leaves out `seeds` still yields the poster, under the
  // seed we asked for, rather than a failure the user pays for twice.
  return { imageBase64: image, seed: seeds?.[0] ?? requestedSeed };
}

type StableImageOptions<Id extends string = string> = Pick<
  ModelSpec<Id>,
  "id" | "label" | "blurb" | "docs" | "priceCents" | "typicalSeconds" | "maxSeed"
> & {
  /** Only send `mode` to models whose user-guide page documents it. */
  sendsMode: boolean;
  /** Whether the page documents image-to-image (`image` + `strength`). */
  imageToImage: boolean;
  /** The `output_format` values the page lists. */
  outputFormats: readonly [string, ...string[]];
};

/** What Bedrock accepts for one model, as strict as its page: the emulator answers anything else with a
 * ValidationException, so the app can't come to rely on a field AWS would refuse. */
function bodySchemaFor(options: StableImageOptions) {
  const { sendsMode, imageToImage, outputFormats, maxSeed } = options;
  const schema = z.strictObject({
    prompt: z.string().check(z.minLength(1), z.maxLength(10_000)),
    negative_prompt: z.optional(z.string().check(z.maxLength(10_000))),
    ...(sendsMode
      ? { mode: z.optional(z.enum(imageToImage ? ["text-to-image", "image-to-image"] : ["text-to-image"])) }
      : {}),
    aspect_ratio: z.optional(z.enum(ASPECT_RATIO_IDS)),
    seed: z.optional(z.int().check(z.gte(0), z.lte(maxSeed))),
    output_format: z.optional(z.enum(outputFormats)),
    ...(imageToImage
      ? {
          image: z.optional(z.string().check(z.minLength(1))),
          strength: z.optional(z.number().check(z.gte(0), z.lte(1))),
        }
      : {}),
  });
  // With a `mode` field, image-to-image is asked for by name and needs its image; without one, the image says it.
  return schema.check(
    z.refine(
      (b: Record<string, unknown>) =>
        !sendsMode || (b.mode === "image-to-image") === (b.image !== undefined && b.strength !== undefined),
      { message: "image-to-image needs mode, image and strength together" },
    ),
  );
}

export function stableImageModel<const Id extends string>(options: StableImageOptions<Id>): ModelSpec<Id> {
  const { sendsMode, imageToImage: _i2i, outputFormats: _formats, ...spec } = options;
  const bodySchema = bodySchemaFor(options);

  return {
    ...spec,
    retired: false,
    maxPromptLength: 10_000,
    sizes: STABLE_IMAGE_SIZES,
    params: [],
    bodySchema,
    buildBody(request) {
      return {
        prompt: request.prompt,
        ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
        ...(sendsMode ? { mode: "text-to-image" } : {}),
        aspect_ratio: request.aspectRatio,
        seed: request.seed,
        output_format: "png",
      };
    },
    parseResponse: parseStableImageResponse,
  };
}
