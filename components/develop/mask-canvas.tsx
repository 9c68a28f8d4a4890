"use client";

import { type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { OnCanvas, useCanvasSlots } from "@/components/workspace/canvas-slots";
import { describeRect, rectAfterKey, startRect } from "./key-rect";
import {
  drawSegment,
  hasPaint,
  type MaskDrawing,
  type MaskOp,
  type Point,
  type Rect,
  replay,
  setScale,
} from "./mask-ops";
import { MaskToolbar } from "./mask-toolbar";

// Paint where the image may change. Pointer (mouse, finger, pen) paints with a round brush; the keyboard marks
// rectangles. The painting is kept as strokes in the image's pixels and drawn on a canvas the size it is shown
// (times the screen's pixel ratio), so a stroke costs the same on a 9.4 MP source as on a small one; every change
// hands on the strokes (null: nothing painted), and the mask PNG is drawn from them once, when the operation runs
// (mask-raster.ts). Undo and redo: Ctrl/⌘+Z, Shift+Ctrl/⌘+Z (or Ctrl+Y), and the toolbar's buttons.
// In a workspace the painting surface lies on the workspace's canvas, over the art there (zoomed with it), and the
// toolbar stays in the tool's panel; elsewhere (/develop, after an upload) the painter draws its own copy of the image.

export function MaskCanvas(props: {
  imageUrl: string;
  /** The image's pixel size: the mask is exactly this size. */
  width: number;
  height: number;
  onChange: (mask: MaskDrawing | null) => void;
  imageAlt?: string;
}) {
  const { width, height } = props;
  const id = useId();
  const onWorkspace = useCanvasSlots() !== null;
  // The canvas comes and goes with the workspace's tab (and arrives a render late there): effects follow it.
  const [canvasEl, setCanvasEl] = useState<HTMLCanvasElement | null>(null);
  const stroke = useRef<{ pointerId: number; op: Extract<MaskOp, { kind: "stroke" }> } | null>(null);
  const [ops, setOps] = useState<MaskOp[]>([]);
  // What undo took away, newest last: redo puts it back; a new change forgets it.
  const [undone, setUndone] = useState<MaskOp[]>([]);
  const [erase, setErase] = useState(false);
  const longSide = Math.max(width, height);
  const maxSize = Math.max(8, Math.round(longSide / 4));
  const [size, setSize] = useState(() => Math.max(2, Math.round(longSide / 20)));
  // The keyboard's selection: kept while focus is elsewhere, shown only while the painter has keyboard focus.
  const [rect, setRect] = useState<Rect>(() => startRect(width, height));
  const [showRect, setShowRect] = useState(false);
  const [empty, setEmpty] = useState(true);
  const [announce, setAnnounce] = useState("");
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const touched = useRef(false);
  const cursorRef = useRef<HTMLDivElement>(null);
  // The canvas's own pixels: its box on screen times the pixel ratio, never more than the image's.
  const [pixels, setPixels] = useState<{ w: number; h: number }>({ w: 0, h: 0 });

  // Another image starts a new, empty mask.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the image's URL is the reason to reset, though unread
  useEffect(() => {
    touched.current = false;
    setOps([]);
    setUndone([]);
    setEmpty(true);
    setRect(startRect(width, height));
  }, [props.imageUrl, width, height]);

  useLayoutEffect(() => {
    const canvas = canvasEl;
    if (!canvas) return;
    const measure = () => {
      const box = canvas.getBoundingClientRect();
      const ratio = Math.min(window.devicePixelRatio || 1, 2);
      const w = Math.max(1, Math.min(width, Math.round(box.width * ratio)));
      setPixels((old) => (old.w === w ? old : { w, h: Math.max(1, Math.round((w * height) / width)) }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [width, height, canvasEl]);

  // Redraw after every committed change (and when the canvas is resized), then hand the strokes on.
  useEffect(() => {
    const canvas = canvasEl;
    const ctx = canvas?.getContext("2d", { willReadFrequently: true });
    if (!canvas || !ctx || pixels.w === 0) return;
    replay(ctx, ops, width, height);
    const painted = hasPaint(ctx.getImageData(0, 0, canvas.width, canvas.height).data);
    setEmpty(!painted);
    if (!touched.current) return;
    onChange.current(painted ? { ops, width, height } : null);
  }, [ops, pixels, width, height, canvasEl]);

  const commit = (op: MaskOp) => {
    touched.current = true;
    setOps((list) => [...list, op]);
    setUndone([]);
  };

  /** The canvas's 2D context, drawing in the image's pixels. */
  function context(canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext("2d");
    if (ctx) setScale(ctx, canvas.width / width);
    return ctx;
  }

  function toImage(el: HTMLElement, at: { clientX: number; clientY: number }): Point {
    const box = el.getBoundingClientRect();
    return {
      x: Math.round(((at.clientX - box.left) * width) / box.width),
      y: Math.round(((at.clientY - box.top) * height) / box.height),
    };
  }

  function onPointerDown(e: React.PointerEvent<HTMLCanvasElement>) {
    if (e.button !== 0 || stroke.current) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = toImage(e.currentTarget, e);
    stroke.current = { pointerId: e.pointerId, op: { kind: "stroke", erase, size, points: [p] } };
    const ctx = context(e.currentTarget);
    if (ctx) drawSegment(ctx, erase, size, p, p);
  }

  // The brush's outline follows a mouse or pen (a finger hides what it would show), at the size it will paint.
  function moveCursor(e: React.PointerEvent<HTMLCanvasElement>) {
    const cursor = cursorRef.current;
    if (!cursor) return;
    const box = e.currentTarget.getBoundingClientRect();
    // The outline sits inside the surface, so in its (unzoomed) pixels: a zoomed workspace canvas scales it back up.
    const zoom = box.width / (e.currentTarget.offsetWidth || box.width);
    const d = (size * box.width) / width / zoom;
    cursor.hidden = e.pointerType === "touch";
    cursor.style.width = `${d}px`;
    cursor.style.height = `${d}px`;
    cursor.style.transform = `translate(${(e.clientX - box.left) / zoom - d / 2}px, ${(e.clientY - box.top) / zoom - d / 2}px)`;
  }

  function onPointerMove(e: React.PointerEvent<HTMLCanvasElement>) {
    moveCursor(e);
    const s = stroke.current;
    if (!s || s.pointerId !== e.pointerId) return;
    const ctx = context(e.currentTarget);
    if (!ctx) return;
    // A pen or fast mouse reports several positions per frame; using them all keeps curves smooth.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    const el = e.currentTarget;
    const points = (events.length > 0 ? events : [e]).map((at) => toImage(el, at));
    for (const p of points) {
      const last = s.op.points[s.op.points.length - 1] ?? p;
      drawSegment(ctx, s.op.erase, s.op.size, last, p);
      s.op.points.push(p);
    }
  }

  function onPointerEnd(e: React.PointerEvent<HTMLCanvasElement>) {
    const s = stroke.current;
    if (!s || s.pointerId !== e.pointerId) return;
    stroke.current = null;
    commit(s.op);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLDivElement>) {
    if (e.target !== e.currentTarget) return;
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && (key === "y" || (key === "z" && e.shiftKey))) {
      e.preventDefault();
      redo();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && key === "z") {
      e.preventDefault();
      undo();
      return;
    }
    const current = rect;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      commit({ kind: "rect", erase, ...current });
      setShowRect(true);
      setAnnounce(`${erase ? "Erased from" : "Added to"} the mask. ${describeRect(current)}`);
      return;
    }
    if (e.key === "Escape" && showRect) {
      setShowRect(false);
      setAnnounce("Selection hidden.");
      return;
    }
    const next = rectAfterKey(current, e.key, e.shiftKey, { width, height });
    if (!next) return;
    e.preventDefault();
    setRect(next);
    setShowRect(true);
    setAnnounce(describeRect(next));
  }

  function undo() {
    const last = ops.at(-1);
    if (!last) return;
    touched.current = true;
    setOps(ops.slice(0, -1));
    setUndone([...undone, last]);
    setAnnounce("Undone.");
  }

  function redo() {
    const back = undone.at(-1);
    if (!back) return;
    touched.current = true;
    setOps([...ops, back]);
    setUndone(undone.slice(0, -1));
    setAnnounce("Redone.");
  }

  function clear() {
    commit({ kind: "clear" });
    setAnnounce("Mask cleared. Undo brings it back.");
  }

  const pct = (n: number, of: number) => `${(n / of) * 100}%`;
  return (
    <div className="space-y-3">
      <MaskToolbar
        id={id}
        erase={erase}
        onEraseChange={setErase}
        size={size}
        maxSize={maxSize}
        onSizeChange={setSize}
        canUndo={ops.length > 0}
        canRedo={undone.length > 0}
        canClear={!empty}
        onUndo={undo}
        onRedo={redo}
        onClear={clear}
      />
      <Surface onWorkspace={onWorkspace}>
        <div
          role="application"
          aria-label="Mask painter"
          aria-describedby={`${id}-help`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the application role takes its own keys (rectangle selection)
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            if (e.target === e.currentTarget && e.currentTarget.matches(":focus-visible")) {
              setShowRect(true);
              setAnnounce(describeRect(rect));
            }
          }}
          onBlur={() => setShowRect(false)}
          className={
            onWorkspace
              ? "pointer-events-auto absolute inset-0 z-10 overflow-hidden"
              : "relative mx-auto overflow-hidden rounded-md border border-edge bg-panel"
          }
          style={
            onWorkspace
              ? undefined
              : { aspectRatio: `${width} / ${height}`, width: `min(100%, calc(75vh * ${width / height}))` }
          }
          data-mask-empty={empty ? "true" : "false"}
        >
          {!onWorkspace && (
            // biome-ignore lint/performance/noImgElement: a signed S3 URL or blob, shown at the canvas's size
            <img
              src={props.imageUrl}
              alt={props.imageAlt ?? "The image being masked"}
              draggable={false}
              className="absolute inset-0 h-full w-full select-none object-fill"
            />
          )}
          <canvas
            ref={setCanvasEl}
            width={pixels.w || 1}
            height={pixels.h || 1}
            className="absolute inset-0 h-full w-full cursor-crosshair opacity-55 [filter:drop-shadow(0_0_1.5px_#0c0d12)]"
            style={{ touchAction: "none" }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerEnd}
            onPointerCancel={onPointerEnd}
            onPointerLeave={() => {
              if (cursorRef.current) cursorRef.current.hidden = true;
            }}
          />
          <div
            ref={cursorRef}
            hidden
            aria-hidden="true"
            className={`pointer-events-none absolute left-0 top-0 rounded-full border ${erase ? "border-dashed border-white" : "border-accent"} shadow-[0_0_0_1px_#0c0d12]`}
          />
          {showRect && (
            <div
              aria-hidden="true"
              className="pointer-events-none absolute border-2 border-dashed border-accent shadow-[0_0_0_1px_#0c0d12]"
              style={{
                left: pct(rect.x, width),
                top: pct(rect.y, height),
                width: pct(rect.w, width),
                height: pct(rect.h, height),
              }}
            />
          )}
        </div>
      </Surface>
      <p id={`${id}-help`} className="text-xs text-muted">
        Paint over what should change{onWorkspace ? " on the poster" : ""} with a mouse, finger or pen; the eraser takes
        paint away. Keyboard: focus the image, move the dashed selection with the arrow keys, resize it with
        Shift+arrows, and press Enter to add it to the mask (or remove it, with the eraser). Ctrl+Z or ⌘+Z undoes,
        Shift+Ctrl+Z or Shift+⌘+Z redoes.
      </p>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}

/** On a workspace, the surface goes onto its canvas; elsewhere it stays where it is. */
function Surface(props: { onWorkspace: boolean; children: ReactNode }) {
  return props.onWorkspace ? <OnCanvas>{props.children}</OnCanvas> : props.children;
}
