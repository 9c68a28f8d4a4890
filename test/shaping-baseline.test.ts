import { readFileSync } from "node:fs";
import { createElement } from "react";
import satori from "satori";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { tables } from "@/lib/design/cmap";
import { loadFonts } from "@/lib/design/font-files";
import { FONT_IDS, fontFamily } from "@/lib/design/fonts";
import { baselineOffset, lineExtents } from "@/lib/design/shaping/extents";
import { shapingFiles } from "@/lib/design/shaping/faces";
import { pathSvg } from "@/lib/design/shaping/outline";
import { type Shaper, shaper } from "@/lib/design/shaping/shaper";

// Where shaped paths go vertically, so swapping satori's text for them moves nothing: the face's extents as the
// OpenType spec defines them (read by hand here), and the baseline satori itself draws at (found from its pixels).

let s: Shaper;
beforeAll(async () => {
  s = await shaper([...FONT_IDS, "noto-sans-hebrew", "noto-sans-arabic"]);
});

/** The lowest row with ink (darker than mid-grey), plus one: the baseline, for capitals without descenders. */
async function inkBottom(svg: string): Promise<number> {
  const { data, info } = await sharp(Buffer.from(svg))
    .flatten({ background: "#fff" })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let bottom = -1;
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++) if ((data[y * info.width + x] ?? 255) < 128) bottom = y;
  return bottom + 1;
}

describe("line extents", () => {
  it.each([...FONT_IDS, "noto-sans-hebrew", "noto-sans-arabic"] as const)(
    "%s: OS/2's typographic ascender and descender when USE_TYPO_METRICS is set, else hhea's",
    (id) => {
      const t = tables(readFileSync(shapingFiles(id)[0] ?? ""));
      const [hhea, os2, head] = [t.get("hhea"), t.get("OS/2"), t.get("head")];
      if (!hhea || !os2 || !head) throw new Error(`${id} lacks hhea, OS/2 or head`);
      const upem = head.readUInt16BE(18);
      const typo = (os2.readUInt16BE(62) & 0x80) !== 0;
      const ascender = (typo ? os2.readInt16BE(68) : hhea.readInt16BE(4)) / upem;
      const descender = -(typo ? os2.readInt16BE(70) : hhea.readInt16BE(6)) / upem;
      const e = lineExtents(s.face(id));
      expect(e.ascender).toBeCloseTo(ascender, 6);
      expect(e.descender).toBeCloseTo(descender, 6);
    },
  );
});

describe("baseline", () => {
  const SIZE = 200;
  const TOP = 100;
  it.each(FONT_IDS.flatMap((id) => [0.95, 1.25].map((lineHeight) => [id, lineHeight] as const)))(
    "%s at line-height %s: where satori draws it, and where the shaped path lands",
    async (id, lineHeight) => {
      const line = createElement(
        "div",
        { style: { display: "flex", fontFamily: fontFamily(id), fontSize: SIZE, lineHeight, color: "#000" } },
        "HH",
      );
      const page = createElement(
        "div",
        { style: { display: "flex", flexDirection: "column", width: 600, height: 600, paddingTop: TOP } },
        line,
      );
      const bySatori = await inkBottom(await satori(page, { width: 600, height: 600, fonts: await loadFonts() }));
      const baseline = TOP + baselineOffset(lineExtents(s.face(id)), SIZE, lineHeight);
      expect(Math.abs(bySatori - baseline)).toBeLessThanOrEqual(1);
      const { d } = s.path(id, "HH", { x: 0, baseline, size: SIZE }, "ltr");
      expect(Math.abs((await inkBottom(pathSvg(d, 600, 600, "#000"))) - bySatori)).toBeLessThanOrEqual(1);
    },
  );
});
