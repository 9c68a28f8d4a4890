"use client";

import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import { OnStage, useCanvasSlots } from "@/components/workspace/canvas-slots";
import {
  canvasFor,
  clampOffset,
  initialOffset,
  MAX_MARGIN,
  type Margins,
  marginsAt,
  offsetRange,
  type ReframeTarget,
  ratioLabel,
} from "./reframe-geometry";

// The new canvas drawn around the art, with the art draggable inside it (arrow keys nudge it). What it yields is
// Outpaint's four margins, each within the service's 2,000 px; a target that needs more is said, not silently changed.
// In a workspace the new canvas is drawn on the workspace's canvas, in place of the art; the numbers stay in the panel.

export function ReframeView(props: {
  imageUrl: string;
  /** The source's pixel size. */
  width: number;
  height: number;
  target: ReframeTarget;
  onChange: (margins: Margins) => void;
  imageAlt?: string;
}) {
  const { width, height, target } = props;
  const id = useId();
  const onWorkspace = useCanvasSlots() !== null;
  const targetKey = JSON.stringify(target);
  // biome-ignore lint/correctness/useExhaustiveDependencies: targetKey stands for target's contents
  const canvas = useMemo(() => canvasFor(width, height, target), [width, height, targetKey]);
  const [offset, setOffset] = useState(() => initialOffset(canvas, target));
  // A new target (or source) starts the art where that target puts it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the canvas itself changes
  useEffect(() => setOffset(initialOffset(canvas, target)), [canvas]);
  const margins = marginsAt(canvas, offset.left, offset.up);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const marginsKey = JSON.stringify(margins);
  // biome-ignore lint/correctness/useExhaustiveDependencies: marginsKey stands for margins' contents
  useEffect(() => onChange.current(margins), [marginsKey]);

  const drag = useRef<{ pointerId: number; x: number; y: number; left: number; up: number } | null>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const fullW = width + canvas.extraX;
  const fullH = height + canvas.extraY;
  const movable =
    offsetRange(canvas.extraX).max > offsetRange(canvas.extraX).min ||
    offsetRange(canvas.extraY).max > offsetRange(canvas.extraY).min;

  function onPointerDown(e: React.PointerEvent<HTMLDivElement>) {
    if (e.button !== 0 || drag.current) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus({ preventScroll: true });
    drag.current = { pointerId: e.pointerId, x: e.clientX, y: e.clientY, ...offset };
  }

  function onPointerMove(e: React.PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    const frame = frameRef.current?.getBoundingClientRect();
    if (!d || d.pointerId !== e.pointerId || !frame) return;
    const scale = fullW / frame.width; // image pixels per screen pixel
    setOffset({
      left: clampOffset(d.left + (e.clientX - d.x) * scale, canvas.extraX),
      up: clampOffset(d.up + (e.clientY - d.y) * scale, canvas.extraY),
    });
  }

  function onPointerEnd(e: React.PointerEvent<HTMLDivElement>) {
    if (drag.current?.pointerId === e.pointerId) drag.current = null;
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLDivElement>) {
    const step = (e.shiftKey ? 10 : 1) * Math.max(1, Math.round(Math.max(fullW, fullH) / 100));
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (e.key === "Home") {
      e.preventDefault();
      setOffset({
        left: clampOffset(canvas.extraX / 2, canvas.extraX),
        up: clampOffset(canvas.extraY / 2, canvas.extraY),
      });
      return;
    }
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    setOffset((o) => ({
      left: clampOffset(o.left + m[0], canvas.extraX),
      up: clampOffset(o.up + m[1], canvas.extraY),
    }));
  }

  const pct = (n: number, of: number) => `${(n / of) * 100}%`;
  const summary = `Left ${margins.left} px, right ${margins.right} px, top ${margins.up} px, bottom ${margins.down} px.`;
  return (
    <div className="space-y-3">
      <Frame onWorkspace={onWorkspace}>
        <div
          ref={frameRef}
          className="relative mx-auto overflow-hidden rounded-md border border-dashed border-muted/60 bg-[repeating-linear-gradient(45deg,#15171f_0_10px,#1d2030_10px_20px)]"
          style={{
            aspectRatio: `${fullW} / ${fullH}`,
            // On the workspace's canvas: as large as its box allows (cq: the box's size), else within the screen.
            width: onWorkspace
              ? `min(100cqw, calc(100cqh * ${fullW / fullH}))`
              : `min(100%, calc(70vh * ${fullW / fullH}))`,
          }}
        >
          <div
            role="application"
            aria-roledescription="movable art"
            aria-label="Art position on the new canvas"
            aria-describedby={`${id}-help ${id}-margins`}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a 2-D position has no native control; arrow keys move it
            tabIndex={0}
            onKeyDown={onKeyDown}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerEnd}
            onPointerCancel={onPointerEnd}
            className={`absolute -outline-offset-2 ring-1 ring-accent/70 ${movable ? "cursor-grab active:cursor-grabbing" : ""}`}
            style={{
              left: pct(margins.left, fullW),
              top: pct(margins.up, fullH),
              width: pct(width, fullW),
              height: pct(height, fullH),
              touchAction: "none",
            }}
          >
            {/* biome-ignore lint/performance/noImgElement: a signed S3 URL or blob, placed by percentage */}
            <img
              src={props.imageUrl}
              alt={props.imageAlt ?? "The art being reframed"}
              draggable={false}
              className="h-full w-full select-none object-fill"
            />
          </div>
        </div>
      </Frame>
      <p id={`${id}-margins`} className="text-sm tabular-nums" aria-live="polite" data-margins={marginsKey}>
        New canvas {fullW} × {fullH} px. {summary}
      </p>
      {!canvas.reachable && (
        <p role="alert" className="text-sm text-danger">
          {"aspectRatio" in target ? target.aspectRatio : "That size"} needs more than Outpaint's{" "}
          {MAX_MARGIN.toLocaleString("en")} px on each side for this image; the nearest it can make is{" "}
          {ratioLabel(fullW, fullH)}. Crop the source first, or pick a closer ratio.
        </p>
      )}
      <p id={`${id}-help`} className="text-xs text-muted">
        {movable
          ? "Drag the art, or focus it and use the arrow keys (Shift moves further, Home centres it), to choose where the new space goes."
          : "The art already has this shape: there is nothing to add."}
      </p>
    </div>
  );
}

function Frame(props: { onWorkspace: boolean; children: ReactNode }) {
  return props.onWorkspace ? <OnStage>{props.children}</OnStage> : props.children;
}
