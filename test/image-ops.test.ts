import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderPoster } from "@/local/art";
import {
  controlImage,
  erase,
  fourKSize,
  growMask,
  inpaint,
  outpaint,
  readMask,
  regionMask,
  removeBackground,
  searchRecolor,
  searchRegion,
  searchReplace,
  styleGuide,
  upscale,
  vary,
} from "@/local/image-ops";

// Pixel-level checks of the offline emulator's image operations. Inputs are built here from formulas, so every
// expected value is computed independently of the code under test.

interface Raw {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

async function raw(png: Buffer): Promise<Raw> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

function encode(width: number, height: number, px: (x: number, y: number) => [number, number, number, number?]) {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a = 255] = px(x, y);
      data.set([r, g, b, a], (y * width + x) * 4);
    }
  }
  return sharp(data, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

// A busy, non-repeating source: every pixel differs from its neighbours, so "unchanged" can't pass by accident.
const pattern = (width: number, height: number) =>
  encode(width, height, (x, y) => [(x * 255) / width, (y * 255) / height, (x * 7 + y * 13) % 256]);

// White where the predicate holds, black elsewhere (RGB, no alpha), as a painted mask would be.
const maskPng = (width: number, height: number, white: (x: number, y: number) => boolean) =>
  encode(width, height, (x, y) => (white(x, y) ? [255, 255, 255] : [0, 0, 0]));

function pixel(img: Raw, x: number, y: number): number[] {
  const i = (y * img.width + x) * img.channels;
  return [...img.data.subarray(i, i + img.channels)];
}

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

// Pixels farther than `grow` px (Chebyshev) from the rectangle [x0,x1)×[y0,y1).
const outside = (x: number, y: number, [x0, y0, x1, y1]: number[], grow: number) =>
  x < (x0 as number) - grow || x >= (x1 as number) + grow || y < (y0 as number) - grow || y >= (y1 as number) + grow;

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

  it("works on a JPEG (no alpha in the input)", async () => {
    const jpeg = await sharp(await subject())
      .jpeg({ quality: 95 })
      .toBuffer();
    const out = await raw(await removeBackground(jpeg));
    expect(pixel(out, 2, 2)[3]).toBe(0);
    expect(pixel(out, 60, 45)[3]).toBe(255);
  });
});

describe("upscale", () => {
  it("Fast Upscale returns exactly 4× each side", async () => {
    const meta = await sharp(await upscale(await pattern(50, 33), 4, 0)).metadata();
    expect([meta.width, meta.height]).toEqual([200, 132]);
  });

  it("the 4K rule: long side 4096 keeping the aspect, never shrinking", () => {
    expect(fourKSize(1024, 1536)).toEqual({ width: 2731, height: 4096 });
    expect(fourKSize(1024, 1024)).toEqual({ width: 4096, height: 4096 });
    expect(fourKSize(1600, 640)).toEqual({ width: 4096, height: 1638 });
    expect(fourKSize(5000, 2000)).toEqual({ width: 5000, height: 2000 });
  });

  it("Conservative/Creative reach the requested size; creativity adds seeded detail", async () => {
    const src = await pattern(96, 64);
    const size = { width: 384, height: 256 };
    const [plain, creativeA, creativeB] = await Promise.all([
      upscale(src, size, 1),
      upscale(src, size, 1, { creativity: 0.4 }),
      upscale(src, size, 2, { creativity: 0.4 }),
    ]);
    expect(await sharp(creativeA).metadata()).toMatchObject(size);
    expect(await sharp(plain).metadata()).toMatchObject(size);
    expect(creativeA.equals(plain)).toBe(false);
    expect(creativeA.equals(creativeB)).toBe(false);
  });

  it("upscales 1024×1536 to 4096×6144 in a few seconds", async () => {
    // A poster-like source (the emulator's own art), since that is what gets upscaled; noise would make the PNG 70 MB.
    const src = await renderPoster("a detective in a rainy harbour city at night", 5, 1024, 1536);
    const started = performance.now();
    const out = await upscale(src, 4, 0);
    const took = performance.now() - started;
    const meta = await sharp(out).metadata();
    expect([meta.width, meta.height]).toEqual([4096, 6144]);
    // About 2.5 s on this 2-CPU machine when idle; the margin is for other work sharing the CPUs.
    expect(took).toBeLessThan(10_000);
  }, 20_000);
});

