import { describe, expect, it } from "vitest";
import { DELETE, GET as getOne } from "@/app/api/posters/[id]/route";
import { GET as list, POST } from "@/app/api/posters/route";
import type { PosterPage, PosterView } from "@/lib/api-types";
import type { ErrorBody } from "@/lib/errors";
import { GENERATION_MODELS, MODELS } from "@/lib/models";
import { renderPoster } from "@/local/art";
import { pngSize } from "../../e2e/png";
import { authed, withLocalStack } from "../support/local-stack";

// The REST API's route handlers with the real SDK clients, over HTTP, against the offline stack.
const local = withLocalStack();

const post = (body: unknown) =>
  POST(authed("http://localhost/api/posters", { method: "POST", body: JSON.stringify(body) }), {});
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const listPage = async (query = "") =>
  (await (await list(authed(`http://localhost/api/posters${query}`), {})).json()) as PosterPage;

async function create(body: Record<string, unknown>): Promise<PosterView> {
  const response = await post(body);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as PosterView;
}

describe("POST /api/posters", () => {
  it("generates, stores and returns a pre-signed URL to the exact PNG, for every model it offers", async () => {
    for (const model of GENERATION_MODELS) {
      const poster = await create({
        prompt: "a lighthouse in a storm",
        model: model.id,
        aspectRatio: "9:16",
        seed: 77,
      });
      expect(poster).toMatchObject({ model: model.id, seed: 77, aspectRatio: "9:16", price: model.priceCents / 100 });
      // Signed within 450-second windows (lib/aws/url-window.ts): between 7.5 and 15 minutes of life left.
      expect(Date.parse(poster.urlExpiresAt) - Date.now()).toBeGreaterThan(7.5 * 60_000);
      expect(Date.parse(poster.urlExpiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
      const image = await fetch(poster.url);
      expect(image.headers.get("content-type")).toBe("image/png");
      const bytes = Buffer.from(await image.arrayBuffer());
      expect(pngSize(bytes)).toEqual(model.sizes["9:16"]);
      // Byte for byte what the model made: nothing re-encoded or framed on the way through S3.
      const size = model.sizes["9:16"]!;
      expect(bytes.equals(await renderPoster("a lighthouse in a storm", 77, size.width, size.height))).toBe(true);
      expect({ width: poster.width, height: poster.height }).toEqual(model.sizes["9:16"]);
      const thumb = await fetch(poster.thumbnailUrl);
      expect(thumb.headers.get("content-type")).toBe("image/webp");
      const download = await fetch(poster.downloadUrl);
      expect(download.headers.get("content-disposition")).toBe('attachment; filename="a-lighthouse-in-a-storm-77.png"');
    }
  });

  it("is deterministic for (prompt, seed)", async () => {
    const a = await create({ prompt: "neon city", seed: 5 });
    const b = await create({ prompt: "neon city", seed: 5 });
    const bytes = async (p: PosterView) => Buffer.from(await (await fetch(p.url)).arrayBuffer());
    expect((await bytes(a)).equals(await bytes(b))).toBe(true);
  });

  it("answers invalid input with per-field messages and writes nothing", async () => {
    const before = await local.objectKeys();
    const response = await post({ prompt: "", seed: -1, steps: 20 });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("invalid_input");
    expect(error.fields).toEqual({
      prompt: "Describe the poster: the prompt can't be empty.",
      seed: "The seed can't be negative.",
      steps: "SD3.5 Large has no setting called steps.",
    });
    expect(await local.objectKeys()).toEqual(before);
  });

  it("answers a non-JSON body with invalid_json", async () => {
    const response = await POST(authed("http://localhost/api/posters", { method: "POST", body: "{" }), {});
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("invalid_json");
  });
});

describe("GET, list and DELETE", () => {
  it("lists newest first, paged by an opaque cursor, without gaps or duplicates", async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await create({ prompt: `paging ${i}`, model: MODELS[2].id })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: PosterPage = await listPage(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.posters.length).toBeLessThanOrEqual(2);
      seen.push(...page.posters.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5)).toEqual([...made].reverse());
  });

  it("refuses a forged cursor", async () => {
    const forged = Buffer.from(JSON.stringify({ pk: "x" })).toString("base64url");
    const response = await list(authed(`http://localhost/api/posters?cursor=${forged}`), {});
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("invalid_cursor");
  });

  it("gets one with a fresh URL, deletes it to the trash (its objects kept until the purge), then 404s", async () => {
    const poster = await create({ prompt: "to be deleted" });
    const got = (await (await getOne(authed("http://localhost"), params(poster.id))).json()) as PosterView;
    expect(got.id).toBe(poster.id);
    expect((await fetch(got.url)).status).toBe(200);

    expect((await DELETE(authed("http://localhost"), params(poster.id))).status).toBe(204);
    expect((await getOne(authed("http://localhost"), params(poster.id))).status).toBe(404);
    // In the trash, not gone: its files stay until the sweeper purges it (test/integration/trash.test.ts).
    expect((await local.objectKeys()).filter((k) => k.includes(poster.id)).length).toBeGreaterThan(0);
    expect((await listPage("?limit=100")).posters.map((p) => p.id)).not.toContain(poster.id);
    expect((await DELETE(authed("http://localhost"), params(poster.id))).status).toBe(404);
  });

  it("404s for ids that can't exist without reading the table", async () => {
    const response = await getOne(authed("http://localhost"), params("../../etc"));
    expect(response.status).toBe(404);
  });
});
