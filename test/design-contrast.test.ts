import { describe, expect, it } from "vitest";
import { contrastAgainst, contrastRatio, parseHex, relativeLuminance } from "@/lib/design/contrast";
import { AUTO_COLORS, autoColor } from "@/lib/design/render";

const ratio = (a: string, b: string) => {
  const [x, y] = [parseHex(a), parseHex(b)];
  if (!x || !y) throw new Error("bad colour");
  return contrastRatio(relativeLuminance(x), relativeLuminance(y));
};

// WCAG 2's documented values (Understanding SC 1.4.3 and its techniques G17/G18).
describe("WCAG contrast", () => {
  it("gives black on white 21:1, and a colour on itself 1:1", () => {
    expect(ratio("#000000", "#ffffff")).toBeCloseTo(21, 6);
    expect(ratio("#ffffff", "#000")).toBeCloseTo(21, 6);
    expect(ratio("#336699", "#336699")).toBe(1);
  });

  it("gives #777 on white 4.48:1 (just under AA's 4.5) and #767676 4.54:1 (the lightest grey that passes)", () => {
    expect(ratio("#777", "#fff")).toBeCloseTo(4.48, 2);
    expect(ratio("#767676", "#fff")).toBeCloseTo(4.54, 2);
  });

  it("gives the relative luminance of white 1, black 0, and pure primaries their coefficients", () => {
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 9);
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 0, 0])).toBeCloseTo(0.2126, 9);
    expect(relativeLuminance([0, 255, 0])).toBeCloseTo(0.7152, 9);
  });

  it("refuses what isn't a hex colour", () => {
    expect(parseHex("white")).toBeUndefined();
    expect(parseHex("#12345")).toBeUndefined();
  });
});

describe("contrast against the art under a box", () => {
  // A 10×4 RGBA picture: left half white, right half black.
  const pixels = { width: 10, height: 4, data: new Uint8ClampedArray(10 * 4 * 4) };
  for (let y = 0; y < 4; y++)
    for (let x = 0; x < 10; x++) pixels.data.fill(x < 5 ? 255 : 0, (y * 10 + x) * 4, (y * 10 + x) * 4 + 3);

  it("reads only the pixels inside the box", () => {
    expect(contrastAgainst("#000000", pixels, { x: 0, y: 0, width: 5, height: 4 })?.ratio).toBeCloseTo(21, 6);
    expect(contrastAgainst("#ffffff", pixels, { x: 5, y: 0, width: 5, height: 4 })?.ratio).toBeCloseTo(21, 6);
  });

  it("says how bad the worst part of a mixed background is", () => {
    const half = contrastAgainst("#ffffff", pixels, { x: 0, y: 0, width: 10, height: 4 });
    expect(half?.worst).toBeCloseTo(1, 6); // white text over the white half
    expect(half?.ratio).toBeLessThan(3);
  });

  it("has nothing to say about a box off the picture", () => {
    expect(contrastAgainst("#ffffff", pixels, { x: 20, y: 0, width: 5, height: 4 })).toBeUndefined();
  });
});

describe("the automatic colour", () => {
  // A flat picture, 100×300, as the renderer decodes art (RGB).
  const flat = (rgb: [number, number, number]) => {
    const data = Buffer.alloc(100 * 300 * 3);
    for (let i = 0; i < data.length; i += 3) data.set(rgb, i);
    return { data, width: 100, height: 300, channels: 3 as const };
  };
  const box = (y: number) => ({
    layer: "tagline" as const,
    font: "oswald" as const,
    lines: ["Cold comes first"],
    rows: [],
    x: 10,
    y,
    width: 80,
    height: 12,
    measure: 80,
    fontSize: 10,
    lineHeight: 1.2,
    inkWidth: 60,
  });
  const tagline = box(15);

  it("sets dark type on a pale sky where the scrim doesn't reach (a teaser's tagline, mid-poster)", () => {
    // The scrim's gradients leave 28%–45% of the height untouched; this once darkened every box as if it were there.
    expect(autoColor(flat([200, 215, 235]), box(130), 0.55)).toBe(AUTO_COLORS.dark);
    expect(autoColor(flat([223, 239, 255]), tagline, 0.55)).toBe(AUTO_COLORS.dark);
  });

  it("sets light type on dark art, and on mid-tone art the scrim has darkened", () => {
    expect(autoColor(flat([20, 30, 50]), tagline, 0.55)).toBe(AUTO_COLORS.light);
    expect(autoColor(flat([120, 120, 120]), tagline, 1)).toBe(AUTO_COLORS.light);
    expect(autoColor(flat([120, 120, 120]), tagline, 0)).toBe(AUTO_COLORS.dark);
  });
});
