import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bedrockInvocations, findOperation, OPERATIONS, operationRequestSchema } from "@/lib/models";
import { type Emulator, startBedrockEmulator } from "@/local/bedrock-emulator";

// The catalogue's operations as data (IAM list, schemas) and the emulator's side of them: the `us.` profile ids
// percent-encoded in the path, bodies held to what AWS lists, Bedrock's refusals of images outside the limits.

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startBedrockEmulator();
});
afterAll(() => emulator.close());

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#345" } })
    .png()
    .toBuffer()
    .then((b) => b.toString("base64"));

async function invoke(modelId: string, body: unknown) {
  const response = await fetch(`${emulator.url}/model/${encodeURIComponent(modelId)}/invoke`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    type: response.headers.get("x-amzn-errortype")?.split(":")[0],
    json: (await response.json()) as Record<string, unknown>,
  };
}

describe("the IAM list", () => {
  it("names every profile with its three destination Regions and the in-Region generation models", () => {
    const list = bedrockInvocations("us-west-2");
    const profiles = list.filter((i) => i.profile);
    expect(profiles.map((p) => p.invokeId).sort()).toEqual(
      [
        "stable-conservative-upscale-v1:0",
        "stable-creative-upscale-v1:0",
        "stable-fast-upscale-v1:0",
        "stable-image-control-sketch-v1:0",
        "stable-image-control-structure-v1:0",
        "stable-image-erase-object-v1:0",
        "stable-image-inpaint-v1:0",
        "stable-image-remove-background-v1:0",
        "stable-image-search-recolor-v1:0",
        "stable-image-search-replace-v1:0",
        "stable-image-style-guide-v1:0",
        "stable-outpaint-v1:0",
        "stable-style-transfer-v1:0",
      ].map((n) => `us.stability.${n}`),
    );
    for (const p of profiles) {
      expect(p).toMatchObject({ region: "us-west-2", foundationModelId: p.invokeId.slice(3) });
      expect(p.foundationModelRegions).toEqual(["us-east-1", "us-east-2", "us-west-2"]);
    }
    expect(list.filter((i) => !i.profile).map((i) => i.invokeId)).toEqual([
      "stability.sd3-5-large-v1:0",
      "stability.stable-image-ultra-v1:1",
      "stability.stable-image-core-v1:1",
    ]);
  });

  it("has one entry per operation id of the issue", () => {
    expect(OPERATIONS.map((o) => o.id).sort()).toEqual(
      [
        "control-sketch",
        "control-structure",
        "erase",
        "inpaint",
        "reframe",
        "remove-background",
        "search-recolor",
        "search-replace",
        "style-guide",
        "style-transfer",
        "upscale",
        "vary",
      ].sort(),
    );
    const parsed = operationRequestSchema.parse({ operation: "upscale", source: { posterId: "p".repeat(16) } });
    expect(parsed).toEqual({ operation: "upscale", source: { posterId: "p".repeat(16) }, mode: "fast" });
    expect(findOperation("upscale")?.planFor(parsed).service.invokeId).toBe("us.stability.stable-fast-upscale-v1:0");
  });
});

