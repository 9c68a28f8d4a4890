import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { matchesExpectedSize } from "@/lib/image-limits";
import {
  ASPECT_RATIO_IDS,
  DEFAULT_MODEL_ID,
  fieldErrors,
  findGenerationModel,
  GENERATION_MODELS,
  generate,
  MODEL_IDS,
  MODEL_LABELS,
  MODELS,
  modelForReuse,
  modelLabel,
  type PosterRequest,
  posterFormSchema,
  posterRequestSchema,
  refuseRetiredModel,
} from "@/lib/models";
import { codeOf } from "./support/error-code";

const request = (model: string, extra: Partial<PosterRequest> = {}): PosterRequest & { seed: number } => ({
  prompt: "a harbor at midnight",
  negativePrompt: "text",
  model,
  aspectRatio: "2:3",
  seed: 42,
  params: {},
  ...extra,
});

describe.each(MODELS.map((m) => [m.label, m] as const))("catalogue entry %s", (_label, model) => {
  it("builds a body its own body schema (what Bedrock accepts) takes, for every aspect ratio", () => {
    // The fields and ranges themselves are checked against AWS's pages in test/bedrock-contract.test.ts.
    for (const aspectRatio of ASPECT_RATIO_IDS) {
      const body = model.buildBody(request(model.id, { aspectRatio }));
      expect(model.bodySchema.safeParse(body).success).toBe(true);
    }
  });

  it("has about a megapixel, in multiples of 64, for every ratio", () => {
    for (const ratio of ASPECT_RATIO_IDS) {
      const size = model.sizes[ratio];
      expect(size, ratio).toBeDefined();
      expect((size?.width ?? 0) % 64).toBe(0);
      expect((size?.height ?? 0) % 64).toBe(0);
      expect(((size?.width ?? 0) * (size?.height ?? 0)) / 1e6).toBeGreaterThan(0.9);
    }
  });

  it("turns malformed responses into typed errors", () => {
    expect(codeOf(() => model.parseResponse({ unexpected: true }, 1))).toBe("generation_failed");
    expect(codeOf(() => model.parseResponse(null, 1))).toBe("generation_failed");
  });
});

describe.each(GENERATION_MODELS.map((m) => [m.label, m] as const))("generation model %s", (_label, model) => {
  it("validates requests with its own seed range and prompt length", () => {
    expect(posterRequestSchema.safeParse({ prompt: "x", model: model.id, seed: model.maxSeed }).success).toBe(true);
    const tooBig = posterRequestSchema.safeParse({ prompt: "x", model: model.id, seed: model.maxSeed + 1 });
    expect(tooBig.success || fieldErrors(tooBig.error).seed).toBe(`The seed must be at most ${model.maxSeed}.`);
    const long = posterRequestSchema.safeParse({ prompt: "x".repeat(model.maxPromptLength + 1), model: model.id });
    expect(long.success).toBe(false);
  });
});

