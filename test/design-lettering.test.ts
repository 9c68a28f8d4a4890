import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fontFiles } from "@/lib/design/fonts";
import { layoutDesign, type TextBox } from "@/lib/design/layout";
import { bundledMeasure, bundledMetrics, mergeMetrics, readMetrics } from "@/lib/design/metrics";
import { designSchema } from "@/lib/design/schema";

// Lettering a poster designer signs off: the credits the user spaced apart stay apart, the billing block is one
// measure, quotes are typographer's quotes, titles break where the user broke them and otherwise in balanced lines.
const measure = bundledMeasure();
const layout = (fields: object, width = 832, height = 1216) =>
  layoutDesign(designSchema.parse({ template: "classic", ...fields }), width, height, { measure });
const boxOf = (boxes: TextBox[], layer: string) => {
  const box = boxes.find((b) => b.layer === layer);
  if (!box) throw new Error(`no ${layer} box`);
  return box;
};
/** A line's width as set, at its least spacing (no justification). */
const natural = (box: TextBox, line: string) => measure(line, box.font, box.fontSize, 0);

const BILLING =
  "A NORTHLIGHT PICTURES PRODUCTION  A FILM BY JANE DOE\nSTARRING ALEX RIVERA  SAM CHEN  MORGAN LEE\nMUSIC BY K. OSEI  EDITED BY P. NOVAK\nDIRECTED BY JANE DOE";

describe("billing block", () => {
  it("keeps the credits the user separated with two or more spaces apart, and single spaces inside a credit", () => {
    const { boxes } = layout({
      title: "Harbor",
      billing: "STARRING ALEX RIVERA   SAM CHEN  MORGAN LEE\nMUSIC BY K. OSEI",
    });
    const billing = boxOf(boxes, "billing");
    expect(billing.rows.map((r) => r.items)).toEqual([
      ["STARRING ALEX RIVERA", "SAM CHEN", "MORGAN LEE"],
      ["MUSIC", "BY", "K.", "OSEI"],
    ]);
  });

  it("justifies every line to one measure, with no line wider than it and no holes in the short ones", () => {
    for (const [width, height] of [
      [832, 1216],
      [1024, 1024],
      [1536, 640],
    ] as const) {
      const billing = boxOf(layout({ title: "Harbor", billing: BILLING }, width, height).boxes, "billing");
      expect(billing.rows).toHaveLength(4);
      for (const row of billing.rows) {
        expect(row.justify).toBe(true);
        // Each row is spread to the measure: its pieces at their tracking must fit inside it…
        const pieces = row.items.reduce((w, item) => w + measure(item, billing.font, row.size, row.letterSpacing), 0);
        expect(pieces).toBeLessThanOrEqual(billing.measure + 0.5);
        // …and what is left to spread between them is never more than 2.5 ems a gap.
        const gaps = (billing.measure - pieces) / (row.items.length - 1);
        expect(gaps / row.size, row.items.join("|")).toBeLessThan(2.5);
      }
      expect(billing.measure).toBeLessThanOrEqual(billing.width);
    }
  });

  it("sets straight quotes and apostrophes as typographer's quotes, in every layer", () => {
    const { boxes } = layout({
      title: "Don't Look",
      tagline: "She said \"run\". It wasn't enough, 'til the '90s.",
      billing: "A \"NORTHLIGHT\" PICTURE  O'BRIEN'S FILM",
      date: "Summer '27",
    });
    expect(boxOf(boxes, "title").lines).toEqual(["DON\u2019T LOOK"]);
    expect(boxOf(boxes, "tagline").lines.join(" ")).toBe(
      "She said \u201Crun\u201D. It wasn\u2019t enough, \u2019til the \u201990s.",
    );
    expect(boxOf(boxes, "billing").rows[0]?.items).toEqual([
      "A \u201CNORTHLIGHT\u201D PICTURE",
      "O\u2019BRIEN\u2019S FILM",
    ]);
    expect(boxOf(boxes, "date").lines).toEqual(["SUMMER \u201927"]);
  });
});

describe("title", () => {
  it("breaks where the user typed a newline, keeping the size rather than shrinking to two lines", () => {
    const { boxes } = layout({ template: "minimal", title: "Once Upon\na Time in\nHollywood", titleSize: 12 });
    const title = boxOf(boxes, "title");
    expect(title.lines).toEqual(["ONCE UPON", "A TIME IN", "HOLLYWOOD"]);
    expect(title.fontSize).toBeGreaterThan(0.12 * 832 * 0.8);
  });

  it("wraps automatically into lines of near-equal width, not a long line and a short one", () => {
    const { boxes } = layout({ template: "minimal", title: "The Girl Who Kicked the Hornet's Nest", titleSize: 16 });
    const title = boxOf(boxes, "title");
    expect(title.lines).toHaveLength(2);
    const [a = 0, b = 0] = title.lines.map((l) => natural(title, l));
    expect(Math.min(a, b) / Math.max(a, b)).toBeGreaterThan(0.8);
  });
});

describe("small capitals", () => {
  it("are read from each face's OpenType features: no bundled face has true small caps (smcp), so none are faked", () => {
    const faces = [...bundledMetrics()].map(([id, m]) => [id, m.features.has("smcp")]);
    expect(faces).toEqual([
      ["bebas-neue", false],
      ["anton", false],
      ["oswald", false],
      ["league-gothic", false],
      ["cinzel", false],
      ["fira-sans-extra-condensed", false],
      ["roboto-condensed", false],
    ]);
    // What the faces do offer is read, so a face with small caps would show up here.
    expect(bundledMetrics().get("anton")?.features.has("liga")).toBe(true);
  });
});

describe("measuring Greek and Cyrillic", () => {
  const advance = (file: string, c: string) => readMetrics(readFileSync(file)).advances.get(c.codePointAt(0) ?? 0);
  const [latin, , cyrillic] = fontFiles("oswald").map((f) => f.file);

  it("reads each character's advance from the subset that draws it, not the missing-glyph box", () => {
    const oswald = bundledMetrics().get("oswald");
    for (const c of "ЖМЯ") {
      expect(oswald?.advances.get(c.codePointAt(0) ?? 0), c).toBe(advance(cyrillic ?? "", c));
      expect(oswald?.advances.get(c.codePointAt(0) ?? 0), c).not.toBe(oswald?.fallback);
    }
    expect(oswald?.advances.get(65)).toBe(advance(latin ?? "", "A"));
    // A Greek title is measured as its letters: as wide as each letter's advance, summed.
    const fira = bundledMetrics().get("fira-sans-extra-condensed");
    const ems = [..."ΦΑΡΟΣ"].reduce((sum, c) => sum + (fira?.advances.get(c.codePointAt(0) ?? 0) ?? Number.NaN), 0);
    expect(measure("ΦΑΡΟΣ", "fira-sans-extra-condensed", 100)).toBeCloseTo(ems * 100, 6);
  });

  it("takes a code point two subsets map from the first, as satori draws it", () => {
    const a = { advances: new Map([[32, 0.2]]), fallback: 0.5, features: new Set(["liga"]) };
    const b = {
      advances: new Map([
        [32, 0.3],
        [1046, 0.7],
      ]),
      fallback: 0.6,
      features: new Set(["locl"]),
    };
    expect(mergeMetrics([a, b])).toEqual({
      advances: new Map([
        [32, 0.2],
        [1046, 0.7],
      ]),
      fallback: 0.5,
      features: new Set(["liga", "locl"]),
    });
  });
});
