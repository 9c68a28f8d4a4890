import { describe, expect, it } from "vitest";
import { lockedChanges } from "@/lib/campaigns/design";
import { brandKitSchema } from "@/lib/campaigns/schema";
import { layoutDesign } from "@/lib/design/layout";
import { bundledMeasure } from "@/lib/design/metrics";
import { designSchema } from "@/lib/design/schema";

// Layers placed on the canvas (design.layers): where the layout puts them, and that designs without any lay out as
// before.

const measure = bundledMeasure();
const base = {
  template: "classic",
  title: "Midnight Harbor",
  aboveTitle: "ALEX RIVERA  SAM CHEN",
  tagline: "Some secrets surface at low tide.",
  billing: "A NORTHLIGHT PICTURES PRODUCTION  A FILM BY JANE DOE\nSTARRING ALEX RIVERA  SAM CHEN  MORGAN LEE",
  date: "In cinemas March 2027",
} as const;
const at = (layers?: unknown) => layoutDesign(designSchema.parse({ ...base, layers }), 832, 1216, { measure });
const box = (layout: ReturnType<typeof at>, layer: string) => {
  const found = layout.boxes.find((b) => b.layer === layer);
  if (!found) throw new Error(`no ${layer} box`);
  return found;
};

describe("placed layers", () => {
  it("lays out a design with no placements, or an empty set, exactly as the template does", () => {
    const template = at();
    expect(at({})).toEqual(template);
    // The template's place, for reference: the title in the lower half, the tagline at the top.
    expect(box(template, "title").y).toBeGreaterThan(1216 / 2);
    expect(box(template, "tagline").y).toBeLessThan(1216 * 0.1);
  });

  it("centres a placed layer on its x, y and leaves the others where the template put them", () => {
    const template = at();
    const moved = at({ title: { x: 0.3, y: 0.2 } });
    const title = box(moved, "title");
    expect(title.x + title.width / 2).toBeCloseTo(0.3 * 832, 6);
    expect(title.y + title.height / 2).toBeCloseTo(0.2 * 1216, 6);
    expect(title.lines).toEqual(box(template, "title").lines);
    expect(title.fontSize).toBe(box(template, "title").fontSize);
    for (const layer of ["aboveTitle", "tagline", "billing", "date"])
      expect(box(moved, layer)).toEqual(box(template, layer));
  });

  it("scales a layer's type, box and ink together, keeping its lines", () => {
    const template = box(at(), "tagline");
    const scaled = box(at({ tagline: { x: 0.5, y: 0.5, scale: 1.5 } }), "tagline");
    expect(scaled.fontSize).toBeCloseTo(template.fontSize * 1.5, 9);
    expect(scaled.height).toBeCloseTo(template.height * 1.5, 9);
    expect(scaled.inkWidth).toBeCloseTo(template.inkWidth * 1.5, 9);
    expect(scaled.rows.map((r) => r.size)).toEqual(template.rows.map((r) => r.size * 1.5));
    expect(scaled.lines).toEqual(template.lines);
  });

  it("measures each layer's ink no wider than its box, and narrower than the safe width for a short line", () => {
    const layout = at();
    for (const b of layout.boxes) {
      expect(b.inkWidth).toBeGreaterThan(0);
      expect(b.inkWidth).toBeLessThanOrEqual(b.width + 1e-9);
    }
    expect(box(layout, "date").inkWidth).toBeLessThan(box(layout, "date").width * 0.8);
  });

  it("refuses placements off the poster, odd scales and unknown layers, in plain sentences", () => {
    const refused = (layers: unknown) => {
      const r = designSchema.safeParse({ ...base, layers });
      return r.success ? "" : r.error.issues.map((i) => i.message).join(" ");
    };
    expect(refused({ title: { x: 1.2, y: 0.5 } })).toBe("A layer's x must be at most 1.");
    expect(refused({ title: { x: 0.5, y: 0.5, scale: 9 } })).toBe("A layer's scale must be at most 4.");
    expect(refused({ poster: { x: 0.5, y: 0.5 } })).toBe("Unknown layer: poster.");
  });
});

describe("a brand kit's locks on placed layers", () => {
  const kit = brandKitSchema.parse({
    titleFont: "bebas-neue",
    textFont: "oswald",
    billingFont: "league-gothic",
    locked: ["titleSize"],
  });
  const design = (layers?: unknown) => designSchema.parse({ ...base, layers });

  it("counts scaling the title on the canvas as changing the locked title size; moving it is free", () => {
    expect(lockedChanges(kit, design(), design({ title: { x: 0.4, y: 0.3 } }))).toEqual([]);
    expect(lockedChanges(kit, design(), design({ title: { x: 0.4, y: 0.3, scale: 1.5 } }))).toEqual(["titleSize"]);
    // The tagline's scale isn't the title's size.
    expect(lockedChanges(kit, design(), design({ tagline: { x: 0.5, y: 0.1, scale: 2 } }))).toEqual([]);
  });
});
