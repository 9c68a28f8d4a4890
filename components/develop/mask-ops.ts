// The mask as a list of operations, replayed onto a canvas: undo is "drop the last one and replay", which costs no
// pixel snapshots however large the image. The canvas holds the mask in its alpha channel (painted in the tint the
// user sees); the exported PNG is pure black and white at the image's pixel size, white where the image may change.

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

const TINT = "#f5c542";

function begin(ctx: CanvasRenderingContext2D, erase: boolean, size: number) {
  ctx.globalCompositeOperation = erase ? "destination-out" : "source-over";
  ctx.strokeStyle = TINT;
  ctx.fillStyle = TINT;
  ctx.lineWidth = size;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
}

/** One piece of a stroke, drawn as the pointer moves (a single point is a dot). */
export function drawSegment(ctx: CanvasRenderingContext2D, erase: boolean, size: number, from: Point, to: Point) {
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

function drawOp(ctx: CanvasRenderingContext2D, op: MaskOp) {
  if (op.kind === "clear") {
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
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

export function replay(ctx: CanvasRenderingContext2D, ops: readonly MaskOp[]) {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  for (const op of ops) drawOp(ctx, op);
  ctx.globalCompositeOperation = "source-over";
}

/** The black/white PNG for the mask on `source`, or null when nothing is masked. */
export async function exportMask(source: HTMLCanvasElement): Promise<Blob | null> {
  const { width, height } = source;
  const ctx = source.getContext("2d");
  if (!ctx) return null;
  const pixels = ctx.getImageData(0, 0, width, height).data;
  const out = new ImageData(width, height);
  let any = false;
  // Anti-aliased stroke edges are half-covered pixels: a mask is a yes/no per pixel, so they go by their majority.
  for (let i = 0; i < pixels.length; i += 4) {
    const on = (pixels[i + 3] ?? 0) >= 128;
    any ||= on;
    const v = on ? 255 : 0;
    out.data[i] = v;
    out.data[i + 1] = v;
    out.data[i + 2] = v;
    out.data[i + 3] = 255;
  }
  if (!any) return null;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d")?.putImageData(out, 0, 0);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), "image/png"));
}
