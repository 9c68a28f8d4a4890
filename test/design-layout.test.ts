import { describe, expect, it } from "vitest";
import { BILLING_MIN_RATIO, layoutDesign } from "@/lib/design/layout";
import { bundledMeasure } from "@/lib/design/metrics";
import { designSchema, TEMPLATES } from "@/lib/design/schema";
import { fieldErrors } from "@/lib/models";
import { STABLE_IMAGE_SIZES } from "@/lib/models/stable-image";

const full = designSchema.parse({
  template: "classic",
  title: "Midnight Harbor",
  tagline: "Some secrets surface at low tide.",
  billing:
    "A NORTHLIGHT PICTURES PRODUCTION  A FILM BY JANE DOE\nSTARRING ALEX RIVERA  SAM CHEN  MORGAN LEE\nMUSIC BY K. OSEI  EDITED BY P. NOVAK  DIRECTED BY JANE DOE",
  date: "In cinemas March 2027",
});

// The fonts' own metrics, as the renderer lays out with.
const measure = bundledMeasure();

const overlap = (a: { y: number; height: number }, b: { y: number; height: number }) =>
  a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(Object.keys(TEMPLATES))("template %s", (template) => {
  it.each(Object.entries(STABLE_IMAGE_SIZES))(
    "lays out every layer inside a %s canvas, without overlaps",
    (_ratio, size) => {
      const { boxes } = layoutDesign(
        { ...full, template: template as keyof typeof TEMPLATES },
        size.width,
        size.height,
        { measure },
      );
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
        expect(box.fontSize).toBeGreaterThan(8);
      }
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) expect(overlap(a, b), `${a.layer}/${b.layer}`).toBe(false);
      const title = boxes.find((b) => b.layer === "title");
      const billing = boxes.find((b) => b.layer === "billing");
      if (title && billing) expect(billing.fontSize).toBeGreaterThanOrEqual(title.fontSize * BILLING_MIN_RATIO - 1e-9);
    },
  );
});

describe("layout rules", () => {
  it("places classic layers in poster order: tagline, title, date, billing", () => {
    const { boxes } = layoutDesign(full, 832, 1216, { measure });
    const y = (layer: string) => boxes.find((b) => b.layer === layer)?.y ?? Number.NaN;
    expect(y("tagline")).toBeLessThan(y("title"));
    expect(y("title")).toBeLessThan(y("date"));
    expect(y("date")).toBeLessThan(y("billing"));
    expect(y("title")).toBeGreaterThan(1216 / 2); // the lower half
  });

  it("keeps credits at 15% of the title at least, and says so when the settings would break that", () => {
    const long = { ...full, titleSize: 24, billing: `${"VERY LONG CREDIT NAME ".repeat(8)}\nSECOND LINE` };
    const { boxes, warnings } = layoutDesign(long, 832, 1216, { measure });
    const title = boxes.find((b) => b.layer === "title");
    const billing = boxes.find((b) => b.layer === "billing");
    expect(billing?.fontSize).toBeGreaterThanOrEqual((title?.fontSize ?? 0) * BILLING_MIN_RATIO - 1e-9);
    expect(warnings.join(" ")).toMatch(/15% of the title/);
  });

  it("shows the title only in Minimal, and tells the user", () => {
    const { boxes, warnings } = layoutDesign({ ...full, template: "minimal" }, 832, 1216, { measure });
    expect(boxes.map((b) => b.layer)).toEqual(["title"]);
    expect(warnings[0]).toBe(
      "Minimal doesn't show the tagline, billing block and release date: kept in the design, and shown again with a template that has them.",
    );
  });
});

describe("design schema", () => {
  it("rejects empty designs, unknown fonts, absurd sizes and huge text with field messages", () => {
    const bad = (input: object) => {
      const result = designSchema.safeParse(input);
      return result.success ? {} : fieldErrors(result.error);
    };
    expect(bad({ template: "classic" }).title).toBe(
      "Add some text: a title, a tagline, a billing block or a release date.",
    );
    expect(bad({ template: "classic", title: "x", titleFont: "comic-sans" }).titleFont).toMatch(
      /^Pick one of the fonts/,
    );
    expect(bad({ template: "classic", title: "x", titleSize: 500 }).titleSize).toBe("Title size must be at most 24.");
    expect(bad({ template: "classic", title: "x".repeat(10_000) }).title).toBe("Keep the title under 60 characters.");
    expect(bad({ template: "poster", title: "x" }).template).toBe("Pick a template: classic, teaser or minimal.");
    expect(bad({ template: "classic", title: "x", colour: "red" }).colour).toBe("Unknown design setting: colour.");
  });
});
