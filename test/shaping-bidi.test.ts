import { describe, expect, it } from "vitest";
import { bidi, lineLevels, visualRuns } from "@/lib/design/shaping/bidi";
import { scriptPieces } from "@/lib/design/shaping/line";

// The line's runs in visual order (rule L2, done here on the levels so each run can be shaped whole), checked
// against bidi-js's own character reordering: both must put every character in the same place.

const visualIndices = (text: string, base: "ltr" | "rtl") =>
  visualRuns(lineLevels(text, base).levels).flatMap((run) => {
    const indices = Array.from({ length: run.end - run.start }, (_, i) => run.start + i);
    return run.level % 2 ? indices.reverse() : indices;
  });

const LINES: [string, "ltr" | "rtl"][] = [
  ["פרק 2 – Part Two", "rtl"],
  ["שלום", "rtl"],
  ["AVATAR 2", "ltr"],
  ["AVATAR: הדרך של המים", "ltr"],
  ["فيلم 2027 جديد", "rtl"],
  ["«Dune» دون: الجزء الثاني", "rtl"],
  ["سلام Peace 2026 שלום", "ltr"],
  ["פרק 12 (IMAX 3D) – 2027", "rtl"],
];

describe("visual order", () => {
  it.each(LINES)("%s (%s) puts every character where bidi-js does", (text, base) => {
    const levels = bidi().getEmbeddingLevels(text, base);
    expect(visualIndices(text, base)).toEqual(bidi().getReorderedIndices(text, levels));
  });

  it("reverses the runs of a right-to-left line, and nested left-to-right runs back again", () => {
    // L2 on levels alone: 1 1 2 2 1 → [0,2) and [4,5) at 1, [2,4) at 2; visual: [4,5) [2,4) [0,2).
    expect(visualRuns([1, 1, 2, 2, 1]).map((r) => [r.start, r.end])).toEqual([
      [4, 5],
      [2, 4],
      [0, 2],
    ]);
    expect(visualRuns([0, 0, 0]).map((r) => [r.start, r.end])).toEqual([[0, 3]]);
    // A number (level 2) inside Hebrew (1) inside a Latin line (0).
    expect(visualRuns([0, 0, 1, 2, 1, 0]).map((r) => r.start)).toEqual([0, 4, 3, 2, 5]);
  });

  it("gives trailing spaces the paragraph's level (rule L1)", () => {
    const { levels } = lineLevels("Part Two  ", "rtl");
    expect(levels.slice(-2)).toEqual([1, 1]);
    expect(levels[0]).toBe(2);
  });
});

describe("script pieces", () => {
  it("cuts where the strong script changes, weak characters going with the text before them", () => {
    const text = "פרק 2 Part";
    expect(scriptPieces(text, 0, text.length)).toEqual([
      { start: 0, end: 6, script: "Hebr" },
      { start: 6, end: 10, script: "Latn" },
    ]);
    // Kana and kanji shape as one run.
    expect(scriptPieces("東京ラブストーリー", 0, 9)).toEqual([{ start: 0, end: 9, script: "Hani" }]);
    expect(scriptPieces("2027", 0, 4)).toEqual([{ start: 0, end: 4, script: undefined }]);
  });
});
