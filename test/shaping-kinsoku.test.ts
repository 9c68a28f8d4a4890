import { describe, expect, it } from "vitest";
import { breakOpportunities, wrapAtOpportunities } from "@/lib/design/shaping/kinsoku";

// Japanese line breaking (kinsoku shori), each case one rule of JIS X 4051 as a typesetter would state it.

/** The text with a "|" at every place a line may begin. */
const marked = (text: string) => {
  const cuts = new Set(breakOpportunities(text));
  return [...text].reduce((out, c, i, all) => {
    const offset = all.slice(0, i).join("").length;
    return out + (cuts.has(offset) ? "|" : "") + c;
  }, "");
};

describe("break opportunities", () => {
  it("breaks text without spaces between any two characters", () => {
    expect(marked("東京物語")).toBe("東|京|物|語");
  });

  it("never starts a line with closing punctuation: 。、！？ or a closing bracket", () => {
    expect(marked("君の名は。")).toBe("君|の|名|は。");
    expect(marked("東京、大阪")).toBe("東|京、|大|阪");
    expect(marked("走れ！")).toBe("走|れ！");
    expect(marked("「千と千尋」公開")).toBe("「千|と|千|尋」|公|開");
  });

  it("never ends a line with an opening bracket", () => {
    const cuts = breakOpportunities("映画「天気の子」");
    // Not between 「 and 天 (the 「 would end the line); before 「 is fine.
    expect(cuts).not.toContain("映画「".length);
    expect(cuts).toContain("映画".length);
  });

  it("never starts a line with small kana, the prolonged sound mark or an iteration mark", () => {
    expect(marked("ちょっと")).toBe("ちょっ|と");
    expect(marked("ラーメン")).toBe("ラー|メ|ン");
    expect(marked("時々")).toBe("時々");
    expect(marked("ジュラシック")).toBe("ジュ|ラ|シッ|ク");
  });

  it("keeps a doubled dash or ellipsis whole", () => {
    expect(breakOpportunities("待て……")).not.toContain("待て…".length);
    expect(breakOpportunities("あ——い")).not.toContain("あ—".length);
  });

  it("never splits a Latin word or a number inside Japanese, and breaks Latin and Korean at spaces only", () => {
    expect(marked("2027年公開")).toBe("2027|年|公|開");
    expect(marked("IMAX版")).toBe("IMAX|版");
    expect(marked("THE LAST LIGHT")).toBe("THE |LAST |LIGHT");
    expect(marked("기생충 흑백판")).toBe("기생충 |흑백판");
  });

  it("counts positions in UTF-16, past characters outside the Basic Multilingual Plane", () => {
    // 𠮷 (U+20BB7) is two UTF-16 units.
    expect(breakOpportunities("𠮷野家")).toEqual([2, 3]);
  });
});

describe("wrapping", () => {
  // Every character one unit wide: what fits is a count of characters.
  const width = (line: string) => [...line].length;

  it("fills each line, moving a character back rather than starting a line with 。", () => {
    // Four fit: 君の名は, but 。 can't start the next line, so は goes with it.
    expect(wrapAtOpportunities("君の名は。", width, 4)).toEqual(["君の名", "は。"]);
    expect(wrapAtOpportunities("東京物語大阪物語", width, 4)).toEqual(["東京物語", "大阪物語"]);
  });

  it("drops the space at a break and keeps a piece wider than the measure whole on its line", () => {
    expect(wrapAtOpportunities("THE LAST LIGHT", width, 5)).toEqual(["THE", "LAST", "LIGHT"]);
    expect(wrapAtOpportunities("SUPERCALIFRAGILISTIC 2", width, 5)).toEqual(["SUPERCALIFRAGILISTIC", "2"]);
  });
});
