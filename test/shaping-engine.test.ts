import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { glyphIds, tables } from "@/lib/design/cmap";
import { FONT_IDS, fontFiles } from "@/lib/design/fonts";
import { readMetrics } from "@/lib/design/metrics";
import { shapingFiles } from "@/lib/design/shaping/faces";
import { shapeLine, shapeRun } from "@/lib/design/shaping/shaper";

// HarfBuzz's shaping checked against facts from outside it: the advances and character maps the fonts' own tables
// give (read by hand in metrics.ts and cmap.ts), and how Arabic and Hebrew are written.

/** Nominal glyph of each character (the font's cmap, no shaping): what an unshaped renderer would draw. */
const nominal = (file: string) => glyphIds(tables(readFileSync(file)));

describe("kerning", () => {
  it.each(FONT_IDS)("%s sets AVATAR narrower with kern than the sum of its letters' advances", async (id) => {
    const file = fontFiles(id)[0]?.file ?? "";
    const advances = readMetrics(readFileSync(file)).advances;
    const sum = [..."AVATAR"].reduce((w, c) => w + (advances.get(c.codePointAt(0) ?? 0) ?? Number.NaN), 0);
    const kerned = await shapeRun(id, "AVATAR");
    const unkerned = await shapeRun(id, "AVATAR", { features: { kern: false } });
    // With kerning off the engine adds up the same advances the hmtx table holds...
    expect(unkerned.width).toBeCloseTo(sum, 6);
    // ...and with it on, A–V, V–A, T–A and A–T pull together (every bundled face kerns these by at least 2%).
    expect(kerned.width).toBeLessThan(sum * 0.98);
    expect(kerned.glyphs.map((g) => g.cluster)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe("Arabic joining", () => {
  const file = shapingFiles("noto-sans-arabic")[0] ?? "";
  const cmap = nominal(file);
  const isolated = (c: string) => cmap.get(c.codePointAt(0) ?? 0);

  it("sets سلام with the joined forms, not the isolated letters", async () => {
    const run = await shapeRun("noto-sans-arabic", "سلام");
    expect(run.direction).toBe("rtl");
    // Right to left: the first letter is the last glyph drawn from the left.
    expect(run.glyphs.map((g) => g.cluster)).toEqual([3, 2, 1, 0]);
    const glyphOf = (cluster: number) => run.glyphs.find((g) => g.cluster === cluster)?.id;
    // Seen joins the lam after it (initial form), lam joins both sides (medial), alef joins the lam (final)...
    expect(glyphOf(0)).not.toBe(isolated("س"));
    expect(glyphOf(1)).not.toBe(isolated("ل"));
    expect(glyphOf(2)).not.toBe(isolated("ا"));
    // ...and meem stands alone: alef never joins the letter after it.
    expect(glyphOf(3)).toBe(isolated("م"));
  });

  it("sets a letter alone in its isolated form (the cmap's own glyph)", async () => {
    for (const c of "سلام")
      expect((await shapeRun("noto-sans-arabic", c)).glyphs.map((g) => g.id)).toEqual([isolated(c)]);
  });
});

describe("right to left lines", () => {
  const hebrew = nominal(shapingFiles("noto-sans-hebrew")[0] ?? "");

  it("draws the first letter of שלום rightmost", async () => {
    const line = await shapeLine("noto-sans-hebrew", "שלום", "rtl");
    const xs = line.glyphs.map((g) => g.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const rightmost = line.glyphs.at(-1);
    expect(rightmost?.cluster).toBe(0);
    expect(rightmost?.id).toBe(hebrew.get("ש".codePointAt(0) ?? 0));
    expect(line.glyphs[0]?.id).toBe(hebrew.get("ם".codePointAt(0) ?? 0));
  });

  it("keeps a Latin title and a number left to right inside a Hebrew line", async () => {
    const text = "פרק 2 – Part Two";
    const line = await shapeLine("noto-sans-hebrew", text, "rtl");
    const x = (cluster: number) => line.glyphs.find((g) => g.cluster === cluster)?.x ?? Number.NaN;
    const latin = line.glyphs.filter((g) => g.cluster >= text.indexOf("P"));
    const hebrewGlyphs = line.glyphs.filter((g) => g.cluster <= 2);
    // "Part Two" reads left to right: its characters' order is its glyphs' order.
    expect(latin.map((g) => g.cluster)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    // The whole Latin run is left of the Hebrew word, which starts (פ) at the right edge.
    expect(Math.max(...latin.map((g) => g.x))).toBeLessThan(Math.min(...hebrewGlyphs.map((g) => g.x)));
    expect(line.glyphs.at(-1)?.cluster).toBe(0);
    // Right to left between them: פרק, then 2, then the dash, then the Latin.
    expect(x(text.indexOf("–"))).toBeLessThan(x(text.indexOf("2")));
    expect(x(text.indexOf("2"))).toBeLessThan(x(2));
    expect(line.direction).toBe("rtl");
  });

  it("sets a Latin line left to right whatever the base direction says of it", async () => {
    const line = await shapeLine("bebas-neue", "AVATAR 2", "auto");
    expect(line.direction).toBe("ltr");
    expect(line.glyphs.map((g) => g.cluster)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("measuring shaped lines", () => {
  it("gives the kerned width at a size, tracking added after each character but never inside Arabic", async () => {
    const { shaper } = await import("@/lib/design/shaping/shaper");
    const s = await shaper(["bebas-neue", "noto-sans-arabic"]);
    const avatar = (await shapeRun("bebas-neue", "AVATAR")).width;
    expect(s.measure("bebas-neue", "AVATAR", 100)).toBeCloseTo(avatar * 100, 6);
    // CSS letter-spacing: after every character, six of them here (asked twice: the second answer is remembered).
    expect(s.measure("bebas-neue", "AVATAR", 100, 0.1)).toBeCloseTo(avatar * 100 + 6 * 10, 6);
    expect(s.measure("bebas-neue", "AVATAR", 100, 0.1)).toBeCloseTo(avatar * 100 + 6 * 10, 6);
    // Spacing joined letters apart would break the joins: an Arabic word keeps its width.
    const salaam = (await shapeRun("noto-sans-arabic", "سلام")).width;
    expect(s.measure("noto-sans-arabic", "سلام", 100, 0.1)).toBeCloseTo(salaam * 100, 6);
  });
});
