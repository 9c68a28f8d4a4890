import { ASPECT_RATIO_IDS, type AspectRatio, aspectRatioInfo, centredMargins } from "@/lib/models/aspect-ratios";

// Where the art sits on a reframed canvas, as the margins Outpaint takes. Pure, so it is tested without a browser.

/** Outpaint adds at most this many pixels on each side. */
export const MAX_MARGIN = 2000;

export interface Margins {
  left: number;
  right: number;
  up: number;
  down: number;
}

export type ReframeTarget = { aspectRatio: AspectRatio } | { margins: Margins };

export interface Canvas {
  /** Extra pixels to share between left and right, and between up and down. */
  extraX: number;
  extraY: number;
  /** False when the ratio needs more than MAX_MARGIN on a side: extraX/extraY are then capped at the limit. */
  reachable: boolean;
}

const clampMargin = (n: number) => Math.min(MAX_MARGIN, Math.max(0, Math.round(Number.isFinite(n) ? n : 0)));

/** The smallest canvas of the target's ratio that holds the whole source (or the source plus custom margins). */
export function canvasFor(width: number, height: number, target: ReframeTarget): Canvas {
  if ("margins" in target) {
    const m = target.margins;
    return {
      extraX: clampMargin(m.left) + clampMargin(m.right),
      extraY: clampMargin(m.up) + clampMargin(m.down),
      reachable: [m.left, m.right, m.up, m.down].every((n) => n <= MAX_MARGIN),
    };
  }
  const { w, h } = aspectRatioInfo(target.aspectRatio);
  let extraX = 0;
  let extraY = 0;
  // Compare w/h with width/height without dividing, so equal ratios give exactly no margin.
  if (w * height > h * width) extraX = Math.ceil((height * w) / h) - width;
  else if (w * height < h * width) extraY = Math.ceil((width * h) / w) - height;
  const cap = 2 * MAX_MARGIN;
  return { extraX: Math.min(extraX, cap), extraY: Math.min(extraY, cap), reachable: extraX <= cap && extraY <= cap };
}

/** The range the art's offset (left or up margin) may take so that neither margin passes MAX_MARGIN. */
export function offsetRange(extra: number): { min: number; max: number } {
  return { min: Math.max(0, extra - MAX_MARGIN), max: Math.min(extra, MAX_MARGIN) };
}

export function clampOffset(offset: number, extra: number): number {
  const { min, max } = offsetRange(extra);
  return Math.min(max, Math.max(min, Math.round(offset)));
}

/** Margins for the art placed `left` px from the canvas's left edge and `up` px from its top. */
export function marginsAt(canvas: Canvas, left: number, up: number): Margins {
  const l = clampOffset(left, canvas.extraX);
  const u = clampOffset(up, canvas.extraY);
  return { left: l, right: canvas.extraX - l, up: u, down: canvas.extraY - u };
}

/** Where the art starts: centred, or where custom margins put it. */
export function initialOffset(canvas: Canvas, target: ReframeTarget): { left: number; up: number } {
  if ("margins" in target) {
    return {
      left: clampOffset(target.margins.left, canvas.extraX),
      up: clampOffset(target.margins.up, canvas.extraY),
    };
  }
  return { left: clampOffset(canvas.extraX / 2, canvas.extraX), up: clampOffset(canvas.extraY / 2, canvas.extraY) };
}

/** The ratio the canvas actually has, e.g. "1.78:1", for telling the user what they get when the target is out of reach. */
export function ratioLabel(width: number, height: number): string {
  return width >= height ? `${(width / height).toFixed(2)}:1` : `1:${(height / width).toFixed(2)}`;
}

/** Where a box sits in a frame, as fractions (0–1) of the frame's width and height. */
export interface Placement {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a reframed poster's source sits on its canvas, from the reframe's inputs (a ratio, the art centred, or the
 * margins a drag sent): for comparing the two in place rather than stretching the source over the new canvas.
 * Undefined for anything but a reframe, or inputs that say nothing of where the art went.
 */
export function reframePlacement(
  source: { width: number; height: number },
  result: { operation: string; inputs?: Record<string, number | string> },
): Placement | undefined {
  if (result.operation !== "reframe" || !result.inputs) return undefined;
  const inputs = result.inputs;
  const ratio = ASPECT_RATIO_IDS.find((r) => r === inputs.aspectRatio);
  const side = (name: string) => {
    const v = inputs[name];
    return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : 0;
  };
  const m = ratio
    ? centredMargins(source, aspectRatioInfo(ratio).w / aspectRatioInfo(ratio).h)
    : { left: side("left"), right: side("right"), up: side("up"), down: side("down") };
  const fullW = source.width + m.left + m.right;
  const fullH = source.height + m.up + m.down;
  if (fullW === source.width && fullH === source.height) return undefined;
  // Fractions, not pixels: the same whatever size the result was stored at.
  return { left: m.left / fullW, top: m.up / fullH, width: source.width / fullW, height: source.height / fullH };
}
