import { describe, expect, it } from "vitest";
import { actualSize, clampPan, FIT, fitBox, zoomAbout } from "../components/workspace/zoom";

// The workspace canvas's zoom and pan arithmetic: fit, 100%, zooming about the pointer, keeping the art in reach.

describe("workspace zoom", () => {
  it("fits the art in the canvas by its tighter side, and knows the zoom of one image pixel per CSS pixel", () => {
    expect(fitBox({ width: 832, height: 1216 }, { w: 784, h: 720 })).toEqual({ w: 492, h: 720 });
    expect(fitBox({ width: 1920, height: 1080 }, { w: 784, h: 720 })).toEqual({ w: 784, h: 441 });
    expect(fitBox({ width: 832, height: 1216 }, { w: 0, h: 0 })).toEqual({ w: 0, h: 0 });
    expect(actualSize(832, 416)).toBe(2);
  });

  it("zooms about the pointer: the point under it stays under it", () => {
    const view = { zoom: 1, x: 0, y: 0 };
    const at = { x: 100, y: -50 };
    const zoomed = zoomAbout(view, 2, at, 8);
    // A point of the art at `at` (art coordinates from its centre: (at - pan) / zoom) lands at the same place.
    const local = { x: (at.x - view.x) / view.zoom, y: (at.y - view.y) / view.zoom };
    expect(zoomed.x + local.x * zoomed.zoom).toBeCloseTo(at.x);
    expect(zoomed.y + local.y * zoomed.zoom).toBeCloseTo(at.y);
    expect(zoomAbout(view, 100, at, 8).zoom).toBe(8);
    expect(zoomAbout(view, 0.01, at, 8).zoom).toBe(0.5);
  });

  it("keeps the art centred at or below fit, and its edge within reach when larger", () => {
    const fit = { w: 400, h: 600 };
    const box = { w: 800, h: 600 };
    expect(clampPan({ zoom: 1, x: 300, y: -200 }, fit, box)).toEqual(FIT);
    // At 2×: 800×1200 in an 800×600 box: no room sideways, 300 px up or down.
    expect(clampPan({ zoom: 2, x: 300, y: -1000 }, fit, box)).toEqual({ zoom: 2, x: 0, y: -300 });
  });
});
