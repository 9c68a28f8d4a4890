import { describe, expect, it } from "vitest";
import { POST as preview } from "@/app/api/posters/[id]/design/preview/route";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { layoutDesign } from "@/lib/design/layout";
import { bundledMeasure } from "@/lib/design/metrics";
import { designSchema } from "@/lib/design/schema";
import { client } from "../support/api";
import { authed, withLocalStack } from "../support/local-stack";
import { ocr } from "../support/ocr";

// Text the chosen font can't set is refused by preview and save alike, naming the characters on the field (and the
// faces that could set them), instead of a poster with empty boxes in its title; text a face can set, in any of the
// scripts it declares, is drawn as those letters (read back by OCR).
const local = withLocalStack();

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const call = (route: typeof preview, id: string, path: string, method: string, design: object) =>
  route(authed(`http://studio.test/api/posters/${id}/${path}`, { method, body: JSON.stringify(design) }), params(id));

describe("design text the font can't set", () => {
  it("is a 400 invalid_input naming the characters, on preview and save, and saves nothing", async () => {
    const poster = (await client.createPoster({ prompt: "a poster for glyphs" })).body;
    const design = { template: "classic", title: "Tide 🌊", tagline: "שלום" };
    const before = await local.objectKeys();

    for (const response of [
      await call(preview, poster.id, "design/preview?width=160", "POST", design),
      await call(saveDesign, poster.id, "design", "PUT", design),
    ]) {
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(error.code).toBe("invalid_input");
      expect(error.fields.title).toContain("🌊");
      expect(error.fields.tagline).toContain("ש ל ו ם");
    }
    expect(await local.objectKeys()).toEqual(before);
    expect((await client.getPoster(poster.id)).body.design ?? null).toBeNull();

    const fine = await call(preview, poster.id, "design/preview?width=160", "POST", {
      template: "classic",
      title: "Tide",
    });
    expect(fine.status).toBe(200);
  });
});

describe("titles in Polish, Russian and Greek", () => {
  const titles = [
    { title: "ŁÓDŹ NOCĄ", face: "bebas-neue", refusedBy: undefined, missing: undefined },
    { title: "ПОСЛЕДНИЙ МАЯК", face: "oswald", refusedBy: "anton", missing: "П О С Л Е Д Н И and 5 more" },
    { title: "Ο ΤΕΛΕΥΤΑΙΟΣ ΦΑΡΟΣ", face: "fira-sans-extra-condensed", refusedBy: "oswald", missing: "Ο Τ Ε Λ Υ Α Ι Σ" },
  ] as const;

  it("are previewed in a face that sets them, and refused in one that doesn't, naming the characters and the faces that can", async () => {
    const poster = (await client.createPoster({ prompt: "a poster for every market" })).body;
    for (const t of titles) {
      const fine = await call(preview, poster.id, "design/preview?width=160", "POST", {
        template: "minimal",
        title: t.title,
        titleFont: t.face,
      });
      expect(fine.status, `${t.title} in ${t.face}: ${await fine.clone().text()}`).toBe(200);
      if (!t.refusedBy) continue;
      const refused = await call(preview, poster.id, "design/preview?width=160", "POST", {
        template: "minimal",
        title: t.title,
        titleFont: t.refusedBy,
      });
      expect(refused.status).toBe(400);
      const { error } = (await refused.json()) as { error: { fields: Record<string, string> } };
      expect(error.fields.title).toContain(`can't set these characters: ${t.missing}`);
      expect(error.fields.title).toMatch(/pick another title font: .*Fira Sans Extra Condensed.* can set it\.$/);
    }
  });

  it("are drawn as those letters: the saved poster's Cyrillic and Greek titles read back by OCR", async () => {
    const poster = (await client.createPoster({ prompt: "a lighthouse for every market", seed: 17 })).body;
    const cases = [
      { title: "ПОСЛЕДНИЙ МАЯК", titleFont: "oswald", lang: "rus", read: "ПОСЛЕДНИЙ МАЯК" },
      { title: "ПОСЛЕДНИЙ МАЯК", titleFont: "roboto-condensed", lang: "rus", read: "ПОСЛЕДНИЙ МАЯК" },
      // (Tesseract reads the lone Ο as a zero.)
      { title: "Ο ΤΕΛΕΥΤΑΙΟΣ ΦΑΡΟΣ", titleFont: "fira-sans-extra-condensed", lang: "ell", read: "ΤΕΛΕΥΤΑΙΟΣ ΦΑΡΟΣ" },
      { title: "Ο ΤΕΛΕΥΤΑΙΟΣ ΦΑΡΟΣ", titleFont: "roboto-condensed", lang: "ell", read: "ΤΕΛΕΥΤΑΙΟΣ ΦΑΡΟΣ" },
    ] as const;
    for (const c of cases) {
      // On one line (two lines of a tall title touch, and OCR runs them together), over a dark scrim.
      const design = { template: "minimal", title: c.title, titleFont: c.titleFont, titleSize: 9, scrim: 0.6 };
      const saved = await call(saveDesign, poster.id, "design", "PUT", design);
      expect(saved.status, await saved.clone().text()).toBe(200);
      const { poster: designed } = (await saved.json()) as { poster: { url: string } };
      const composed = Buffer.from(await (await fetch(designed.url)).arrayBuffer());
      const { boxes } = layoutDesign(designSchema.parse(design), 832, 1216, { measure: bundledMeasure() });
      const title = boxes.find((b) => b.layer === "title");
      if (!title) throw new Error("no title box");
      // Й's breve stands above the capitals' box: read a little above and below it.
      const band = { ...title, y: title.y - title.height * 0.3, height: title.height * 1.6 };
      expect(await ocr(composed, band, c.lang), `${c.title} in ${c.titleFont}`).toContain(c.read);
    }
  });
});
