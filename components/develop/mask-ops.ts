// The mask as a list of operations in the image's pixels, replayed onto a canvas at any scale: the painter draws
// them at the size it is shown (a phone's few hundred pixels, not the source's 9.4 million), and the mask sent
// to the model is drawn once, at the image's own size, when the operation runs (mask-raster.ts, off the main
// thread). Undo is "drop the last one and replay", which costs no pixel snapshots however large the image. A
// canvas holds the mask in its alpha channel (painted in the tint the user sees); the PNG sent is pure black and
// white at the image's pixel size, white where the image may change.

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type MaskOp =
  | { kind: "stroke"; erase: boolean; size: number; points: Point[] }
  | ({ kind: "rect"; erase: boolean } & Rect)
  | { kind: "clear" };

/** What the painter hands on: its operations and the image size they are in. */
export interface MaskDrawing {
  ops: readonly MaskOp[];
  width: number;
  height: number;
}

/** A 2D context on screen or off it (a worker's OffscreenCanvas). */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

const TINT = "#f5c542";

function begin(ctx: Context2D, erase: boolean, size: number) {
  ctx.globalCompositeOperation = erase ? "destination-out" : "source-over";
  ctx.strokeStyle = TINT;
  ctx.fillStyle = TINT;
  ctx.lineWidth = size;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
}

/** Image pixels → the canvas's: every drawing call below is in image pixels. */
export function setScale(ctx: Context2D, scale: number) {
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
}

/** One piece of a stroke, drawn as the pointer moves (a single point is a dot). */
export function drawSegment(ctx: Context2D, erase: boolean, size: number, from: Point, to: Point) {
  begin(ctx, erase, size);
  ctx.beginPath();
  if (from.x === to.x && from.y === to.y) {
    ctx.arc(from.x, from.y, size / 2, 0, Math.PI * 2);
    ctx.fill();
  } else {
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  }
}

function drawOp(ctx: Context2D, op: MaskOp, width: number, height: number) {
  if (op.kind === "clear") {
    ctx.clearRect(0, 0, width, height);
  } else if (op.kind === "rect") {
    begin(ctx, op.erase, 1);
    ctx.fillRect(op.x, op.y, op.w, op.h);
  } else {
    const [first, ...rest] = op.points;
    if (!first) return;
    if (rest.length === 0) drawSegment(ctx, op.erase, op.size, first, first);
    begin(ctx, op.erase, op.size);
    ctx.beginPath();
    ctx.moveTo(first.x, first.y);
    for (const p of rest) ctx.lineTo(p.x, p.y);
    ctx.stroke();
  }
}

/** Draws `ops` (in a `width`×`height` image's pixels) onto a canvas of any size. */
export function replay(ctx: Context2D, ops: readonly MaskOp[], width: number, height: number) {
  setScale(ctx, ctx.canvas.width / width);
  ctx.clearRect(0, 0, width, height);
  for (const op of ops) drawOp(ctx, op, width, height);
  ctx.globalCompositeOperation = "source-over";
}

/** Whether anything is painted on a canvas (its alpha channel). */
export function hasPaint(pixels: Uint8ClampedArray): boolean {
  for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) return true;
  return false;
}

/**
 * The painted alpha as a black/white mask, in place: white where painted, black elsewhere, opaque. Anti-aliased
 * stroke edges are half-covered pixels: a mask is a yes/no per pixel, so they go by their majority. False when
 * nothing is painted.
 */
export function toBlackAndWhite(pixels: Uint8ClampedArray): boolean {
  let any = false;
  for (let i = 0; i < pixels.length; i += 4) {
    const on = (pixels[i + 3] ?? 0) >= 128;
    any ||= on;
    const v = on ? 255 : 0;
    pixels[i] = v;
    pixels[i + 1] = v;
    pixels[i + 2] = v;
    pixels[i + 3] = 255;
  }
  return any;
}

/** The mask PNG of a drawing on a canvas of the image's size, or null when nothing is masked. */
export async function rasterOn(canvas: OffscreenCanvas, drawing: MaskDrawing): Promise<Blob | null> {
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new Error("no 2D context for the mask");
  replay(ctx, drawing.ops, drawing.width, drawing.height);
  setScale(ctx, 1);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  if (!toBlackAndWhite(image.data)) return null;
  ctx.putImageData(image, 0, 0);
  return canvas.convertToBlob({ type: "image/png" });
}
