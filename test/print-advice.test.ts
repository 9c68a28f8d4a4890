import { describe, expect, it } from "vitest";
import { type Reach, resolutionWarning, upscaleAdvice, upscaleReach } from "@/lib/print/print-advice";
import { resolveSize } from "@/lib/print/sizes";

// What each upscaler would make of the art at a print size, against numbers worked out by hand from the catalogue's
// rules (lib/models/operations/upscale.ts: Fast is exactly 4× of an input fitted to ≤ 1,536 px a side and
// ≤ 1,048,576 px; Conservative takes ≤ 9,437,184 px at ≤ 1:2.5, Creative ≤ 1,048,576 px, both ×4 with the long side
// capped at 4,096), placed as a master places art (cover the page = trim + bleed, ppi rounded down).

const oneSheet = resolveSize("us-one-sheet"); // 27×40 in + 0.125 in bleed: a 27.25×40.25 in page
const oneSheetNoBleed = resolveSize("us-one-sheet", 0); // 27×40 in, ratio 0.675

const summary = (reach: Reach[]) =>
  reach.map((r) => (r.fits ? [r.mode, `${r.output.width}×${r.output.height}`, r.ppi] : [r.mode, "refused"]));

describe("upscaleReach / upscaleAdvice", () => {
  it("832×1248 at 27×40 in: 30 ppi, and no upscaler reaches 150", () => {
    // Page 27×40, ratio 0.675. Native: 832/1248 = 0.667 < 0.675, so the full width stays and the height used is
    // round(832 / 0.675) = 1233: min(832/27, 1233/40) = min(30.81, 30.83) → 30 ppi.
    // Fast: 832×1248 = 1,038,336 px fits as it is → ×4 = 3328×4992; height used round(3328 / 0.675) = 4930:
    //   min(3328/27, 4930/40) = min(123.26, 123.25) → 123 ppi.
    // Conservative and Creative: fit as they are; ×min(4, 4096/1248 = 3.282) → round(2730.7) = 2731 × 4096; height
    //   used round(2731 / 0.675) = 4046: min(2731/27, 4046/40) = min(101.15, 101.15) → 101 ppi.
    const advice = upscaleAdvice({ width: 832, height: 1248 }, oneSheetNoBleed);
    expect(advice.ppi).toBe(30);
    expect(summary(advice.reach)).toEqual([
      ["fast", "3328×4992", 123],
      ["conservative", "2731×4096", 101],
      ["creative", "2731×4096", 101],
    ]);
    // Fast is sharper for $0.03 than the others for $0.40 and $0.60: it alone is worth running, and it falls short.
    expect(advice.useful.map((r) => r.mode)).toEqual(["fast"]);
    expect(advice.target).toBe(150);
    expect(advice.recommended).toBeUndefined();
    expect(resolutionWarning(advice, oneSheetNoBleed)).toBe(
      "30 ppi at 27×40 in: below 150 ppi, so it prints soft. No upscaler reaches 150 ppi at this size; " +
        "Fast 4× comes closest: 123 ppi for $0.03.",
    );
  });

  it("with the one-sheet's bleed the page is 27.25×40.25 in, a little less sharp", () => {
    // Ratio 27.25/40.25 = 0.67702. Native: height used round(832 / 0.67702) = 1229: min(30.53, 30.53) → 30.
    // Fast 3328×4992: height used round(3328 / 0.67702) = 4916: min(3328/27.25, 4916/40.25) = min(122.13, 122.14) → 122.
    const advice = upscaleAdvice({ width: 832, height: 1248 }, oneSheet);
    expect([advice.ppi, advice.useful[0]?.ppi]).toEqual([30, 122]);
  });

  it("already upscaled (Fast 4× of 832×1216 = 3328×4864): 120 ppi, and nothing beats it", () => {
    // Native: 3328/4864 = 0.6842 > 0.67702, so the full height stays and the width used is round(4864 × 0.67702) =
    //   3293: min(3293/27.25, 4864/40.25) = min(120.84, 120.84) → 120 ppi.
    // Fast: 16,187,392 px shrunk by min(√(1,048,576/16,187,392) = 0.25451, 1536/4864 = 0.3158) → floor: 847×1237
    //   (1,047,739 px) → ×4 = 3388×4948; width used round(4948 × 0.67702) = 3350: min(122.94, 122.93) → 122 ppi.
    //   122 / 120 < 1.1: not worth a run.
    // Conservative: shrunk by √(9,437,184/16,187,392) = 0.76354 → 2541×3713; ×(4096/3713 = 1.10315) → 2803×4096;
    //   width used round(4096 × 0.67702) = 2773: min(101.76, 101.76) → 101 ppi: less than now.
    // Creative: shrunk to 847×1237 as Fast; ×(4096/1237 = 3.31124) → round(2804.6) = 2805 × 4096 → 101 ppi.
    const art = { width: 3328, height: 4864 };
    const advice = upscaleAdvice(art, oneSheet);
    expect(advice.ppi).toBe(120);
    expect(summary(advice.reach)).toEqual([
      ["fast", "3388×4948", 122],
      ["conservative", "2803×4096", 101],
      ["creative", "2805×4096", 101],
    ]);
    const fast = advice.reach[0];
    expect(fast?.fits && fast.input).toEqual({ width: 847, height: 1237 });
    expect(advice.useful).toEqual([]);
    expect(advice.recommended).toBeUndefined();
    expect(resolutionWarning(advice, oneSheet, art)).toBe(
      "120 ppi at 27×40 in: below 150 ppi, so it prints soft. Already upscaled: best art is 3328×4864, and no " +
        "upscaler makes it sharper at this size.",
    );
  });

  it("recommends the cheapest run that reaches 150 ppi: 832×1216 at 18×24 in", () => {
    // Page 18.25×24.25 in, ratio 0.75258. Native: 832/1216 = 0.684 < 0.75258, height used round(832 / 0.75258) =
    //   1106: min(832/18.25, 1106/24.25) = min(45.59, 45.61) → 45 ppi.
    // Fast: 3328×4864, height used round(3328 / 0.75258) = 4422: min(182.36, 182.35) → 182 ppi.
    // Conservative, Creative: ×(4096/1216 = 3.36842) → round(2802.5) = 2803 × 4096; height used
    //   round(2803 / 0.75258) = 3725: min(2803/18.25, 3725/24.25) = min(153.59, 153.61) → 153 ppi: they reach 150
    //   too, but Fast is sharper for less.
    const size = resolveSize({ widthIn: 18, heightIn: 24 });
    const advice = upscaleAdvice({ width: 832, height: 1216 }, size);
    expect(advice.ppi).toBe(45);
    expect(summary(advice.reach)).toEqual([
      ["fast", "3328×4864", 182],
      ["conservative", "2803×4096", 153],
      ["creative", "2803×4096", 153],
    ]);
    expect(advice.recommended?.mode).toBe("fast");
    expect(resolutionWarning(advice, size)).toBe(
      "45 ppi at 18×24 in: upscale the art for ≥ 150 ppi (Fast 4× reaches 182 ppi for $0.03).",
    );
  });

  it("leaves out a mode that can't take the art, saying why", () => {
    // 2000×600 is 1:3.33: Conservative takes at most 1:2.5. Fast shrinks it to its 1,536 px side: ×0.768 → floor
    // 1536×460 → ×4 = 6144×1840. Creative shrinks it to 1,048,576 px: ×0.93477 → 1869×560 → ×(4096/1869) → 4096×1227.
    const reach = upscaleReach({ width: 2000, height: 600 }, resolveSize({ widthIn: 30, heightIn: 9 }));
    expect(reach.map((r) => (r.fits ? `${r.output.width}×${r.output.height}` : r.reason))).toEqual([
      "6144×1840",
      "The art is 2,000×600 px: its sides must be within 1:2.5 of each other (it is 1:3.33).",
      "4096×1227",
    ]);
  });

  it("says nothing at 300 ppi and more", () => {
    // 832×1216 on a 2×3 in card (+ bleed: 2.25×3.25 in): min(832/2.25, 1216/3.25) → far above 300.
    const size = resolveSize({ widthIn: 2, heightIn: 3 });
    const advice = upscaleAdvice({ width: 832, height: 1216 }, size);
    expect(advice.target).toBeNull();
    expect(resolutionWarning(advice, size)).toBeUndefined();
  });
});
