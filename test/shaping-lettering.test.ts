import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { layoutDesign } from "@/lib/design/layout";
import { bundledMeasure } from "@/lib/design/metrics";
import { letteringSvg } from "@/lib/design/render";
import { designSchema } from "@/lib/design/schema";
import { shapedLetteringSvg } from "@/lib/design/shaping/lettering";
import { AppError } from "@/lib/errors";

// The shaped lettering beside satori's (render.ts letteringSvg, what the poster, the preview, the PSD and the PDF use
// today), given the very same layout: every row's ink lands in the same place, so the renderer can switch to it
// without a poster moving.

const BILLING =
  "A NORTHLIGHT PICTURES PRODUCTION  A FILM BY JANE DOE\nSTARRING ALEX RIVERA  SAM CHEN  MORGAN LEE\nMUSIC BY K. OSEI  EDITED BY P. NOVAK\nDIRECTED BY JANE DOE";

const black = () => "#000000";

async function raster(svg: string, width: number, height: number) {
  const { data } = await sharp(Buffer.from(svg))
    .flatten({ background: "#fff" })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  /** The ink's bounding box (pixels darker than mid-grey) between rows y0 and y1. */
  return (y0: number, y1: number) => {
    let [left, top, right, bottom] = [width, height, -1, -1];
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++)
      for (let x = 0; x < width; x++)
        if ((data[y * width + x] ?? 255) < 128) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
    return { left, top, right, bottom };
  };
}

describe("shaped lettering against satori's", () => {
  it.each([
    ["classic", 832, 1216, "The Last Lighthouse"],
    ["classic", 1024, 1024, "Avatar"],
    ["teaser", 832, 1216, "Neon Tide"],
  ] as const)("%s at %s×%s: every row's ink within 2 px of satori's", async (template, width, height, title) => {
    const design = designSchema.parse({
      template,
      title,
      aboveTitle: "A JANE DOE FILM  ALEX RIVERA",
      tagline: "Some lights never go out.",
      billing: BILLING,
      date: "Summer 2027",
      scrim: 0,
      letterSpacing: 0.04,
    });
    const layout = layoutDesign(design, width, height, { measure: bundledMeasure() });
    const bySatori = await raster(await letteringSvg(design, layout, width, height, black), width, height);
    const shapedSvg = await shapedLetteringSvg(design, layout, width, height, black);
    const shaped = await raster(shapedSvg, width, height);
    // One path per text box: each layer is one vector shape.
    expect(shapedSvg.match(/<path /g)).toHaveLength(layout.boxes.length);
    let rows = 0;
    for (const box of layout.boxes) {
      let top = box.y;
      for (const row of box.rows) {
        const y1 = top + row.size * box.lineHeight;
        const a = bySatori(Math.floor(top), Math.ceil(y1));
        const b = shaped(Math.floor(top), Math.ceil(y1));
        expect(a.right, `${box.layer}: satori drew nothing`).toBeGreaterThan(0);
        for (const side of ["left", "top", "right", "bottom"] as const)
          expect(Math.abs(a[side] - b[side]), `${box.layer} ${row.items.join("|")} ${side}`).toBeLessThanOrEqual(2);
        top = y1;
        rows++;
      }
    }
    expect(rows).toBeGreaterThan(3);
  });

  it("refuses characters the face can't set, as satori's renderer does", async () => {
    const design = designSchema.parse({ template: "minimal", title: "Wave 🌊" });
    const layout = layoutDesign(design, 400, 600);
    await expect(shapedLetteringSvg(design, layout, 400, 600, black)).rejects.toBeInstanceOf(AppError);
    await expect(letteringSvg(design, layout, 400, 600, black)).rejects.toBeInstanceOf(AppError);
  });
});