describe("Stable Image family (SD3.5, Ultra, Core)", () => {
  const byId = (fragment: string) => MODELS.find((m) => m.id.includes(fragment))!;

  it("sends mode only to models whose page documents it", () => {
    expect(byId("sd3-5").buildBody(request(byId("sd3-5").id))).toMatchObject({ mode: "text-to-image" });
    for (const fragment of ["ultra", "core"]) {
      const model = byId(fragment);
      expect(model.buildBody(request(model.id))).not.toHaveProperty("mode");
      expect(model.bodySchema.safeParse({ prompt: "x", mode: "text-to-image" }).success).toBe(false);
    }
  });

  it("accepts only the output formats each page lists: Ultra and Core take jpeg or png, never webp", () => {
    const accepts = (fragment: string, output_format: string) =>
      byId(fragment).bodySchema.safeParse({ prompt: "x", output_format }).success;
    for (const fragment of ["ultra", "core"]) {
      expect(accepts(fragment, "png")).toBe(true);
      expect(accepts(fragment, "jpeg")).toBe(true);
      expect(accepts(fragment, "webp")).toBe(false);
    }
  });

  it("takes image-to-image as each page documents it: Ultra by image and strength alone, SD3.5 by mode", () => {
    const parses = (fragment: string, body: Record<string, unknown>) =>
      byId(fragment).bodySchema.safeParse({ prompt: "x", ...body }).success;
    const input = { image: "iVBORw0K", strength: 0.35 };
    expect(parses("ultra", input)).toBe(true);
    expect(parses("ultra", { ...input, mode: "image-to-image" })).toBe(false);
    expect(parses("sd3-5", { ...input, mode: "image-to-image" })).toBe(true);
    expect(parses("sd3-5", { mode: "image-to-image" })).toBe(false);
    expect(parses("sd3-5", input)).toBe(false);
    expect(parses("core", input)).toBe(false);
  });

  it("keeps a paid image whose success body leaves out seeds, under the seed that was asked for", () => {
    for (const model of GENERATION_MODELS) {
      expect(model.parseResponse({ finish_reasons: [null], images: ["iVBORw0K"] }, 1234)).toEqual({
        imageBase64: "iVBORw0K",
        seed: 1234,
      });
    }
  });

  it("sends exactly the documented fields", () => {
    const sd = byId("sd3-5");
    expect(sd.buildBody(request(sd.id))).toEqual({
      prompt: "a harbor at midnight",
      negative_prompt: "text",
      mode: "text-to-image",
      aspect_ratio: "2:3",
      seed: 42,
      output_format: "png",
    });
  });

  it("maps each finish reason, including a filtered response with no images and no seeds", () => {
    const sd = byId("sd3-5");
    const code = (json: unknown) => codeOf(() => sd.parseResponse(json, 1));
    expect(code({ finish_reasons: ["Filter reason: prompt"] })).toBe("prompt_filtered");
    expect(code({ seeds: [1], finish_reasons: ["Filter reason: output image"] })).toBe("output_filtered");
    expect(code({ seeds: [1], finish_reasons: ["Filter reason: input image"] })).toBe("input_filtered");
    expect(code({ seeds: [1], finish_reasons: ["Inference error"] })).toBe("generation_failed");
    expect(code({ seeds: [1], finish_reasons: [null] })).toBe("generation_failed");
  });

  it("says in plain words that the input image, not the prompt, was refused", () => {
    const sd = byId("sd3-5");
    try {
      sd.parseResponse({ seeds: [1], finish_reasons: ["Filter reason: input image"] }, 1);
    } catch (error) {
      expect(error).toMatchObject({ code: "input_filtered", status: 422 });
      expect((error as Error).message).toMatch(/image you gave/);
      expect((error as Error).message).not.toMatch(/prompt/);
      return;
    }
    throw new Error("an input-image filter must be an error");
  });
});

describe("documented output size", () => {
  // What the one pipeline checks an answer against: generation's plan expects the model's size for the ratio.
  const expected = (aspectRatio: PosterRequest["aspectRatio"]) =>
    generate.plan({ prompt: "x", model: MODELS[0].id, aspectRatio, params: {} }).expected;

  it("accepts the documented size for the requested ratio, and small rounding around it", () => {
    expect(matchesExpectedSize({ width: 832, height: 1216 }, expected("2:3"))).toBe(true);
    expect(matchesExpectedSize({ width: 832, height: 1248 }, expected("2:3"))).toBe(true);
  });

  it("refuses an image far from it: a few pixels, or another ratio's shape", () => {
    expect(matchesExpectedSize({ width: 2, height: 3 }, expected("2:3"))).toBe(false);
    expect(matchesExpectedSize({ width: 1216, height: 832 }, expected("2:3"))).toBe(false);
    expect(matchesExpectedSize({ width: 832, height: 1216 }, expected("16:9"))).toBe(false);
  });

  it("checks only the shape where AWS documents no size, and refuses a sliver", () => {
    const assumed = { width: 1024, height: 1024, shapeOnly: true };
    expect(matchesExpectedSize({ width: 2048, height: 2048 }, assumed)).toBe(true);
    expect(matchesExpectedSize({ width: 2048, height: 1024 }, assumed)).toBe(false);
    expect(matchesExpectedSize({ width: 40, height: 40 }, assumed)).toBe(false);
  });
});