describe("the emulator's image services", () => {
  it("answers Fast Upscale on its profile id with exactly 4×", async () => {
    const reply = await invoke("us.stability.stable-fast-upscale-v1:0", { image: await png(100, 60) });
    expect(reply.status).toBe(200);
    const image = Buffer.from((reply.json.images as string[])[0] ?? "", "base64");
    expect(await sharp(image).metadata()).toMatchObject({ width: 400, height: 240 });
  });

  it("refuses the bare foundation-model id as Bedrock does for profile-only models", async () => {
    const reply = await invoke("stability.stable-fast-upscale-v1:0", { image: await png(100, 60) });
    expect(reply).toMatchObject({ status: 400, type: "ValidationException" });
    expect(reply.json.message).toMatch(/on-demand throughput isn't supported.*inference profile/);
  });

  it("refuses fields AWS doesn't list, out-of-range values and images outside the limits", async () => {
    const extra = await invoke("us.stability.stable-fast-upscale-v1:0", { image: await png(100, 60), prompt: "x" });
    expect(extra).toMatchObject({ status: 400, type: "ValidationException" });
    const grow = await invoke("us.stability.stable-image-erase-object-v1:0", {
      image: await png(100, 100),
      grow_mask: 21,
    });
    expect(grow.status).toBe(400);
    const noMargin = await invoke("us.stability.stable-outpaint-v1:0", { image: await png(100, 100) });
    expect(noMargin.json.message).toMatch(/at least one of left, right, up, down/);
    const tooBig = await invoke("us.stability.stable-fast-upscale-v1:0", { image: await png(1600, 700) });
    expect(tooBig.json.message).toMatch(/each side must be between 32 and 1536/);
    const sliver = await invoke("us.stability.stable-image-remove-background-v1:0", { image: await png(1000, 100) });
    expect(sliver.json.message).toMatch(/aspect ratio must be between 1:2.5 and 2.5:1/);
    const notImage = await invoke("us.stability.stable-image-remove-background-v1:0", { image: "bm90IGFuIGltYWdl" });
    expect(notImage.json.message).toMatch(/must be a jpeg, png or webp image/);
  });

  it("tells SD3.5 image-to-image from generation by the body, and holds it to mode + image + strength", async () => {
    const image = await png(640, 480);
    const vary = await invoke("stability.sd3-5-large-v1:0", {
      prompt: "x",
      mode: "image-to-image",
      image,
      strength: 0.5,
      seed: 1,
    });
    expect(vary.status).toBe(200);
    const out = Buffer.from((vary.json.images as string[])[0] ?? "", "base64");
    expect(await sharp(out).metadata()).toMatchObject({ width: 1088, height: 896 });
    const noMode = await invoke("stability.sd3-5-large-v1:0", { prompt: "x", image, strength: 0.5 });
    expect(noMode.status).toBe(400);
    const generate = await invoke("stability.sd3-5-large-v1:0", { prompt: "x", aspect_ratio: "1:1" });
    expect(generate.status).toBe(200);
  });
});

describe("the emulator's Style Transfer", () => {
  const id = "us.stability.stable-style-transfer-v1:0";

  it("answers at the init image's size (AWS documents none), in the output format asked for", async () => {
    const reply = await invoke(id, { init_image: await png(300, 200), style_image: await png(90, 120), seed: 3 });
    expect(reply.status).toBe(200);
    const image = Buffer.from((reply.json.images as string[])[0] ?? "", "base64");
    expect(await sharp(image).metadata()).toMatchObject({ width: 300, height: 200, format: "png" });
    const webp = await invoke(id, {
      init_image: await png(300, 200),
      style_image: await png(90, 120),
      output_format: "webp",
    });
    const answer = Buffer.from((webp.json.images as string[])[0] ?? "", "base64");
    expect(await sharp(answer).metadata()).toMatchObject({ width: 300, height: 200, format: "webp" });
  });

  it("needs both images, takes no `image` or style preset, and holds the style image to the limits too", async () => {
    const init = await png(300, 200);
    expect((await invoke(id, { init_image: init })).status).toBe(400);
    expect((await invoke(id, { image: init, style_image: init })).status).toBe(400);
    expect((await invoke(id, { init_image: init, style_image: init, style_preset: "anime" })).status).toBe(400);
    expect((await invoke(id, { init_image: init, style_image: init, change_strength: 0.05 })).status).toBe(400);
    const sliver = await invoke(id, { init_image: init, style_image: await png(1000, 100) });
    expect(sliver).toMatchObject({ status: 400, type: "ValidationException" });
    expect(sliver.json.message).toMatch(/^style_image: aspect ratio must be between 1:2.5 and 2.5:1/);
  });
});

describe("the emulator's body cap", () => {
  it("refuses a body over 25,000,000 bytes as Bedrock's length constraint does, and logs its size", async () => {
    const padding = "A".repeat(25_000_001);
    const reply = await invoke("us.stability.stable-image-remove-background-v1:0", { image: padding });
    expect(reply).toMatchObject({ status: 400, type: "ValidationException" });
    expect(reply.json.message).toMatch(/'body' failed to satisfy constraint: .*less than or equal to 25000000/);
    expect(emulator.calls.at(-1)?.bytes).toBeGreaterThan(25_000_000);
  });
});

describe("the emulator's models (local/emulator/models.ts)", () => {
  it("knows every model and every service the catalogue invokes, by the id it is invoked with", async () => {
    const { GENERATION_MODELS: emulated, IMAGE_SERVICES } = await import("@/local/emulator/models");
    const { MODELS } = await import("@/lib/models");
    expect(MODELS.map((m) => m.id).filter((id) => !(id in emulated))).toEqual([]);
    const invoked = OPERATIONS.flatMap((o) => o.services.map((s) => s.invokeId));
    expect(invoked.filter((id) => !(id in IMAGE_SERVICES))).toEqual([]);
  });
});