describe("search and replace / recolor", () => {
  const changedOutsideBox = async (before: Buffer, after: Buffer, search: string) => {
    const [a, b] = await Promise.all([raw(before), raw(after)]);
    const r = searchRegion(search, a.width, a.height);
    let outsideChanged = 0;
    let insideChanged = 0;
    for (let y = 0; y < a.height; y++) {
      for (let x = 0; x < a.width; x++) {
        const differs = pixel(a, x, y).join() !== pixel(b, x, y).join();
        const d = Math.hypot((x + 0.5 - r.cx) / r.rx, (y + 0.5 - r.cy) / r.ry);
        if (d >= 1 && differs) outsideChanged++;
        if (d < 0.8 && differs) insideChanged++;
      }
    }
    return { outsideChanged, insideChanged, area: Math.PI * r.rx * r.ry * 0.64 };
  };

  it("replace changes the region the search text names, and nothing else", async () => {
    const src = await pattern(200, 160);
    const out = await searchReplace(src, "the red car", "a motorbike", 9);
    const { outsideChanged, insideChanged, area } = await changedOutsideBox(src, out, "the red car");
    expect(outsideChanged).toBe(0);
    expect(insideChanged).toBeGreaterThan(0.9 * area);
    expect(searchRegion("the red car", 200, 160)).not.toEqual(searchRegion("the lamp post", 200, 160));
  });

  it("recolor tints the selected region to the asked colour, keeping the rest", async () => {
    const src = await encode(200, 160, (x, y) => [128 + ((x + y) % 20), 128, 128]);
    const out = await searchRecolor(src, "her coat", "deep blue", 1);
    const { outsideChanged } = await changedOutsideBox(src, out, "her coat");
    expect(outsideChanged).toBe(0);
    const r = searchRegion("her coat", 200, 160);
    const [red, , blue] = pixel(await raw(out), Math.round(r.cx), Math.round(r.cy));
    expect(blue).toBeGreaterThan((red as number) + 40);
  });

  it("the region mask is soft-edged and zero outside the ellipse", () => {
    const m = regionMask({ cx: 50, cy: 50, rx: 20, ry: 10 }, 100, 100);
    expect(m[50 * 100 + 50]).toBe(255);
    expect(m[50 * 100 + 71]).toBe(0);
    expect(m[61 * 100 + 50]).toBe(0);
    expect(m[50 * 100 + 68]).toBeGreaterThan(0);
    expect(m[50 * 100 + 68]).toBeLessThan(255);
  });
});