describe("retired models (SDXL 1.0)", () => {
  const sdxl = MODELS.find((m) => m.id === "stability.stable-diffusion-xl-v1")!;

  it("is marked retired, and is not among the models posters can be made with", () => {
    expect(sdxl.retired).toBe(true);
    expect(GENERATION_MODELS.map((m) => m.id)).toEqual([
      "stability.sd3-5-large-v1:0",
      "stability.stable-image-ultra-v1:1",
      "stability.stable-image-core-v1:1",
    ]);
    expect(findGenerationModel(sdxl.id)).toBeUndefined();
    expect(findGenerationModel(DEFAULT_MODEL_ID)?.id).toBe(DEFAULT_MODEL_ID);
  });

  it("stays in the catalogue for posters made with it, labelled as retired", () => {
    expect(MODEL_IDS).toContain(sdxl.id);
    expect(modelLabel(sdxl.id)).toBe("SDXL 1.0 (retired)");
    expect(MODEL_LABELS[sdxl.id]).toBe("SDXL 1.0 (retired)");
    expect(modelLabel(DEFAULT_MODEL_ID)).toBe("SD3.5 Large");
  });

  it("is refused by the request schema and the form", () => {
    expect(posterRequestSchema.safeParse({ prompt: "x", model: sdxl.id }).success).toBe(false);
    expect(posterFormSchema.safeParse({ prompt: "x", model: sdxl.id, variations: 1 }).success).toBe(false);
  });

  it("is answered with model_retired (410) and a sentence telling the user to pick another model", () => {
    let error: unknown;
    try {
      refuseRetiredModel(sdxl.id);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "model_retired", status: 410 });
    expect((error as Error).message).toBe(
      "AWS has retired SDXL 1.0, so it can't make new posters: pick another model, such as SD3.5 Large.",
    );
    expect(() => refuseRetiredModel(DEFAULT_MODEL_ID)).not.toThrow();
    expect(() => refuseRetiredModel("stability.nope")).not.toThrow();
    expect(() => refuseRetiredModel(undefined)).not.toThrow();
  });

  it("maps 'Use these settings' to the default model, and says so politely", () => {
    expect(modelForReuse(GENERATION_MODELS[2]!.id)).toEqual({ model: GENERATION_MODELS[2]!.id });
    const reuse = modelForReuse(sdxl.id);
    expect(reuse.model).toBe(DEFAULT_MODEL_ID);
    expect(reuse.notice).toBe(
      "This poster was made with SDXL 1.0, which AWS has retired, so these settings use SD3.5 Large instead. The same seed will give a different image.",
    );
    expect(modelForReuse("stability.gone-v1").notice).toMatch(
      /^This poster was made with stability\.gone-v1, which is no longer offered/,
    );
  });

  it("maps prompts, negative prompt, sliders and style preset to SDXL's fields", () => {
    const body = sdxl.buildBody(
      request(sdxl.id, { params: { cfgScale: 12.5, steps: 40, stylePreset: "anime" }, aspectRatio: "16:9" }),
    );
    expect(body).toEqual({
      text_prompts: [
        { text: "a harbor at midnight", weight: 1 },
        { text: "text", weight: -1 },
      ],
      cfg_scale: 12.5,
      steps: 40,
      seed: 42,
      width: 1344,
      height: 768,
      style_preset: "anime",
      samples: 1,
    });
  });

  it("reads CONTENT_FILTERED and ERROR artifacts", () => {
    const artifact = (finishReason: string) => ({ artifacts: [{ seed: 1, finishReason }] });
    expect(codeOf(() => sdxl.parseResponse(artifact("CONTENT_FILTERED"), 1))).toBe("output_filtered");
    expect(codeOf(() => sdxl.parseResponse(artifact("ERROR"), 1))).toBe("generation_failed");
    expect(codeOf(() => sdxl.parseResponse({ artifacts: [] }, 1))).toBe("generation_failed");
  });

  it("rejects sizes outside SDXL's list", () => {
    expect(sdxl.bodySchema.safeParse({ text_prompts: [{ text: "x" }], width: 1000, height: 1000 }).success).toBe(false);
  });
});

describe("request schema", () => {
  it("fills the default model and the One-sheet ratio", () => {
    const parsed = posterRequestSchema.parse({ prompt: "  a harbor  " });
    expect(parsed).toEqual({ prompt: "a harbor", model: DEFAULT_MODEL_ID, aspectRatio: "2:3", params: {} });
  });

  it("gives one plain message per field", () => {
    const result = posterRequestSchema.safeParse({ prompt: "", aspectRatio: "7:3", seed: 1.5, colour: "red" });
    expect(result.success).toBe(false);
    const fields = fieldErrors(result.error!);
    expect(fields.prompt).toBe("Describe the poster: the prompt can't be empty.");
    expect(fields.aspectRatio).toMatch(/^Pick one of the aspect ratios: 2:3,/);
    expect(fields.seed).toBe("The seed must be a whole number.");
    expect(fields.colour).toBe("SD3.5 Large has no setting called colour.");
  });

  it("names the models when the model is unknown", () => {
    const result = posterRequestSchema.safeParse({ prompt: "x", model: "stability.nope" });
    expect(fieldErrors(result.error!).model).toMatch(/^Pick one of the models: stability\.sd3-5-large-v1:0/);
  });

  it("rejects another model's settings in the API but strips them in the form", () => {
    const body = { prompt: "x", model: DEFAULT_MODEL_ID, cfgScale: 7 };
    expect(posterRequestSchema.safeParse(body).success).toBe(false);
    const form = posterFormSchema.parse({ ...body, variations: 2 });
    expect(form).not.toHaveProperty("cfgScale");
  });

  it("limits variations to four in the form", () => {
    const result = posterFormSchema.safeParse({
      prompt: "x",
      model: DEFAULT_MODEL_ID,
      aspectRatio: "2:3",
      variations: 5,
    });
    expect(fieldErrors(result.error!).variations).toBe("Make at most 4 variations at once.");
  });
});
