import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { POST as canvas } from "@/app/api/posters/[id]/design/canvas/route";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { canvasViewSchema } from "@/lib/design/canvas-view";
import { client } from "../support/api";
import { authed, withLocalStack } from "../support/local-stack";
import { ocr } from "../support/ocr";

// The editor canvas's answer (POST …/design/canvas): the composed preview and the same picture in layers. Stacked
// again (ground, then each layer), the layers make the composed picture; a layer placed on the canvas is drawn there,
// in the preview and in the saved full-size file.
withLocalStack();

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const design = {
  template: "classic",
  title: "Neon Tide",
  tagline: "The sea remembers everything",
  date: "March 2027",
  titleColor: "#ffffff",
};
/** A layer's ink, the part OCR reads, in its picture's pixels times `k`. */
const inkOf = (l: { x: number; y: number; width: number; height: number; inkWidth: number }, k = 1) => ({
  x: (l.x + (l.width - l.inkWidth) / 2) * k,
  y: l.y * k,
  width: l.inkWidth * k,
  height: l.height * k,
});
const view = async (id: string, body: unknown) => {
  const response = await canvas(
    authed(`http://studio.test/api/posters/${id}/design/canvas?width=400`, {
      method: "POST",
      body: JSON.stringify(body),
    }),
    params(id),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return canvasViewSchema.parse(await response.json());
};
const png = (dataUrl: string) => Buffer.from(dataUrl.split(",")[1] ?? "", "base64");
const rgb = (image: Buffer) => sharp(image).removeAlpha().raw().toBuffer();

describe("the design canvas's layers", () => {
  it("stack back into the composed preview, pixel for pixel but for rounding", async () => {
    const poster = (await client.createPoster({ prompt: "a dark harbor at night", seed: 12 })).body;
    const v = await view(poster.id, design);
    expect(v.width).toBe(400);
    expect(v.layers.map((l) => l.layer).sort()).toEqual(["date", "tagline", "title"]);
    const stacked = await sharp(png(v.ground))
      .composite(v.layers.map((l) => ({ input: png(l.png) })))
      .png()
      .toBuffer();
    const [a, b] = [await rgb(stacked), await rgb(png(v.composed))];
    let off = 0;
    for (let i = 0; i < a.length; i++) off = Math.max(off, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    expect(off).toBeLessThanOrEqual(2);
    // The ground is the art under the scrim only: no type where the title is.
    const title = v.layers.find((l) => l.layer === "title");
    if (!title) throw new Error("no title layer");
    expect(title.color).toBe("#ffffff");
    expect(title.inkWidth).toBeLessThan(title.width);
    expect(await ocr(png(v.composed), inkOf(title))).toContain("NEON TIDE");
    expect(await ocr(png(v.ground), inkOf(title))).not.toContain("NEON");
  });

  it("draws a placed layer where it was put, in the preview and in the saved file", async () => {
    const poster = (await client.createPoster({ prompt: "a dark harbor at night", seed: 13 })).body;
    const placed = { ...design, layers: { title: { x: 0.5, y: 0.3, scale: 1.2 } } };
    const before = (await view(poster.id, design)).layers.find((l) => l.layer === "title");
    const after = (await view(poster.id, placed)).layers.find((l) => l.layer === "title");
    if (!before || !after) throw new Error("no title layer");
    expect(after.y + after.height / 2).toBeCloseTo((0.3 * (400 * 1216)) / 832, 0);
    expect(after.fontSize).toBeCloseTo(before.fontSize * 1.2, 6);

    const saved = await saveDesign(
      authed(`http://studio.test/api/posters/${poster.id}/design`, { method: "PUT", body: JSON.stringify(placed) }),
      params(poster.id),
    );
    expect(saved.status, await saved.clone().text()).toBe(200);
    const { poster: designed } = (await saved.json()) as { poster: { url: string; design: unknown } };
    expect(designed.design).toMatchObject({ layers: { title: { x: 0.5, y: 0.3, scale: 1.2 } } });
    const full = Buffer.from(await (await fetch(designed.url)).arrayBuffer());
    // The full-size file has the title where the canvas put it, and not where the template would.
    expect(await ocr(full, inkOf(after, 832 / 400))).toContain("NEON");
    expect(await ocr(full, inkOf(before, 832 / 400))).not.toContain("NEON");
  });

  it("refuses a placement off the poster, as the design route does", async () => {
    const poster = (await client.createPoster({ prompt: "a dark harbor at night", seed: 14 })).body;
    const response = await canvas(
      authed(`http://studio.test/api/posters/${poster.id}/design/canvas`, {
        method: "POST",
        body: JSON.stringify({ ...design, layers: { title: { x: 2, y: 0.5 } } }),
      }),
      params(poster.id),
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("A layer's x must be at most 1.");
  });
});
