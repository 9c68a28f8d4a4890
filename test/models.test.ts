import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  ASPECT_RATIO_IDS,
  DEFAULT_MODEL_ID,
  fieldErrors,
  MODELS,
  type PosterRequest,
  posterFormSchema,
  posterRequestSchema,
} from "@/lib/models";

const request = (model: string, extra: Record<string, unknown> = {}): PosterRequest & { seed: number } => ({
  prompt: "a harbor at midnight",
  negativePrompt: "text",
  model,
  aspectRatio: "2:3",
  seed: 42,
  ...extra,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : "not an AppError";
  }
  return "no error";
};

describe.each(MODELS.map((m) => [m.label, m] as const))("catalogue entry %s", (_label, model) => {
  it("builds a body that Bedrock's contract (the emulator's schema) accepts, for every aspect ratio", () => {
    for (const aspectRatio of ASPECT_RATIO_IDS) {
      const body = model.buildBody(request(model.id, { aspectRatio }));
      expect(model.bodySchema.safeParse(body).success).toBe(true);
      const read = model.emulator.read(body);
      expect({ width: read.width, height: read.height }).toEqual(model.sizes[aspectRatio]);
      expect(read.seed).toBe(42);
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

  it("parses its own success response, round-tripped through the emulator", () => {
    expect(model.parseResponse(model.emulator.success("iVBORw0K", 7))).toEqual({ imageBase64: "iVBORw0K", seed: 7 });
  });

  it("turns filtered and failed responses into typed errors", () => {
    expect(codeOf(() => model.parseResponse(model.emulator.filtered("output", 1)))).toBe("output_filtered");
    expect(codeOf(() => model.parseResponse(model.emulator.filtered("inference", 1)))).toBe("generation_failed");
    expect(codeOf(() => model.parseResponse({ unexpected: true }))).toBe("generation_failed");
    expect(codeOf(() => model.parseResponse(null))).toBe("generation_failed");
  });

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
    expect(byId("ultra").buildBody(request(byId("ultra").id))).toMatchObject({ mode: "text-to-image" });
    const core = byId("core");
    expect(core.buildBody(request(core.id))).not.toHaveProperty("mode");
    expect(core.bodySchema.safeParse({ prompt: "x", mode: "text-to-image" }).success).toBe(false);
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
    expect(codeOf(() => sd.parseResponse({ finish_reasons: ["Filter reason: prompt"] }))).toBe("prompt_filtered");
    expect(codeOf(() => sd.parseResponse({ seeds: [1], finish_reasons: ["Filter reason: output image"] }))).toBe(
      "output_filtered",
    );
    expect(codeOf(() => sd.parseResponse({ seeds: [1], finish_reasons: ["Filter reason: input image"] }))).toBe(
      "prompt_filtered",
    );
    expect(codeOf(() => sd.parseResponse({ seeds: [1], finish_reasons: ["Inference error"] }))).toBe(
      "generation_failed",
    );
    expect(codeOf(() => sd.parseResponse({ seeds: [1], finish_reasons: [null] }))).toBe("generation_failed");
  });
});

describe("SDXL (legacy)", () => {
  const sdxl = MODELS.find((m) => m.legacy)!;

  it("maps prompts, negative prompt, sliders and style preset to SDXL's fields", () => {
    const body = sdxl.buildBody(
      request(sdxl.id, { cfgScale: 12.5, steps: 40, stylePreset: "anime", aspectRatio: "16:9" }),
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
    expect(codeOf(() => sdxl.parseResponse(artifact("CONTENT_FILTERED")))).toBe("output_filtered");
    expect(codeOf(() => sdxl.parseResponse(artifact("ERROR")))).toBe("generation_failed");
    expect(codeOf(() => sdxl.parseResponse({ artifacts: [] }))).toBe("generation_failed");
  });

  it("rejects sizes outside SDXL's list", () => {
    expect(sdxl.bodySchema.safeParse({ text_prompts: [{ text: "x" }], width: 1000, height: 1000 }).success).toBe(false);
  });
});

describe("request schema", () => {
  it("fills the default model and the One-sheet ratio", () => {
    const parsed = posterRequestSchema.parse({ prompt: "  a harbor  " });
    expect(parsed).toEqual({ prompt: "a harbor", model: DEFAULT_MODEL_ID, aspectRatio: "2:3" });
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

  it("checks SDXL's sliders and treats the empty style preset as none", () => {
    const sdxl = MODELS.find((m) => m.legacy)!.id;
    const ok = posterRequestSchema.parse({ prompt: "x", model: sdxl, cfgScale: 0, steps: 10, stylePreset: "" });
    expect(ok).toMatchObject({ cfgScale: 0, steps: 10 });
    expect(ok).not.toHaveProperty("stylePreset", "");
    const bad = posterRequestSchema.safeParse({
      prompt: "x",
      model: sdxl,
      cfgScale: 36,
      steps: 9,
      stylePreset: "sepia",
    });
    expect(fieldErrors(bad.error!)).toMatchObject({
      cfgScale: "Prompt strength must be at most 35.",
      steps: "Steps must be at least 10.",
      stylePreset: expect.stringMatching(/^Style preset must be one of: 3d-model/),
    });
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
