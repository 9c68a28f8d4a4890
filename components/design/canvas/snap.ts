import { SAFE_AREA } from "@/lib/design/safe-area";
import { LAYER_SCALE, type LayerPlacement } from "@/lib/design/schema";

// Where a dragged layer lands: its centre moved by the pointer, caught by the safe area's edges and the centre lines
// when its ink comes within a few pixels of them (the guides the canvas draws), and kept on the poster. Pure, in
// fractions of the poster, so the canvas, the keyboard and the tests agree.

/** A layer's ink on the canvas, in fractions of the poster: centre, and size at the placement's scale. */
export interface Ink {
  x: number;
  y: number;
  /** Ink width and height at scale 1 (the template's size), in fractions of the poster's width and height. */
  width: number;
  height: number;
}

export interface Snapped {
  placement: LayerPlacement;
  /** The guide lines caught, in fractions: a vertical line at `x`, a horizontal one at `y`. */
  guides: { x?: number; y?: number };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number) => Math.round(v * 10_000) / 10_000;

/** The lines a layer snaps to across (x) and down (y): its edge or centre, whichever the line is for. */
export const SNAP_LINES = {
  x: [
    { at: SAFE_AREA.side, edge: "start" },
    { at: 0.5, edge: "centre" },
    { at: 1 - SAFE_AREA.side, edge: "end" },
  ],
  y: [
    { at: SAFE_AREA.top, edge: "start" },
    { at: 0.5, edge: "centre" },
    { at: 1 - SAFE_AREA.foot, edge: "end" },
  ],
} as const;

function snapAxis(centre: number, size: number, lines: (typeof SNAP_LINES)["x" | "y"], threshold: number) {
  let best: { centre: number; line: number; distance: number } | undefined;
  for (const line of lines) {
    const offset = line.edge === "start" ? size / 2 : line.edge === "end" ? -size / 2 : 0;
    const distance = Math.abs(centre - offset - line.at);
    if (distance <= threshold && (!best || distance < best.distance))
      best = { centre: line.at + offset, line: line.at, distance };
  }
  return best;
}

/** The placement for a layer whose centre the pointer put at (`x`, `y`), scale `scale`: snapped when within
 * `threshold` (fractions of the width and height: a few screen pixels), unless `free`. */
export function snapPlacement(
  ink: Ink,
  x: number,
  y: number,
  scale: number,
  threshold: { x: number; y: number },
  free = false,
): Snapped {
  const s = clamp(scale, LAYER_SCALE.min, LAYER_SCALE.max);
  const sx = free ? undefined : snapAxis(x, ink.width * s, SNAP_LINES.x, threshold.x);
  const sy = free ? undefined : snapAxis(y, ink.height * s, SNAP_LINES.y, threshold.y);
  return {
    placement: { x: round(clamp(sx?.centre ?? x, 0, 1)), y: round(clamp(sy?.centre ?? y, 0, 1)), scale: round(s) },
    guides: { x: sx?.line, y: sy?.line },
  };
}

/** An arrow key's nudge: 1% of the poster a press, 10% with Shift; undefined for other keys. */
export function nudge(p: LayerPlacement, key: string, shift: boolean): LayerPlacement | undefined {
  const step = shift ? 0.1 : 0.01;
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
  };
  const move = moves[key];
  if (!move) return undefined;
  return { ...p, x: round(clamp(p.x + move[0], 0, 1)), y: round(clamp(p.y + move[1], 0, 1)) };
}
