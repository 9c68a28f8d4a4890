import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { layoutDesign } from "@/lib/design/layout";
import { bundledMeasure } from "@/lib/design/metrics";
import { composePoster } from "@/lib/design/render";
import { designSchema, hiddenFields } from "@/lib/design/schema";

// The title avoids the subject: with its position "auto", it goes in the calmest band of the art the template
// leaves free, and the editor is told where. And a template that hides a layer never loses what was typed in it.

const W = 832;
const H = 1216;

/** Flat dark art with a busy, high-contrast texture over the rows `busy` says (the "subject"). */
function art(busy: (y: number) => boolean) {
  const px = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const v = busy(y) ? ((x * 7 + y * 13) % 37 < 18 ? 210 : 30) : 30 + (y / H) * 25;
      px.fill(v, (y * W + x) * 3, (y * W + x) * 3 + 3);
    }
  return sharp(px, { raw: { width: W, height: H, channels: 3 } })
    .png()
    .toBuffer();
}

const centreOf = (box: { y: number; height: number }) => box.y + box.height / 2;

describe("title placed in the calmest band", () => {
  it.each([
    ["busy bottom", "top", (y: number) => y > H * 0.45],
    ["busy top", "bottom", (y: number) => y < H * 0.55],
    ["busy middle", "bottom", (y: number) => y > H * 0.3 && y < H * 0.7],
  ] as const)("%s: the title goes in the %s band, and the layout says so", async (_name, band, busy) => {
    const design = designSchema.parse({ template: "minimal", title: "Midnight Harbor", titleY: "auto" });
    const { layout } = await composePoster(await art(busy), design);
    const title = layout.boxes.find((b) => b.layer === "title");
    if (!title) throw new Error("no title");
    const third = { top: 0, middle: 1, bottom: 2 }[band];
    expect(Math.floor(centreOf(title) / (H / 3))).toBe(third);
    // Not a pixel of the title's box over the busy rows.
    for (let y = Math.ceil(title.y); y < title.y + title.height; y++) expect(busy(y), `row ${y}`).toBe(false);
    expect(layout.placement).toBe(`Title placed in the ${band} band: calmest area.`);
  });

  it("stays inside the template's free space: in Classic, between the tagline and the billing block", async () => {
    const design = designSchema.parse({
      template: "classic",
      title: "Midnight Harbor",
      tagline: "Some secrets surface at low tide.",
      billing: "A NORTHLIGHT PICTURES PRODUCTION\nSTARRING ALEX RIVERA  SAM CHEN",
      titleY: "auto",
    });
    const { layout } = await composePoster(await art((y) => y > H * 0.45), design);
    const y = (layer: string) => layout.boxes.find((b) => b.layer === layer) ?? { y: Number.NaN, height: 0 };
    expect(y("title").y).toBeGreaterThan(y("tagline").y + y("tagline").height);
    expect(y("title").y + y("title").height).toBeLessThan(H * 0.45);
    expect(layout.placement).toMatch(/^Title placed in the (top|middle) band: calmest area\.$/);
  });

  it("keeps a position the user set, and says nothing about placement", async () => {
    const design = designSchema.parse({ template: "minimal", title: "Midnight Harbor", titleY: 80 });
    const { layout } = await composePoster(await art((y) => y > H * 0.45), design);
    const title = layout.boxes.find((b) => b.layer === "title");
    expect(Math.abs(centreOf(title ?? { y: 0, height: 0 }) - 0.8 * H)).toBeLessThan(2);
    expect(layout.placement).toBeUndefined();
  });
});

describe("switching templates", () => {
  const typed = {
    aboveTitle: "ALEX RIVERA  SAM CHEN",
    title: "Midnight Harbor",
    tagline: "Some secrets surface at low tide.",
    billing: "A NORTHLIGHT PICTURES PRODUCTION",
    date: "March 2027",
  };

  it("keeps every typed field in the design, and names the ones this template doesn't show", () => {
    const measure = bundledMeasure();
    const cases = [
      ["classic", [], ""],
      ["teaser", ["billing"], "Teaser doesn't show the billing block: kept in the design"],
      [
        "minimal",
        ["aboveTitle", "tagline", "billing", "date"],
        "Minimal doesn't show the above-the-title credits, tagline, billing block and release date: kept in the design",
      ],
    ] as const;
    for (const [template, hidden, warning] of cases) {
      const design = designSchema.parse({ template, ...typed });
      expect(design).toMatchObject(typed);
      expect(hiddenFields(design)).toEqual(hidden);
      const { boxes, warnings } = layoutDesign(design, W, H, { measure });
      expect(boxes.map((b) => b.layer).filter((l) => (hidden as readonly string[]).includes(l))).toEqual([]);
      if (warning) expect(warnings.join(" ")).toContain(warning);
      else expect(warnings).toEqual([]);
    }
  });
});
