import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coveredCodePoints } from "@/lib/design/cmap";
import { FONT_IDS, fontFile } from "@/lib/design/fonts";
import { unsettableText } from "@/lib/design/glyphs";
import { designSchema } from "@/lib/design/schema";

// What the bundled fonts can set, read from the renderer's own font files, and the text the design schema lets in.
const coverage = new Map(FONT_IDS.map((id) => [id, coveredCodePoints(readFileSync(fontFile(id)))]));
const covered = (id: (typeof FONT_IDS)[number]) => coverage.get(id) ?? new Set<number>();
const has = (id: (typeof FONT_IDS)[number], c: string) => covered(id).has(c.codePointAt(0) ?? 0);

describe("font coverage", () => {
  it.each(FONT_IDS)("%s maps Latin text and punctuation, not emoji, CJK or Hebrew", (id) => {
    for (const c of "AZaz09éÉüßÇñ€£&’“”—…!?") expect(has(id, c), c).toBe(true);
    for (const c of ["😀", "中", "映", "א", "ש"]) expect(has(id, c), c).toBe(false);
  });
});

describe("characters a font can't set", () => {
  const design = (fields: object) => designSchema.parse({ template: "classic", ...fields });

  it("are named on the field they came from, with the font and what to do", () => {
    const problems = unsettableText(
      design({ title: "Harbor 😀", tagline: "海の秘密", billing: "STARRING אבי", date: "March 2027" }),
      covered,
    );
    expect(Object.keys(problems).sort()).toEqual(["billing", "tagline", "title"]);
    expect(problems.title).toBe("Bebas Neue can't set these characters: 😀. Remove them or pick another title font.");
    expect(problems.tagline).toContain("海 の 秘 密");
    expect(problems.billing).toMatch(/^League Gothic can't set these characters: א ב י\./);
  });

  it("are nothing for ordinary Latin text, accents included", () => {
    expect(unsettableText(design({ title: "Café Noir", tagline: "Ça ira — “vraiment”…" }), covered)).toEqual({});
  });

  it("show invisible ones by their code", () => {
    expect(unsettableText(design({ title: "A\u200DB" }), covered).title).toContain("U+200D");
  });
});

describe("bidirectional controls", () => {
  it("are stripped from every text field, so a title can't be made to read backwards", () => {
    const parsed = designSchema.parse({
      template: "classic",
      title: "\u202EroboH thgindiM",
      tagline: "a\u2066b\u2069c\u200Ed\u200F",
      billing: "\u202Astarring\u202C\nsomeone",
      date: "\u202B2027\u202D",
    });
    expect(parsed).toMatchObject({
      title: "roboH thgindiM",
      tagline: "abcd",
      billing: "starring\nsomeone",
      date: "2027",
    });
  });

  it("don't count as text on their own", () => {
    expect(designSchema.safeParse({ template: "classic", title: "\u202E\u202C" }).success).toBe(false);
  });
});
