import { describe, expect, it } from "vitest";
import { nudge, snapPlacement } from "@/components/design/canvas/snap";
import { SAFE_AREA } from "@/lib/design/safe-area";

// Where a dragged or nudged layer lands on the canvas (components/design/canvas/snap.ts).

const ink = { x: 0.5, y: 0.5, width: 0.4, height: 0.1 };
const near = { x: 0.01, y: 0.01 };

describe("snapping a dragged layer", () => {
  it("catches the centre line and says where the guide goes", () => {
    const s = snapPlacement(ink, 0.505, 0.3, 1, near);
    expect(s.placement.x).toBe(0.5);
    expect(s.guides).toEqual({ x: 0.5, y: undefined });
  });

  it("lines the ink's edge up with the safe area's edge", () => {
    const left = snapPlacement(ink, SAFE_AREA.side + 0.2 + 0.006, 0.3, 1, near);
    expect(left.placement.x).toBeCloseTo(SAFE_AREA.side + 0.2, 4);
    expect(left.guides.x).toBe(SAFE_AREA.side);
    const foot = snapPlacement(ink, 0.3, 1 - SAFE_AREA.foot - 0.05 - 0.004, 1, near);
    expect(foot.placement.y).toBeCloseTo(1 - SAFE_AREA.foot - 0.05, 4);
    expect(foot.guides.y).toBe(1 - SAFE_AREA.foot);
  });

  it("scales the ink before snapping its edges", () => {
    const s = snapPlacement(ink, SAFE_AREA.side + 0.4 + 0.005, 0.3, 2, near);
    expect(s.placement.x).toBeCloseTo(SAFE_AREA.side + 0.4, 4);
  });

  it("leaves a layer where it was put away from every line, or when snapping is off", () => {
    expect(snapPlacement(ink, 0.33, 0.3, 1, near)).toEqual({ placement: { x: 0.33, y: 0.3, scale: 1 }, guides: {} });
    expect(snapPlacement(ink, 0.505, 0.3, 1, near, true).placement.x).toBe(0.505);
  });

  it("keeps the centre on the poster and the scale within bounds", () => {
    expect(snapPlacement(ink, -0.4, 1.3, 9, near).placement).toEqual({ x: 0, y: 1, scale: 4 });
  });
});

describe("nudging from the keyboard", () => {
  it("moves 1% a press, 10% with Shift, and ignores other keys", () => {
    const p = { x: 0.5, y: 0.5, scale: 1 };
    expect(nudge(p, "ArrowRight", false)).toEqual({ x: 0.51, y: 0.5, scale: 1 });
    expect(nudge(p, "ArrowUp", true)).toEqual({ x: 0.5, y: 0.4, scale: 1 });
    expect(nudge({ ...p, x: 0.05 }, "ArrowLeft", true)?.x).toBe(0);
    expect(nudge(p, "Enter", false)).toBeUndefined();
  });
});
