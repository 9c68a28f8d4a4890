import { describe, expect, it } from "vitest";
import { checkImageFile, MAX_UPLOAD_BYTES } from "@/components/develop/image-file";
import { keyStep, rectAfterKey, startRect } from "@/components/develop/key-rect";
import {
  canvasFor,
  initialOffset,
  MAX_MARGIN,
  marginsAt,
  reframePlacement,
} from "@/components/develop/reframe-geometry";
import { ASPECT_RATIO_IDS, aspectRatioInfo } from "@/lib/models/aspect-ratios";

describe("reframe geometry", () => {
  it("2:3 → 16:9 adds width only, centred, and the new canvas has the target's ratio", () => {
    const canvas = canvasFor(832, 1248, { aspectRatio: "16:9" });
    expect(canvas).toEqual({ extraX: 2219 - 832, extraY: 0, reachable: true });
    const start = initialOffset(canvas, { aspectRatio: "16:9" });
    const m = marginsAt(canvas, start.left, start.up);
    expect(m.left + m.right).toBe(canvas.extraX);
    expect(Math.abs(m.left - m.right)).toBeLessThanOrEqual(1);
    expect(m.up + m.down).toBe(0);
  });

  it("every ratio yields a canvas of that ratio (to a pixel) holding the whole source", () => {
    for (const id of ASPECT_RATIO_IDS) {
      const { w, h } = aspectRatioInfo(id);
      const c = canvasFor(1024, 1024, { aspectRatio: id });
      const W = 1024 + c.extraX;
      const H = 1024 + c.extraY;
      // the grown side is within a pixel of the exact ratio
      expect(Math.min(Math.abs(W - (H * w) / h), Math.abs(H - (W * h) / w))).toBeLessThan(1);
      expect(c.extraX === 0 || c.extraY === 0).toBe(true);
    }
    expect(canvasFor(1024, 1024, { aspectRatio: "1:1" })).toEqual({ extraX: 0, extraY: 0, reachable: true });
  });

  it("dragging to one side never puts more than Outpaint's limit on a side", () => {
    const c = canvasFor(1000, 1500, { aspectRatio: "21:9" }); // needs ~2500 px of width
    expect(c.reachable).toBe(true);
    expect(marginsAt(c, 0, 0)).toEqual({ left: c.extraX - MAX_MARGIN, right: MAX_MARGIN, up: 0, down: 0 });
    expect(marginsAt(c, 99_999, 0).left).toBe(MAX_MARGIN);
  });

  it("a ratio beyond the limit is reported and capped at 2,000 px a side", () => {
    const c = canvasFor(1000, 2500, { aspectRatio: "21:9" }); // needs 4833 px of width
    expect(c).toEqual({ extraX: 2 * MAX_MARGIN, extraY: 0, reachable: false });
    expect(canvasFor(100, 100, { margins: { left: 2500, right: 0, up: 0, down: 0 } }).reachable).toBe(false);
  });

  it("custom margins keep their totals while the art moves, and start where they say", () => {
    const target = { margins: { left: 100, right: 300, up: 50, down: 0 } };
    const c = canvasFor(500, 500, target);
    expect(initialOffset(c, target)).toEqual({ left: 100, up: 50 });
    expect(marginsAt(c, 400, 10)).toEqual({ left: 400, right: 0, up: 10, down: 40 });
  });
});

describe("keyboard rectangle", () => {
  const bounds = { width: 600, height: 900 };
  it("moves with arrows and resizes with shift, inside the image", () => {
    const r = startRect(600, 900);
    const step = keyStep(600, 900);
    expect(rectAfterKey(r, "ArrowRight", false, bounds)).toEqual({ ...r, x: r.x + step });
    expect(rectAfterKey(r, "ArrowDown", true, bounds)).toEqual({ ...r, h: r.h + step });
    let far = r;
    for (let i = 0; i < 200; i++) far = rectAfterKey(far, "ArrowLeft", false, bounds) ?? far;
    expect(far.x).toBe(0);
    expect(rectAfterKey(r, "a", false, bounds)).toBeUndefined();
  });
});

describe("where a reframe's source sits on its canvas", () => {
  const source = { width: 832, height: 1248 };
  it("margins a drag sent place it off-centre; a ratio centres it as the service did", () => {
    expect(reframePlacement(source, { operation: "reframe", inputs: { left: 400, up: 52 } })).toEqual({
      left: 400 / 1232,
      top: 52 / 1300,
      width: 832 / 1232,
      height: 1248 / 1300,
    });
    const centred = reframePlacement(source, { operation: "reframe", inputs: { aspectRatio: "16:9" } });
    expect(centred?.top).toBe(0);
    expect(centred?.height).toBe(1);
    // The source's own width over the 16:9 canvas's, the rest shared left and right (to a pixel).
    expect(centred?.width).toBeCloseTo(832 / 2219, 6);
    expect(Math.abs((centred?.left ?? 0) * 2219 - (2219 - 832) / 2)).toBeLessThanOrEqual(0.5);
  });
  it("nothing for other operations, or inputs that move nothing", () => {
    expect(reframePlacement(source, { operation: "upscale", inputs: { left: 400 } })).toBeUndefined();
    expect(reframePlacement(source, { operation: "reframe" })).toBeUndefined();
    expect(reframePlacement(source, { operation: "reframe", inputs: { prompt: "sea" } })).toBeUndefined();
  });
});

describe("upload file check", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  it("accepts real PNG bytes and refuses empty, oversized and non-image files with a reason", async () => {
    expect(await checkImageFile(new Blob([png]))).toBeUndefined();
    expect(await checkImageFile(new Blob([]))).toMatch(/empty/);
    expect(await checkImageFile(new Blob([png, new Uint8Array(MAX_UPLOAD_BYTES)]))).toMatch(/up to 10 MB/);
    expect(await checkImageFile(new Blob(["%PDF-1.7 hello"]))).toMatch(/isn't a PNG, JPEG or WebP/);
    const webp = new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ");
    expect(await checkImageFile(new Blob([webp]))).toBeUndefined();
  });
});
