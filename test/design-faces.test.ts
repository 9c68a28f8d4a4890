import { createElement } from "react";
import satori from "satori";
import { describe, expect, it } from "vitest";
import { loadFonts } from "@/lib/design/font-files";
import { type FontId, fontFamily } from "@/lib/design/fonts";

// Every subset of every face is loaded into one satori, and satori falls back to ANY loaded font for a character the
// named ones lack: so a face's fontFamily must name all its own subsets, or a Russian title "in Roboto Condensed"
// would be drawn in whichever face was loaded first with Cyrillic. Rendered with every face loaded, a text must come
// out exactly as it does with only its own face's files loaded.

const render = async (text: string, family: string, faces?: FontId) => {
  const loaded = await loadFonts();
  return satori(createElement("div", { style: { display: "flex", fontFamily: family, fontSize: 64 } }, text), {
    width: 1200,
    height: 120,
    fonts: faces ? loaded.filter((f) => f.face === faces) : loaded,
  });
};

describe("a face's text, among every loaded face", () => {
  it.each([
    ["roboto-condensed", "ПОСЛЕДНИЙ МАЯК — 2027"],
    ["roboto-condensed", "Ο ΤΕΛΕΥΤΑΙΟΣ ΦΑΡΟΣ"],
    ["fira-sans-extra-condensed", "ПОСЛЕДНИЙ МАЯК"],
    ["fira-sans-extra-condensed", "Ο ΤΕΛΕΥΤΑΙΟΣ ΦΑΡΟΣ"],
    ["oswald", "ЇЖАК І ҐАВА"],
    ["bebas-neue", "ŁÓDŹ NOCĄ"],
  ] as const)("%s sets “%s” from its own files only", async (face, text) => {
    const own = await render(text, fontFamily(face), face);
    expect(own).toContain("<path");
    expect(await render(text, fontFamily(face))).toBe(own);
  });

  it("would not, named by its Latin file alone (the check above can fail)", async () => {
    const text = "ПОСЛЕДНИЙ МАЯК";
    const own = await render(text, fontFamily("roboto-condensed"), "roboto-condensed");
    expect(await render(text, "roboto-condensed")).not.toBe(own);
  });
});