describe("control, style guide, vary", () => {
  it("control art follows the control image's lines", async () => {
    // A sketch: black 4 px rectangle outline on white.
    const onLine = (x: number, y: number) =>
      (x >= 40 && x < 200 && y >= 60 && y < 240 && (x < 44 || x >= 196 || y < 64 || y >= 236)) as boolean;
    const sketch = await encode(240, 300, (x, y) => (onLine(x, y) ? [0, 0, 0] : [255, 255, 255]));
    const out = await raw(await controlImage(sketch, "a snowy mountain at dawn", 0.8, 4, { width: 240, height: 300 }));
    const free = await raw(await controlImage(sketch, "a snowy mountain at dawn", 0, 4, { width: 240, height: 300 }));
    expect([out.width, out.height]).toEqual([240, 300]);
    // Along the outline's left stroke (x 40–43) the art is much darker than the same art drawn free.
    let line = 0;
    let lineFree = 0;
    for (let y = 70; y < 230; y++) {
      for (let x = 40; x < 44; x++) {
        line += (pixel(out, x, y)[0] as number) + (pixel(out, x, y)[1] as number);
        lineFree += (pixel(free, x, y)[0] as number) + (pixel(free, x, y)[1] as number);
      }
    }
    expect(line).toBeLessThan(lineFree * 0.5);
    // Strength 0 ignores the control image entirely.
    const blank = await encode(240, 300, () => [255, 255, 255]);
    const freeBlank = await controlImage(blank, "a snowy mountain at dawn", 0, 4, { width: 240, height: 300 });
    const freeSketch = await controlImage(sketch, "a snowy mountain at dawn", 0, 4, { width: 240, height: 300 });
    expect(freeBlank.equals(freeSketch)).toBe(true);
  });

  it("style guide draws at the ratio's size with the reference's palette", async () => {
    const red = await encode(64, 64, (x) => [200 + (x % 40), 20, 30]);
    const blue = await encode(64, 64, (x) => [20, 30, 200 + (x % 40)]);
    const [fromRed, fromBlue] = await Promise.all([
      styleGuide(red, "a lighthouse", 0.9, "16:9", 3),
      styleGuide(blue, "a lighthouse", 0.9, "9:21", 3),
    ]);
    expect(await sharp(fromRed).metadata()).toMatchObject({ width: 1344, height: 768 });
    expect(await sharp(fromBlue).metadata()).toMatchObject({ width: 640, height: 1536 });
    const [r, , b] = (await sharp(fromRed).stats()).channels;
    const [r2, , b2] = (await sharp(fromBlue).stats()).channels;
    expect(r?.mean).toBeGreaterThan((b?.mean as number) + 60);
    expect(b2?.mean).toBeGreaterThan((r2?.mean as number) + 60);
  });

  it("vary keeps the input's size; strength 0 is the input, more strength moves further", async () => {
    const src = await pattern(150, 100);
    const before = await raw(src);
    const diff = async (strength: number) => {
      const out = await raw(await vary(src, "a neon city", strength, 8));
      expect([out.width, out.height]).toEqual([150, 100]);
      let sum = 0;
      for (let i = 0; i < out.data.length; i++) sum += Math.abs((out.data[i] as number) - (before.data[i] as number));
      return sum / out.data.length;
    };
    expect(await diff(0)).toBe(0);
    const subtle = await diff(0.2);
    const strong = await diff(0.9);
    expect(subtle).toBeGreaterThan(0);
    expect(strong).toBeGreaterThan(subtle * 2);
  });
});

describe("determinism", () => {
  it("the same inputs give identical bytes; another seed gives other art", async () => {
    const src = await pattern(120, 80);
    const mask = await maskPng(120, 80, (x, y) => x > 30 && x < 70 && y > 20 && y < 60);
    const runs = [
      (seed: number) => outpaint(src, { left: 20, right: 20, up: 10, down: 0 }, seed, "desert"),
      (seed: number) => inpaint(src, mask, { growMask: 5 }, seed, "a tree"),
      (seed: number) => erase(src, mask, { growMask: 5 }, seed),
      (seed: number) => upscale(src, { width: 480, height: 320 }, seed, { creativity: 0.3 }),
      (seed: number) => searchReplace(src, "the car", "a horse", seed),
      (seed: number) => controlImage(src, "space", 0.7, seed),
      (seed: number) => styleGuide(src, "forest", 0.5, "1:1", seed),
      (seed: number) => vary(src, "ocean", 0.6, seed),
    ];
    for (const run of runs) {
      const [a, b, other] = [await run(1), await run(1), await run(2)];
      expect(a.equals(b)).toBe(true);
      expect(a.equals(other)).toBe(false);
    }
    expect((await removeBackground(src)).equals(await removeBackground(src))).toBe(true);
  }, 60_000);
});
