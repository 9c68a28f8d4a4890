"use client";

import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useCanvasSlots } from "./canvas-slots";
import { actualSize, clampPan, FIT, fitBox, maxZoom, STEP, type View, zoomAbout } from "./zoom";

// The workspace's canvas: the art at the largest size the canvas's box allows, zoomed with the wheel, a pinch or the
// buttons (and + − 0 from the keyboard), panned by dragging when it is larger than the box. Tools draw over the art
// (the mask painter, pins) or instead of it (reframing, a comparison) through the slots (canvas-slots.tsx).

// Below 640 px a pinch zooms (and + − from a keyboard): the − and + buttons would cover the art on a phone.
const stepButton = "max-sm:hidden";
const button =
  "flex h-9 min-w-9 items-center justify-center rounded-md border border-edge bg-ink/85 px-2 text-sm hover:border-accent disabled:opacity-50";

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return Boolean(target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"));
}

export function WorkspaceCanvas(props: {
  /** The image's pixel size, for "fit" and "100%". */
  width: number;
  height: number;
  /** The art, drawn to fill its box (size it with the CSS variables --art-w and --art-h, or h-full w-full). */
  children: ReactNode;
  label?: string;
}) {
  const { width, height } = props;
  const slots = useCanvasSlots();
  const viewportRef = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ w: 0, h: 0 });
  const [view, setViewState] = useState<View>(FIT);
  const fit = fitBox({ width, height }, box);
  const actual = actualSize(width, fit.w);
  const limit = maxZoom(actual);
  const geometry = useRef({ fit, box, limit });
  geometry.current = { fit, box, limit };

  const setView = useCallback((next: View | ((v: View) => View)) => {
    setViewState((old) => {
      const v = typeof next === "function" ? next(old) : next;
      const { fit: f, box: b } = geometry.current;
      return clampPan(v, f, b);
    });
  }, []);

  // The art's size, for the art to fill (CSS variables: React's style prop has no type for them).
  const artRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    artRef.current?.style.setProperty("--art-w", `${fit.w}px`);
    artRef.current?.style.setProperty("--art-h", `${fit.h}px`);
  }, [fit.w, fit.h]);

  useLayoutEffect(() => {
    const el = viewportRef.current;
    if (!el) return;
    const measure = () =>
      setBox((old) =>
        old.w === el.clientWidth && old.h === el.clientHeight ? old : { w: el.clientWidth, h: el.clientHeight },
      );
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  /** A point in screen pixels, from the canvas's centre. */
  const fromCentre = useCallback((clientX: number, clientY: number) => {
    const r = viewportRef.current?.getBoundingClientRect();
    return r ? { x: clientX - r.left - r.width / 2, y: clientY - r.top - r.height / 2 } : { x: 0, y: 0 };
  }, []);

  const zoomBy = useCallback(
    (factor: number, at = { x: 0, y: 0 }) => setView((v) => zoomAbout(v, v.zoom * factor, at, geometry.current.limit)),
    [setView],
  );
  const zoomTo = useCallback(
    (zoom: number) => setView((v) => zoomAbout(v, zoom, { x: 0, y: 0 }, geometry.current.limit)),
    [setView],
  );

  // The wheel (and a trackpad's pinch, which arrives as a wheel with Ctrl) zooms about the pointer; a passive
  // listener couldn't keep the page from scrolling, so it is added by hand.
  useEffect(() => {
    const el = viewportRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      zoomBy(Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015)), fromCentre(e.clientX, e.clientY));
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [zoomBy, fromCentre]);

  // + and − zoom, 0 fits, anywhere on the page but in a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === "+" || e.key === "=") zoomBy(STEP);
      else if (e.key === "-" || e.key === "_") zoomBy(1 / STEP);
      else if (e.key === "0") setView(FIT);
      else return;
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [zoomBy, setView]);

  // Dragging pans (once the art is larger than the canvas); two fingers pinch. A press that doesn't move stays a
  // click, for the art's own use (placing a comment's pin).
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{ start: View; from: { x: number; y: number }; distance: number; moved: boolean } | null>(
    null,
  );
  const begin = () => {
    const pts = [...pointers.current.values()];
    const [a, b] = pts;
    if (!a) {
      gesture.current = null;
      return;
    }
    const mid = b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : a;
    gesture.current = {
      start: view,
      from: mid,
      distance: b ? Math.hypot(a.x - b.x, a.y - b.y) : 0,
      moved: gesture.current?.moved ?? false,
    };
  };
  function onPointerDown(e: React.PointerEvent<HTMLDivElement>) {
    if (e.pointerType === "mouse" && e.button !== 0 && e.button !== 1) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    begin();
  }
  function onPointerMove(e: React.PointerEvent<HTMLDivElement>) {
    if (!pointers.current.has(e.pointerId)) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const g = gesture.current;
    if (!g) return;
    const [a, b] = [...pointers.current.values()];
    if (!a) return;
    const mid = b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : a;
    const dx = mid.x - g.from.x;
    const dy = mid.y - g.from.y;
    if (!g.moved && Math.hypot(dx, dy) < 4 && !b) return;
    if (!g.moved) {
      g.moved = true;
      e.currentTarget.setPointerCapture(e.pointerId);
    }
    if (b && g.distance > 0) {
      const zoom = g.start.zoom * (Math.hypot(a.x - b.x, a.y - b.y) / g.distance);
      const at = fromCentre(g.from.x, g.from.y);
      const zoomed = zoomAbout(g.start, zoom, at, geometry.current.limit);
      setView({ ...zoomed, x: zoomed.x + dx, y: zoomed.y + dy });
    } else {
      setView({ ...g.start, x: g.start.x + dx, y: g.start.y + dy });
    }
  }
  function onPointerEnd(e: React.PointerEvent<HTMLDivElement>) {
    pointers.current.delete(e.pointerId);
    if (pointers.current.size === 0) gesture.current = null;
    else begin();
  }

  const staged = (slots?.staged ?? 0) > 0;
  const percent = Math.round((view.zoom / actual) * 100);
  const pannable = fit.w * view.zoom > box.w + 1 || fit.h * view.zoom > box.h + 1;
  return (
    <section aria-label={props.label ?? "Canvas"} className="flex h-full min-h-0 flex-col">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: pointer panning; the keyboard zooms with + − 0 and the buttons */}
      <div
        ref={viewportRef}
        data-testid="canvas-viewport"
        data-zoom={view.zoom.toFixed(3)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        // The browser would drag the poster's image away as a file, cancelling the pan.
        onDragStart={(e) => e.preventDefault()}
        className={`relative min-h-0 flex-1 touch-none overflow-hidden rounded-lg border border-edge bg-[repeating-conic-gradient(#15171f_0_25%,#1a1d27_0_50%)] bg-[length:24px_24px] select-none ${pannable && !staged ? "cursor-grab active:cursor-grabbing" : ""}`}
      >
        {/* First, so that the keyboard reaches the zoom before what a tool draws on the art (the mask painter). */}
        {!staged && (
          <div
            role="toolbar"
            aria-label="Zoom"
            className="absolute right-2 top-2 z-20 flex items-center gap-1"
            onPointerDown={(e) => e.stopPropagation()}
          >
            <button
              type="button"
              className={`${button} ${stepButton}`}
              onClick={() => zoomBy(1 / STEP)}
              aria-label="Zoom out"
              title="Zoom out (−)"
            >
              −
            </button>
            <output
              aria-live="polite"
              aria-label="Zoom level"
              className="min-w-12 rounded-md bg-ink/85 px-1.5 py-1.5 text-center text-xs tabular-nums"
            >
              {percent}%
            </output>
            <button
              type="button"
              className={`${button} ${stepButton}`}
              onClick={() => zoomBy(STEP)}
              aria-label="Zoom in"
              title="Zoom in (+)"
            >
              +
            </button>
            <button
              type="button"
              className={button}
              onClick={() => setView(FIT)}
              title="Fit the poster to the canvas (0)"
            >
              Fit
            </button>
            <button
              type="button"
              className={button}
              onClick={() => zoomTo(actual)}
              title="One image pixel per screen pixel"
            >
              100%
            </button>
          </div>
        )}
        <div className="absolute inset-0 flex items-center justify-center" hidden={staged}>
          <div
            ref={artRef}
            data-testid="canvas-art"
            className="relative shrink-0"
            style={{
              width: fit.w,
              height: fit.h,
              transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`,
              visibility: fit.w > 0 ? "visible" : "hidden",
            }}
          >
            {props.children}
            <div ref={slots?.setOverlay} className="pointer-events-none absolute inset-0" data-slot="overlay" />
          </div>
        </div>
        <div
          ref={slots?.setStage}
          hidden={!staged}
          data-slot="stage"
          className="absolute inset-0 flex items-center justify-center p-3 [container-type:size]"
        />
      </div>
    </section>
  );
}
