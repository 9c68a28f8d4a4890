import type { Rect } from "./mask-ops";

// The keyboard's way to mark a region: a rectangle moved with the arrow keys and resized with Shift+arrows, kept
// inside the image. Pure, so the mask tool and any other picker can share it.

export function startRect(width: number, height: number): Rect {
  const w = Math.max(1, Math.round(width / 4));
  const h = Math.max(1, Math.round(height / 4));
  return { x: Math.round((width - w) / 2), y: Math.round((height - h) / 2), w, h };
}

/** How far one key press moves or resizes: 2% of the longer side, so any image takes ~50 presses to cross. */
export function keyStep(width: number, height: number): number {
  return Math.max(1, Math.round(Math.max(width, height) / 50));
}

const DELTAS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The rectangle after an arrow key (moving it, or with `resize` changing its size), or undefined for other keys. */
export function rectAfterKey(
  rect: Rect,
  key: string,
  resize: boolean,
  bounds: { width: number; height: number },
): Rect | undefined {
  const d = DELTAS[key];
  if (!d) return undefined;
  const step = keyStep(bounds.width, bounds.height);
  if (resize) {
    const w = Math.min(bounds.width - rect.x, Math.max(step, rect.w + d[0] * step));
    const h = Math.min(bounds.height - rect.y, Math.max(step, rect.h + d[1] * step));
    return { ...rect, w, h };
  }
  const x = Math.min(bounds.width - rect.w, Math.max(0, rect.x + d[0] * step));
  const y = Math.min(bounds.height - rect.h, Math.max(0, rect.y + d[1] * step));
  return { ...rect, x, y };
}

export function describeRect(r: Rect): string {
  return `Selection ${r.w} by ${r.h} pixels, ${r.x} from the left and ${r.y} from the top.`;
}
