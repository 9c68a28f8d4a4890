import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { findModel, findOperation, OPERATIONS, operationRequestSchema, type PosterRequest } from "@/lib/models";
import type { CheckedImage } from "@/lib/posters/source-image";
import {
  FINISH_REASONS,
  GENERATION_CONTRACTS,
  IMAGE_SERVICE_CONTRACTS,
  SDXL_CONTRACT,
  STABLE_IMAGE_RESPONSES,
} from "./fixtures/bedrock-contracts";
import { codeOf } from "./support/error-code";

// The catalogue's request builders and response parsers against the contracts transcribed from AWS's pages
// (test/fixtures/bedrock-contracts.ts): never against our own emulator, which would agree with any mistake we made
// about AWS. Every field we send is documented, the required ones are always there and within the documented
// ranges; every documented answer (success, each finish reason) parses to what it means.

const request = (model: string, extra: Partial<PosterRequest> = {}): PosterRequest & { seed: number } => ({
  prompt: "a harbor at midnight",
  negativePrompt: "text",
  model,
  aspectRatio: "2:3",
  seed: 4_294_967_294,
  params: {},
  ...extra,
});

const model = (id: string) => {
  const found = findModel(id);
  if (!found) throw new Error(`${id} is not in the catalogue`);
  return found;
};

describe.each(Object.entries(GENERATION_CONTRACTS))("%s against its page", (id, aws) => {
  it("sends only documented fields, the prompt always, within the documented ranges", () => {
    for (const aspectRatio of aws.aspectRatios) {
      const body = model(id).buildBody(request(id, { aspectRatio: aspectRatio as PosterRequest["aspectRatio"] }));
      const documented: readonly string[] = [...aws.required, ...aws.optional];
      expect(Object.keys(body).filter((k) => !documented.includes(k))).toEqual([]);
      expect(typeof body.prompt).toBe("string");
      expect(String(body.prompt).length).toBeLessThanOrEqual(aws.prompt.maxLength);
      expect(aws.aspectRatios).toContain(body.aspect_ratio);
      expect(Number(body.seed)).toBeGreaterThanOrEqual(aws.seed.min);
      expect(Number(body.seed)).toBeLessThanOrEqual(aws.seed.max);
      expect(aws.outputFormats).toContain(body.output_format);
      if ("mode" in body) expect(aws.modes).toContain(body.mode);
    }
  });

  it("reads the page's success example, and its filtered example, as what they mean", () => {
    expect(model(id).parseResponse(STABLE_IMAGE_RESPONSES.success, 1)).toEqual({
      imageBase64: "...",
      seed: 2130420379,
    });
    expect(codeOf(() => model(id).parseResponse(STABLE_IMAGE_RESPONSES.filtered, 1))).toBe("prompt_filtered");
  });

  it("turns each documented finish reason into its own answer", () => {
    const codes = FINISH_REASONS.map((reason) =>
      codeOf(() => model(id).parseResponse({ seeds: [1], finish_reasons: [reason], images: ["..."] }, 1)),
    );
    expect(codes).toEqual(["prompt_filtered", "output_filtered", "input_filtered", "generation_failed", "no error"]);
  });
});

describe("SDXL 1.0 against its page", () => {
  const sdxl = model(SDXL_CONTRACT.id);

  it("sends only documented fields, within the documented ranges and sizes", () => {
    for (const aspectRatio of ["2:3", "1:1", "16:9", "9:21"] as const) {
      const body = sdxl.buildBody(request(sdxl.id, { aspectRatio, params: { cfgScale: 35, steps: 50 }, seed: 7 }));
      const documented: readonly string[] = [...SDXL_CONTRACT.required, ...SDXL_CONTRACT.optional];
      expect(Object.keys(body).filter((k) => !documented.includes(k))).toEqual([]);
      expect(SDXL_CONTRACT.sizes).toContain(`${body.width}x${body.height}`);
      expect(Number(body.cfg_scale)).toBeLessThanOrEqual(SDXL_CONTRACT.cfgScale.max);
      expect(Number(body.steps)).toBeGreaterThanOrEqual(SDXL_CONTRACT.steps.min);
      expect(Number(body.steps)).toBeLessThanOrEqual(SDXL_CONTRACT.steps.max);
      const prompts = body.text_prompts as { text: string; weight: number }[];
      for (const p of prompts) expect(p.text.length).toBeLessThanOrEqual(SDXL_CONTRACT.text.maxLength);
      // A negative prompt is a prompt with a negative weight.
      expect(prompts.find((p) => p.weight < 0)?.text).toBe("text");
    }
  });

  it("reads the documented finish reasons", () => {
    const { success, filtered, error } = SDXL_CONTRACT.responses;
    expect(sdxl.parseResponse(success, 1)).toEqual({ imageBase64: "...", seed: 123 });
    expect(codeOf(() => sdxl.parseResponse(filtered, 1))).toBe("output_filtered");
    expect(codeOf(() => sdxl.parseResponse(error, 1))).toBe("generation_failed");
  });
});

