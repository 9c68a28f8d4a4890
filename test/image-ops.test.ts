import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { erase, growMask, inpaint, outpaint, readMask, removeBackground } from "@/local/image-ops";
import { encode, maskPng, outside, pattern, pixel, raw } from "./support/images";

// Pixel-level checks of the offline emulator's editing operations (outpaint, masks, inpaint, erase, cut-out).
// Inputs are built from formulas, so every expected value is computed independently of the code under test.

describe("outpaint", () => {
  it("returns the source plus the margins, with the source byte-equal in place", async () => {
    const src = await pattern(200, 150);
    const out = await raw(await outpaint(src, { left: 40, right: 10, up: 0, down: 60 }, 11, "a foggy harbour"));
    expect([out.width, out.height]).toEqual([250, 210]);
    const before = await raw(src);
    for (let y = 0; y < 150; y++) {
      for (let x = 0; x < 200; x++) expect(pixel(out, x + 40, y)).toEqual(pixel(before, x, y));
    }
  });

  it("continues the edges into the margins and fills them with varied art", async () => {
    const src = await encode(128, 128, (x) => (x < 64 ? [220, 30, 30] : [20, 40, 220]));
    const out = await raw(await outpaint(src, { left: 0, right: 0, up: 64, down: 0 }, 3, "night"));
    // Just above the source the top edge carries on: red over the red half, blue over the blue half.
    const [r1, , b1] = pixel(out, 20, 62);
    const [r2, , b2] = pixel(out, 108, 62);
    expect(r1).toBeGreaterThan(150);
    expect(b2).toBeGreaterThan(150);
    expect(b1).toBeLessThan(100);
    expect(r2).toBeLessThan(100);
    const margin = new Set<string>();
    for (let y = 0; y < 64; y += 4) for (let x = 0; x < 128; x += 4) margin.add(pixel(out, x, y).join());
    expect(margin.size).toBeGreaterThan(20);
  });

  it("refuses a negative or fractional margin", async () => {
    await expect(outpaint(await pattern(64, 64), { left: -1, right: 0, up: 0, down: 0 }, 1)).rejects.toThrow(/left/);
    await expect(outpaint(await pattern(64, 64), { left: 0, right: 0, up: 2.5, down: 0 }, 1)).rejects.toThrow(/up/);
  });
});

describe("masks", () => {
  it("resizes a mask of another size to the image and keeps grey as partial", async () => {
    const small = await encode(10, 10, (x) => (x < 5 ? [0, 0, 0] : [128, 128, 128]));
    const m = await readMask(small, 40, 20);
    expect(m.length).toBe(800);
    expect(m[5 * 40 + 2]).toBe(0);
    expect(m[5 * 40 + 35]).toBeGreaterThan(100);
    expect(m[5 * 40 + 35]).toBeLessThan(160);
  });

  it("grows by exactly grow px, softly, and never weakens the original mask", async () => {
    const w = 60;
    const mask = new Uint8Array(w * w);
    for (let y = 20; y < 40; y++) for (let x = 20; x < 40; x++) mask[y * w + x] = 255;
    const grown = await growMask(mask, w, w, 5);
    expect(grown[30 * w + 30]).toBe(255);
    expect(grown[30 * w + 20]).toBe(255);
    expect(grown[30 * w + 15]).toBeGreaterThan(0); // 5 px left of the mask
    expect(grown[30 * w + 14]).toBe(0); // 6 px left
    expect(grown[30 * w + 17]).toBeLessThan(255); // the grown ring is soft
    expect(grown[30 * w + 44]).toBeGreaterThan(0);
    expect(grown[30 * w + 45]).toBe(0);
  });
});

describe("inpaint", () => {
  it("changes only the (resized, grown) white area of the mask", async () => {
    const src = await pattern(160, 120);
    // A mask at half the image's size: the white box maps to [40,80)×[30,70) on the image (resizing softens its
    // edge by up to 1 px, then grow_mask adds 5).
    const mask = await maskPng(80, 60, (x, y) => x >= 20 && x < 40 && y >= 15 && y < 35);
    const [before, after] = await Promise.all([
      raw(src),
      inpaint(src, mask, { growMask: 5 }, 42, "a red sports car").then(raw),
    ]);
    expect([after.width, after.height]).toEqual([160, 120]);
    let changedInside = 0;
    for (let y = 0; y < 120; y++) {
      for (let x = 0; x < 160; x++) {
        if (outside(x, y, [40, 30, 80, 70], 6)) expect(pixel(after, x, y)).toEqual(pixel(before, x, y));
        else if (!outside(x, y, [40, 30, 80, 70], 0) && pixel(after, x, y).join() !== pixel(before, x, y).join())
          changedInside++;
      }
    }
    expect(changedInside).toBeGreaterThan(0.9 * 40 * 40);
  });

  it("without a mask repaints the transparent pixels and keeps the opaque ones", async () => {
    const src = await encode(96, 64, (x, y) => [x * 2, y * 3, 90, x >= 30 && x < 60 && y >= 20 && y < 40 ? 0 : 255]);
    const [before, after] = await Promise.all([
      raw(src),
      inpaint(src, undefined, { growMask: 0 }, 7, "fire").then(raw),
    ]);
    for (let y = 0; y < 64; y++) {
      for (let x = 0; x < 96; x++) {
        if (outside(x, y, [30, 20, 60, 40], 0)) expect(pixel(after, x, y)).toEqual(pixel(before, x, y));
        else expect(pixel(after, x, y)[3]).toBe(255);
      }
    }
  });
});

