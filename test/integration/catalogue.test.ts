import { describe, expect, it } from "vitest";
import { GET as getOne } from "@/app/api/posters/[id]/route";
import { GET as list, POST } from "@/app/api/posters/route";
import type { PosterPage, PosterView } from "@/lib/api-types";
import { putObject } from "@/lib/aws/s3";
import type { ErrorBody } from "@/lib/errors";
import { GENERATION_MODELS, MODEL_LABELS } from "@/lib/models";
import { makeThumbnail } from "@/lib/posters/thumbnail";
import { putPoster } from "@/lib/store/posters";
import { renderPoster } from "@/local/art";
import { generatePoster } from "../support/generate";
import { authed, withLocalStack } from "../support/local-stack";

// The catalogue against AWS's pages today: SDXL 1.0 is end of life, and the emulator is as strict as the pages.
const local = withLocalStack();

const SDXL = "stability.stable-diffusion-xl-v1";
const ULTRA = "stability.stable-image-ultra-v1:1";
const CORE = "stability.stable-image-core-v1:1";

const post = (body: unknown) =>
  POST(authed("http://localhost/api/posters", { method: "POST", body: JSON.stringify(body) }), {});

/** InvokeModel straight at the emulator, the way the SDK sends it (the id percent-encoded). */
const invoke = (modelId: string, body: unknown) =>
  fetch(`${local.stack.emulator.url}/model/${encodeURIComponent(modelId)}/invoke`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function bedrockError(response: Response) {
  return {
    status: response.status,
    type: response.headers.get("x-amzn-errortype")?.split(":")[0],
    message: ((await response.json()) as { message: string }).message,
  };
}

describe("SDXL 1.0, retired by AWS", () => {
  it("is refused by POST /api/posters with model_retired (410) before anything is reserved or invoked", async () => {
    const calls = local.stack.emulator.calls.length;
    const response = await post({ prompt: "a harbor at midnight", model: SDXL, cfgScale: 7 });
    expect(response.status).toBe(410);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("model_retired");
    expect(error.message).toMatch(/^AWS has retired SDXL 1\.0, so it can't make new posters: pick another model/);
    expect(local.stack.emulator.calls.length).toBe(calls);
    expect(await local.objectKeys()).toEqual([]);
  });

  it("is no model the emulator serves: Bedrock's own 400 ValidationException, which the app reads as unavailable", async () => {
    for (const id of [SDXL, "stability.nope-v1"]) {
      expect(await bedrockError(await invoke(id, { prompt: "x" }))).toEqual({
        status: 400,
        type: "ValidationException",
        message: "The provided model identifier is invalid.",
      });
    }
    await expect(
      generatePoster(
        { prompt: "bypassing the route", model: SDXL, aspectRatio: "2:3", seed: 1 },
        { createdBy: { sub: "tester", name: "Tester" } },
      ),
    ).rejects.toMatchObject({ code: "model_unavailable", status: 404 });
    expect(await local.objectKeys()).toEqual([]);
  });

  it("leaves posters already made with it listed, filterable and viewable, labelled as retired", async () => {
    const id = "sdxlmadeearlier1";
    const png = await renderPoster("an old sdxl poster", 9, 832, 1216);
    const imageKey = `posters/${id}/poster.png`;
    const thumbKey = `posters/${id}/thumb.webp`;
    await putObject(imageKey, png, "image/png");
    await putObject(thumbKey, await makeThumbnail(png), "image/webp");
    await putPoster({
      id,
      prompt: "an old sdxl poster",
      createdBy: "alice",
      model: SDXL,
      aspectRatio: "2:3",
      params: { cfgScale: 7, steps: 30, stylePreset: "cinematic" },
      seed: 9,
      width: 832,
      height: 1216,
      bytes: png.byteLength,
      price: 0.04,
      createdAt: new Date().toISOString(),
      imageKey,
      thumbKey,
    });

    const page = (await (await list(authed(`http://localhost/api/posters?model=${SDXL}`), {})).json()) as PosterPage;
    expect(page.posters.map((p) => p.id)).toEqual([id]);
    const one = await getOne(authed(`http://localhost/api/posters/${id}`), { params: Promise.resolve({ id }) });
    expect(one.status).toBe(200);
    const poster = (await one.json()) as PosterView;
    expect(poster).toMatchObject({ model: SDXL, params: { stylePreset: "cinematic" } });
    expect((await fetch(poster.url)).status).toBe(200);
    expect(MODEL_LABELS[poster.model]).toBe("SDXL 1.0 (retired)");
  });
});

describe("the emulator is as strict as AWS's pages", () => {
  it("refuses webp from Ultra and Core, which document jpeg and png only", async () => {
    for (const id of [ULTRA, CORE]) {
      const refused = await bedrockError(await invoke(id, { prompt: "x", output_format: "webp" }));
      expect(refused).toMatchObject({ status: 400, type: "ValidationException" });
      expect(refused.message).toMatch(/^Malformed input request/);
      expect((await invoke(id, { prompt: "x", output_format: "jpeg" })).status).toBe(200);
    }
  });

  it("refuses `mode` from Ultra, whose image-to-image is image and strength alone", async () => {
    const refused = await invoke(ULTRA, { prompt: "x", mode: "image-to-image", image: "iVBORw0K", strength: 0.5 });
    expect(await bedrockError(refused)).toMatchObject({ status: 400, type: "ValidationException" });
    expect((await invoke(ULTRA, { prompt: "x", mode: "text-to-image" })).status).toBe(400);
  });

  it("still serves every model the studio offers, with the body the app builds", async () => {
    for (const model of GENERATION_MODELS) {
      const poster = await generatePoster(
        { prompt: "serve check", model: model.id, aspectRatio: "1:1", seed: 3 },
        {
          createdBy: { sub: "tester", name: "Tester" },
        },
      );
      expect(poster).toMatchObject({ model: model.id, width: 1024, height: 1024 });
    }
  });
});
