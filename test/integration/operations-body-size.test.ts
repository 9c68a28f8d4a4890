import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { getObjectBytes, putObject } from "@/lib/aws/s3";
import { MAX_INVOKE_BODY_BYTES } from "@/lib/models";
import { makeThumbnail } from "@/lib/posters/thumbnail";
import { recentSpending } from "@/lib/spending";
import { artKeys } from "@/lib/storage";
import { getPoster, putPoster } from "@/lib/store/posters";
import { client } from "../support/api";
import { withLocalStack } from "../support/local-stack";
import { putUpload, rectMask } from "../support/uploads";

// Bedrock takes InvokeModel bodies of at most 25,000,000 bytes, and very large PNG answers can pass what it returns.
// A big poster is a legal source for every pixel limit yet its base64 body is too long: where the service accepts a
// smaller image it is shrunk (with its mask) to fit, elsewhere refused before anything is charged. Upscales ask for
// WebP and are stored as PNG.

const local = withLocalStack();

const WIDTH = 4096;
const HEIGHT = 2304; // 9,437,184 px: exactly the image services' pixel limit, sides within 1:2.5
let noisyId = "";

const ledgerSize = async () => (await recentSpending(1))[0]?.entries.length ?? 0;
const callsFor = (marker: string) => local.stack.emulator.calls.filter((c) => c.prompt.includes(marker));

beforeAll(async () => {
  // Noise doesn't compress: ~28 MB of PNG, ~37 MB once base64'd into a body. (A poster's art has no 10 MB cap.)
  const png = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 60 },
    },
  })
    .png()
    .toBuffer();
  expect(Math.ceil(png.byteLength / 3) * 4).toBeGreaterThan(MAX_INVOKE_BODY_BYTES);
  noisyId = randomBytes(12).toString("base64url");
  const keys = artKeys(noisyId);
  await putObject(keys.imageKey, png, "image/png");
  await putObject(keys.thumbKey, await makeThumbnail(png), "image/webp");
  await putPoster({
    id: noisyId,
    prompt: "film grain",
    createdBy: "alice",
    model: "us.stability.stable-fast-upscale-v1:0",
    aspectRatio: "16:9",
    params: {},
    seed: 1,
    width: WIDTH,
    height: HEIGHT,
    bytes: png.byteLength,
    price: 0.03,
    createdAt: new Date().toISOString(),
    ...keys,
  });
}, 120_000);

describe("request bodies over 25,000,000 bytes", () => {
  it("shrinks the source and its mask together until the body fits, where the service takes a smaller image", async () => {
    const mask = await putUpload(
      "alice",
      await rectMask(WIDTH, HEIGHT, { left: 1000, top: 500, width: 800, height: 600 }),
    );
    const made = await client.createPoster({
      operation: "inpaint",
      source: { posterId: noisyId },
      mask: { uploadId: mask },
      prompt: "body-size-shrink a lantern",
    });
    expect(made.status).toBe(201);
    const [call] = callsFor("body-size-shrink");
    expect(call?.bytes).toBeLessThanOrEqual(MAX_INVOKE_BODY_BYTES);
    expect(call?.bytes).toBeGreaterThan(MAX_INVOKE_BODY_BYTES / 2); // shrunk to fit, not to a thumbnail
    // The new poster is the shrunk source's size (Inpaint keeps the size), at the source's shape.
    expect(made.body.width).toBeLessThan(WIDTH);
    expect(made.body.width / made.body.height).toBeCloseTo(WIDTH / HEIGHT, 2);
    expect(made.body.parentId).toBe(noisyId);
  }, 120_000);

  it("refuses with image_invalid, before anything is charged or sent, where the service can't take a smaller image", async () => {
    const [objects, ledger, calls] = [await local.objectKeys(), await ledgerSize(), local.stack.emulator.calls.length];
    const refused = await client.createPoster({
      operation: "reframe",
      source: { posterId: noisyId },
      aspectRatio: "21:9",
      prompt: "body-size-refuse",
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("image_invalid");
    expect(refused.body.error.message).toMatch(
      /^The image is too large to send to the model: the request would be 3\d\.\d MB \(Bedrock takes at most 25 MB\) and Reframe works on the image's own pixels/,
    );
    expect(await local.objectKeys()).toEqual(objects);
    expect(await ledgerSize()).toBe(ledger);
    expect(local.stack.emulator.calls.length).toBe(calls);
  }, 120_000);
});

describe("large answers", () => {
  it("upscales ask for WebP, and the answer is stored as PNG at the upscaled size", async () => {
    const parent = await client.createPoster({ prompt: "body-size-upscale harbour", aspectRatio: "1:1", seed: 2 });
    const fast = await client.createPoster({ operation: "upscale", source: { posterId: parent.body.id } });
    expect(fast.status).toBe(201);
    const conservative = await client.createPoster({
      operation: "upscale",
      mode: "conservative",
      prompt: "body-size-upscale a harbour",
      source: { posterId: parent.body.id },
    });
    expect(conservative.status).toBe(201);
    const asked = local.stack.emulator.calls.filter((c) => c.modelId.includes("upscale")).map((c) => c.outputFormat);
    expect(asked).toEqual(["webp", "webp"]);
    const stored = await getObjectBytes((await getPoster(fast.body.id))?.imageKey ?? "");
    expect(await sharp(stored).metadata()).toMatchObject({ format: "png", width: 4096, height: 4096 });
    expect((await getPoster(fast.body.id))?.bytes).toBe(stored.byteLength);
  }, 120_000);
});