describe("erase", () => {
  it("fills the masked object from its surroundings and leaves the rest byte-equal", async () => {
    // Red left half, blue right half, a black "lamp post" in the red half.
    const src = await encode(200, 100, (x, y) =>
      x >= 40 && x < 60 && y >= 30 && y < 70 ? [0, 0, 0] : x < 100 ? [200, 20, 20] : [20, 20, 200],
    );
    const mask = await maskPng(200, 100, (x, y) => x >= 40 && x < 60 && y >= 30 && y < 70);
    const [before, after] = await Promise.all([raw(src), erase(src, mask, { growMask: 3 }, 5).then(raw)]);
    for (let y = 0; y < 100; y++) {
      for (let x = 0; x < 200; x++) {
        if (outside(x, y, [40, 30, 60, 70], 4)) expect(pixel(after, x, y)).toEqual(pixel(before, x, y));
      }
    }
    const [r, g, b] = pixel(after, 50, 50);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(80);
  });

  it("without a mask fills the transparent pixels from around them", async () => {
    const src = await encode(80, 60, (x, y) => [30, 160, 60, x >= 30 && x < 50 && y >= 20 && y < 40 ? 0 : 255]);
    const [before, after] = await Promise.all([raw(src), erase(src, undefined, { growMask: 0 }, 2).then(raw)]);
    for (let y = 0; y < 60; y++) {
      for (let x = 0; x < 80; x++) {
        if (outside(x, y, [30, 20, 50, 40], 0)) expect(pixel(after, x, y)).toEqual(pixel(before, x, y));
      }
    }
    const [r, g, b, a] = pixel(after, 40, 30);
    expect(a).toBe(255);
    expect(Math.abs((r as number) - 30) + Math.abs((g as number) - 160) + Math.abs((b as number) - 60)).toBeLessThan(
      15,
    );
  });
});

describe("removeBackground", () => {
  const subject = () =>
    encode(120, 90, (x, y) =>
      (x - 60) ** 2 + (y - 45) ** 2 < 25 ** 2 ? [230, 40 + (x % 5), 30] : [40 + (y % 3), 110, 200 + (x % 4)],
    );

  it("returns RGBA of the same size: alpha 0 on the background, 255 on the subject", async () => {
    const out = await raw(await removeBackground(await subject()));
    const meta = await sharp(await removeBackground(await subject())).metadata();
    expect(meta.hasAlpha).toBe(true);
    expect([out.width, out.height]).toEqual([120, 90]);
    for (let x = 0; x < 120; x++) {
      expect(pixel(out, x, 0)[3]).toBe(0);
      expect(pixel(out, x, 89)[3]).toBe(0);
    }
    for (let y = 0; y < 90; y++) expect(pixel(out, 0, y)[3]).toBe(0);
    expect(pixel(out, 60, 45)[3]).toBe(255);
    expect(pixel(out, 60, 25)[3]).toBe(255);
    expect(pixel(out, 10, 45)[3]).toBe(0);
  });

  it("keeps background-coloured parts inside the subject (only what touches the border is cut)", async () => {
    // A red ring around a blue centre, on the same blue: the centre is enclosed by the subject, so it stays.
    const ring = await encode(120, 90, (x, y) => {
      const d = Math.hypot(x - 60, y - 45);
      return d < 30 && d >= 15 ? [230, 40, 30] : [40, 110, 200];
    });
    const out = await raw(await removeBackground(ring));
    expect(pixel(out, 5, 5)[3]).toBe(0);
    expect(pixel(out, 60, 22)[3]).toBe(255);
    expect(pixel(out, 60, 45)[3]).toBe(255);
  });

  it("works on a JPEG (no alpha in the input)", async () => {
    const jpeg = await sharp(await subject())
      .jpeg({ quality: 95 })
      .toBuffer();
    const out = await raw(await removeBackground(jpeg));
    expect(pixel(out, 2, 2)[3]).toBe(0);
    expect(pixel(out, 60, 45)[3]).toBe(255);
  });
});
