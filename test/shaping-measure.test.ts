import { describe, expect, it } from "vitest";
import { layoutDesign, type TextBox } from "@/lib/design/layout";
import { bundledMeasure } from "@/lib/design/metrics";
import { designSchema } from "@/lib/design/schema";
import { shapedMeasure } from "@/lib/design/shaping/measure";
import { shaper } from "@/lib/design/shaping/shaper";

// The layout measuring with shaped widths (the plan's first step) against the widths the lettering is drawn with.
// billing.ts spreads a justified block to its longest line's natural width, whose credits are then exactly its least
// gap apart (0.9 em, billing.ts CREDIT_GAP) — true only if the measure is what gets drawn.

const BILLING = "A WAYFARER FILM  STARRING AVA WATTS  TRAVIS VALLOT\nMUSIC BY K. OSEI  EDITED BY P. NOVAK";
const design = designSchema.parse({
  template: "classic",
  title: "Avatar",
  billing: BILLING,
  billingFont: "bebas-neue",
});

/** How far the block's fullest row, drawn with the shaped widths at its least spacing (credits 0.9 em apart, as
 * billing.ts sets them), falls short of the block's measure, in px: 0 when the layout measured what is drawn. */
async function shortfall(box: TextBox) {
  const s = await shaper([box.font]);
  const natural = box.rows.map(
    (row) =>
      row.items.reduce((w, item) => w + s.measure(box.font, item, row.size, row.letterSpacing), 0) +
      (row.items.length - 1) * 0.9 * row.size,
  );
  return box.measure - Math.max(...natural);
}

const billingOf = (boxes: TextBox[]) => {
  const box = boxes.find((b) => b.layer === "billing");
  if (!box) throw new Error("no billing box");
  return box;
};

describe("measuring with shaped widths", () => {
  it("fills the block's measure with its fullest row at its least spacing, where unkerned widths leave it short", async () => {
    const shaped = billingOf(layoutDesign(design, 832, 1216, { measure: await shapedMeasure() }).boxes);
    expect(Math.abs(await shortfall(shaped))).toBeLessThan(0.01);
    // Today the measure adds up unkerned advances: the drawn line comes out short, its gaps opened up to fill it.
    const today = billingOf(layoutDesign(design, 832, 1216, { measure: bundledMeasure() }).boxes);
    expect(await shortfall(today)).toBeGreaterThan(2);
  });

  it("measures what shapeLine sets, kerned, with CSS tracking", async () => {
    const measure = await shapedMeasure(["bebas-neue"]);
    const s = await shaper(["bebas-neue"]);
    expect(measure("AVATAR", "bebas-neue", 100, 0.05)).toBeCloseTo(
      s.shapeLine("bebas-neue", "AVATAR").width * 100 + 30,
      6,
    );
    expect(measure("AVATAR", "bebas-neue", 100)).toBeLessThan(bundledMeasure()("AVATAR", "bebas-neue", 100));
  });
});
