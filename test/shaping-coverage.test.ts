import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coveredCodePoints, tables } from "@/lib/design/cmap";
import * as satoriFonts from "@/lib/design/font-files";
import { FONT_IDS, fontFiles } from "@/lib/design/fonts";
import * as engine from "@/lib/design/shaping/coverage";
import { shapingFiles } from "@/lib/design/shaping/faces";
import { sfntFromWoff } from "@/lib/design/shaping/woff";

// The engine's reading of the fonts against the hand-written one (cmap.ts) it is to replace: the same characters
// for every bundled face, so the coverage check can switch without a title changing from settable to refused.

describe("coverage from the engine's tables", () => {
  it("maps exactly the characters cmap.ts reads from the same files, for every bundled face", async () => {
    const fromEngine = await engine.fontCoverage();
    for (const id of FONT_IDS) {
      const byHand = new Set(fontFiles(id).flatMap((f) => [...coveredCodePoints(readFileSync(f.file))]));
      const mine = fromEngine.get(id) ?? new Set();
      expect(mine.size, id).toBe(byHand.size);
      expect(
        [...mine].filter((c) => !byHand.has(c)),
        id,
      ).toEqual([]);
    }
  });

  it("answers facesThatCanSet as font-files.ts does", async () => {
    for (const text of ["AVATAR", "ŁÓDŹ NOCĄ", "ПОСЛЕДНИЙ МАЯК", "Ο ΦΑΡΟΣ", "שלום", "東京", "🌊"])
      expect(await engine.facesThatCanSet(text), text).toEqual(await satoriFonts.facesThatCanSet(text));
  });

  it("finds every Hebrew and Arabic letter in the script faces, and neither in the display faces", async () => {
    const HEBREW = "אבגדהוזחטיכךלמםנןסעפףצץקרשת";
    const ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
    const hebrew = await engine.faceCoverage("noto-sans-hebrew");
    const arabic = await engine.faceCoverage("noto-sans-arabic");
    expect([...HEBREW].filter((c) => !hebrew.has(c.codePointAt(0) ?? 0))).toEqual([]);
    expect([...ARABIC].filter((c) => !arabic.has(c.codePointAt(0) ?? 0))).toEqual([]);
    // Digits, Latin and the dash a mixed title needs come from the faces' Latin subsets.
    for (const c of "0123456789 –AZaz") expect(hebrew.has(c.codePointAt(0) ?? 0), c).toBe(true);
    const covered = await engine.fontCoverage();
    for (const id of FONT_IDS) expect(covered.get(id)?.has("ש".codePointAt(0) ?? 0), id).toBe(false);
  });
});

describe("WOFF to sfnt", () => {
  const files = [...shapingFiles("noto-sans-hebrew"), ...shapingFiles("noto-sans-arabic"), ...shapingFiles("oswald")];
  it.each(files)("%s unwraps to an sfnt with the same tables", (file) => {
    const woff = readFileSync(file);
    const sfnt = Buffer.from(sfntFromWoff(woff));
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    const a = tables(woff);
    const b = tables(sfnt);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [tag, data] of a) expect(Buffer.compare(b.get(tag) ?? Buffer.alloc(0), data), tag).toBe(0);
  });

  it("leaves a file that isn't WOFF as it is", () => {
    const sfnt = sfntFromWoff(readFileSync(fontFiles("anton")[0]?.file ?? ""));
    expect(sfntFromWoff(sfnt)).toBe(sfnt);
  });
});
