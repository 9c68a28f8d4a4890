import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { POST as preview } from "@/app/api/posters/[id]/design/preview/route";
import { DELETE as removeDesign, PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { layoutDesign } from "@/lib/design/layout";
import { bundledMeasure } from "@/lib/design/metrics";
import { designSchema } from "@/lib/design/schema";
import { client } from "../support/api";
import { authed, withLocalStack } from "../support/local-stack";
import { ocr } from "../support/ocr";

// Poster typography through the API: the composed PNG really carries the text (read back by OCR), the art outside
// the text boxes is untouched but for the scrim, and the original art is never changed.
const local = withLocalStack();

const design = {
  template: "classic",
  title: "Neon Tide",
  tagline: "The sea remembers everything",
  billing: "A NORTHLIGHT PICTURES PRODUCTION\nSTARRING ALEX RIVERA AND SAM CHEN",
  date: "March 2027",
  scrim: 0,
};
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const put = (id: string, body: unknown) =>
  saveDesign(
    authed(`http://studio.test/api/posters/${id}/design`, { method: "PUT", body: JSON.stringify(body) }),
    params(id),
  );
const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

describe("poster typography", () => {
  it("composes a full-size PNG that really contains the title and a credit line, leaving the art alone", async () => {
    const poster = (await client.createPoster({ prompt: "a dark harbor at night", seed: 11 })).body;
    const artBefore = await bytes(poster.url);

    const response = await put(poster.id, design);
    expect(response.status, await response.clone().text()).toBe(200);
    const { poster: designed, warnings } = (await response.json()) as { poster: typeof poster; warnings: string[] };
    expect(warnings).toEqual([]);
    expect(designed.design).toMatchObject({ template: "classic", title: "Neon Tide" });

    const composed = await bytes(designed.url);
    const meta = await sharp(composed).metadata();
    expect({ width: meta.width, height: meta.height }).toEqual({ width: 832, height: 1216 });
    const { boxes } = layoutDesign(designSchema.parse(design), 832, 1216, { measure: bundledMeasure() });
    const box = (layer: string) => boxes.find((b) => b.layer === layer) as (typeof boxes)[number];
    expect(await ocr(composed, box("title"))).toContain("NEON TIDE");
    expect(await ocr(composed, box("billing"))).toContain("NORTHLIGHT PICTURES PRODUCTION");

    // The art is never changed, and stays one click away.
    expect((await bytes(designed.artUrl as string)).equals(artBefore)).toBe(true);

    // Outside the text boxes (scrim 0), the composed pixels are the art's.
    const a = await sharp(artBefore).removeAlpha().raw().toBuffer();
    const c = await sharp(composed).removeAlpha().raw().toBuffer();
    let checked = 0;
    let differ = 0;
    for (let y = 0; y < 1216; y += 7) {
      for (let x = 0; x < 832; x += 7) {
        if (boxes.some((b) => x >= b.x - 4 && x <= b.x + b.width + 4 && y >= b.y - 4 && y <= b.y + b.height + 4))
          continue;
        const i = (y * 832 + x) * 3;
        checked++;
        if (Math.abs((a[i] ?? 0) - (c[i] ?? 0)) > 2 || Math.abs((a[i + 1] ?? 0) - (c[i + 1] ?? 0)) > 2) differ++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
    expect(differ).toBe(0);

    // Listings and downloads show the composed version.
    const listed = (await client.listPosters("?limit=1")).body.posters[0];
    expect(await bytes(listed.thumbnailUrl)).not.toEqual(await bytes(poster.thumbnailUrl));
  });

  it("previews at screen size, edits, and removes the design", async () => {
    const poster = (await client.createPoster({ prompt: "a forest at dawn", seed: 12 })).body;
    const small = await preview(
      authed(`http://studio.test/api/posters/${poster.id}/design/preview?width=400`, {
        method: "POST",
        body: JSON.stringify(design),
      }),
      params(poster.id),
    );
    expect(small.headers.get("content-type")).toBe("image/png");
    expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(400);

    await put(poster.id, design);
    const edited = await (await put(poster.id, { ...design, tagline: "A new tagline" })).json();
    expect(edited.poster.design.tagline).toBe("A new tagline");
    const keys = await local.objectKeys();
    expect(keys.filter((k) => k.startsWith(`posters/${poster.id}/composed-`))).toHaveLength(2); // png + webp, old ones gone

    const removed = await removeDesign(
      authed(`http://studio.test/api/posters/${poster.id}/design`, { method: "DELETE" }),
      params(poster.id),
    );
    expect(removed.status).toBe(204);
    const plain = (await client.getPoster(poster.id)).body;
    expect(plain.design).toBeUndefined();
    expect((await local.objectKeys()).filter((k) => k.includes("composed"))).not.toContain(
      `posters/${poster.id}/composed`,
    );
  });

  it("refuses bad designs with field messages and writes nothing", async () => {
    const poster = (await client.createPoster({ prompt: "bad designs", seed: 13 })).body;
    const before = await local.objectKeys();
    const cases: [unknown, string, RegExp][] = [
      [{ template: "classic" }, "title", /^Add some text/],
      [{ template: "classic", title: "x", titleFont: "papyrus" }, "titleFont", /^Pick one of the fonts/],
      [{ template: "classic", title: "x", titleSize: 99 }, "titleSize", /at most 24/],
    ];
    for (const [body, field, message] of cases) {
      const response = await put(poster.id, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { fields: Record<string, string> } }).error.fields[field]).toMatch(
        message,
      );
    }
    const huge = await put(poster.id, { template: "classic", title: "x".repeat(10 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await local.objectKeys()).toEqual(before);
  });
});
