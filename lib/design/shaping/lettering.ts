import "server-only";
import { AppError } from "../../errors";
import type { Row } from "../billing";
import { unsettableText } from "../glyphs";
import type { Layout, TextBox } from "../layout";
import type { Design } from "../schema";
import { fontCoverage } from "./coverage";
import { baselineOffset, lineExtents } from "./extents";
import { type Shaper, shaper } from "./shaper";

// The design's lettering as shaped paths, with the signature of render.ts's letteringSvg (satori's), so the renderer
// can switch by changing one import. Each row is placed the way satori's flexbox places it there — centred in its
// box, or spread to the box's measure (space-between) — from the shaped widths, and drawn as one path per row.

/** A box's colour: the design's own for its layer, else the automatic one. The same rule as render.ts's boxColor
 * (not exported there, and render.ts is not to change until the switch). */
const boxColor = (design: Design, box: TextBox, autoColorOf: (box: TextBox) => string): string =>
  (box.layer === "title" ? design.titleColor : design.textColor) ?? autoColorOf(box);

const attributeValue = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** One row's path data, its line box starting at `top`. */
function rowPath(s: Shaper, box: TextBox, row: Row, top: number): string {
  const tracking = row.letterSpacing * row.size;
  // Each item as CSS sets it: its shaped width plus tracking after every character (the last item's pulled back).
  const widths = row.items.map((item) => s.measure(box.font, item, row.size, row.letterSpacing));
  const content = widths.reduce((a, b) => a + b, 0) - tracking;
  const gaps = row.items.length - 1;
  const rowWidth = row.justify ? box.measure : content + gaps * row.gap;
  const left = box.x + (box.width - rowWidth) / 2;
  const gap = row.justify ? (gaps > 0 ? (box.measure - content) / gaps : 0) : row.gap;
  // satori lays out with yoga, which rounds every element's edges to whole pixels (from the unrounded absolute
  // position): the row's top and each item's left edge, its text then drawn from there.
  const baseline = Math.round(top) + baselineOffset(lineExtents(s.face(box.font)), row.size, box.lineHeight);
  let x = left;
  return row.items
    .map((item, i) => {
      const at = { x: Math.round(x), baseline, size: row.size, letterSpacing: row.letterSpacing };
      const { d } = s.path(box.font, item, at, "auto");
      x += (widths[i] ?? 0) + gap;
      return d;
    })
    .join("");
}

/** The design's text as an SVG of shaped outlines on a `width`×`height` canvas (a logo box is drawn by the caller). */
export async function shapedLetteringSvg(
  design: Design,
  layout: Layout,
  width: number,
  height: number,
  autoColorOf: (box: TextBox) => string,
): Promise<string> {
  const covered = await fontCoverage();
  const fields = unsettableText(design, (font) => covered.get(font) ?? new Set());
  if (Object.keys(fields).length > 0) throw new AppError("invalid_input", { fields });
  const boxes = layout.boxes.filter((box) => !box.logo);
  const s = await shaper([...new Set(boxes.map((box) => box.font))]);
  const paths = boxes.map((box) => {
    let top = box.y;
    const d = box.rows
      .map((row) => {
        const path = rowPath(s, box, row, top);
        top += row.size * box.lineHeight;
        return path;
      })
      .join("");
    return `<path d="${d}" fill="${attributeValue(boxColor(design, box, autoColorOf))}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${paths.join("")}</svg>`;
}