// A minimal request of each operation, as the studio would send it; every service an operation can call is reached.
const REQUESTS: Record<string, Record<string, unknown>[]> = {
  vary: [{ prompt: "a storm" }, { prompt: "a storm", model: "ultra" }],
  reframe: [{ left: 64, right: 64, prompt: "more sea" }],
  inpaint: [{ prompt: "a lantern", mask: { uploadId: "m1" } }],
  "search-replace": [{ search: "the car", prompt: "a horse" }],
  "search-recolor": [{ select: "her coat", prompt: "red velvet" }],
  erase: [{ mask: { uploadId: "m1" } }],
  "remove-background": [{}],
  upscale: [{ mode: "fast" }, { mode: "conservative", prompt: "a harbor" }, { mode: "creative", prompt: "a harbor" }],
  "control-sketch": [{ prompt: "a castle" }],
  "control-structure": [{ prompt: "a castle" }],
  "style-guide": [{ prompt: "a castle" }],
  "style-transfer": [{ style: { uploadId: "s1" } }],
};

const image = async (width: number, height: number): Promise<CheckedImage> => ({
  bytes: await sharp({ create: { width, height, channels: 3, background: "#345" } })
    .png()
    .toBuffer(),
  width,
  height,
  format: "png",
});

describe("the image services against the Image Services page", () => {
  it("has a documented contract for every service the catalogue calls, and a request here for every operation", () => {
    const invoked = OPERATIONS.flatMap((o) => o.services.map((s) => s.invokeId)).filter((id) => id.startsWith("us."));
    expect(invoked.filter((id) => !(id in IMAGE_SERVICE_CONTRACTS))).toEqual([]);
    expect(OPERATIONS.map((o) => o.id).filter((id) => !(id in REQUESTS))).toEqual([]);
  });

  it.each(Object.entries(REQUESTS))("%s sends only documented fields, the required ones always", async (id, asks) => {
    const operation = findOperation(id);
    if (!operation) throw new Error(`${id} is not in the catalogue`);
    const images = { image: await image(512, 768), mask: await image(512, 768), style: await image(256, 256) };
    for (const ask of asks) {
      const plan = operation.planFor(
        operationRequestSchema.parse({ operation: id, source: { posterId: "p1" }, ...ask }),
      );
      const body = plan.buildBody(images, 42);
      const invokeId = plan.service.invokeId;
      // SD3.5 Large and Ultra take image-to-image under their own ids: their generation pages say what they take.
      const aws =
        IMAGE_SERVICE_CONTRACTS[invokeId] ??
        GENERATION_CONTRACTS[invokeId as keyof typeof GENERATION_CONTRACTS] ??
        undefined;
      expect(aws, invokeId).toBeDefined();
      if (!aws) continue;
      const documented: readonly string[] = [...aws.required, ...aws.optional];
      expect(
        Object.keys(body).filter((k) => !documented.includes(k)),
        invokeId,
      ).toEqual([]);
      for (const field of aws.required) expect(body, `${invokeId} needs ${field}`).toHaveProperty(field);
    }
  });

  it("reads the page's answers: the same {seeds, finish_reasons, images} shape for every service", () => {
    for (const operation of OPERATIONS) {
      expect(operation.parseResponse(STABLE_IMAGE_RESPONSES.success, 1)).toEqual({
        imageBase64: "...",
        seed: 2130420379,
      });
      expect(
        codeOf(() => operation.parseResponse({ seeds: [1], finish_reasons: ["Filter reason: input image"] }, 1)),
      ).toBe("input_filtered");
    }
  });
});
