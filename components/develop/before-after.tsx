"use client";

import { useId, useRef, useState } from "react";
import type { Placement } from "./reframe-geometry";
import { ToolButton } from "./tool-button";

// Compare a derived poster with its source: one frame with a divider to drag (a keyboard-operable slider), or the
// two side by side. The frame takes the "after" image's shape; a source of another shape is letterboxed in it, unless
// `placement` says where it sits (a reframe's source, at its place on the new canvas, the new space striped as in the
// reframe view: the after image must not show through where the before had nothing).

const NEW_SPACE = "bg-[repeating-linear-gradient(45deg,#15171f_0_10px,#1d2030_10px_20px)]";

const KEY_STEPS: Record<string, (v: number) => number> = {
  ArrowLeft: (v) => v - 1,
  ArrowDown: (v) => v - 1,
  ArrowRight: (v) => v + 1,
  ArrowUp: (v) => v + 1,
  PageDown: (v) => v - 10,
  PageUp: (v) => v + 10,
  Home: () => 0,
  End: () => 100,
};

export function BeforeAfter(props: {
  beforeUrl: string;
  afterUrl: string;
  /** The after image's pixel size, for the frame's shape. */
  width: number;
  height: number;
  beforeLabel?: string;
  afterLabel?: string;
  /** Percent of the frame showing "before", from the left (default 50). */
  initial?: number;
  /** The frame's CSS width (default: the column's, within three quarters of the screen's height). */
  frameWidth?: string;
  /** Where the before image sits in the after's frame (fractions of it); without it, letterboxed. */
  placement?: Placement;
}) {
  const id = useId();
  const before = props.beforeLabel ?? "Before";
  const after = props.afterLabel ?? "After";
  const [split, setSplit] = useState(props.initial ?? 50);
  const [sideBySide, setSideBySide] = useState(false);
  const frameRef = useRef<HTMLDivElement>(null);
  const dragging = useRef<number | null>(null);
  const clamp = (v: number) => Math.min(100, Math.max(0, Math.round(v)));

  function follow(clientX: number) {
    const box = frameRef.current?.getBoundingClientRect();
    if (box && box.width > 0) setSplit(clamp(((clientX - box.left) / box.width) * 100));
  }

  const frameStyle = { aspectRatio: `${props.width} / ${props.height}` };
  const img = "absolute inset-0 h-full w-full select-none object-contain";
  const at = props.placement;
  const pct = (v: number) => `${v * 100}%`;
  const beforeImage = (clip?: React.CSSProperties) => (
    // biome-ignore lint/performance/noImgElement: signed S3 URLs, not optimisable by next/image
    <img
      src={props.beforeUrl}
      alt={before}
      draggable={false}
      className={at ? "absolute select-none object-fill" : img}
      style={at ? { left: pct(at.left), top: pct(at.top), width: pct(at.width), height: pct(at.height) } : clip}
    />
  );
  const clip = { clipPath: `inset(0 ${100 - split}% 0 0)` };
  return (
    <figure className="space-y-2" aria-labelledby={`${id}-caption`}>
      <div className="flex items-center justify-between gap-2">
        <figcaption id={`${id}-caption`} className="text-sm font-medium">
          {before} and {after.toLowerCase()}
        </figcaption>
        <ToolButton pressed={sideBySide} onClick={() => setSideBySide((v) => !v)}>
          Side by side
        </ToolButton>
      </div>
      {sideBySide ? (
        <div className="grid grid-cols-2 gap-2">
          {[
            [props.beforeUrl, before],
            [props.afterUrl, after],
          ].map(([url, label]) => (
            <div key={label}>
              <div
                className={`relative overflow-hidden rounded-md border border-edge bg-panel ${at && label === before ? NEW_SPACE : ""}`}
                style={frameStyle}
              >
                {label === before ? (
                  beforeImage()
                ) : (
                  // biome-ignore lint/performance/noImgElement: signed S3 URLs, not optimisable by next/image
                  <img src={url} alt={label} className={img} />
                )}
              </div>
              <p className="mt-1 text-center text-xs text-muted" aria-hidden="true">
                {label}
              </p>
            </div>
          ))}
        </div>
      ) : (
        <div
          ref={frameRef}
          className="relative mx-auto overflow-hidden rounded-md border border-edge bg-panel"
          style={{
            ...frameStyle,
            width: props.frameWidth ?? `min(100%, calc(75vh * ${props.width / props.height}))`,
            touchAction: "pan-y",
          }}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            dragging.current = e.pointerId;
            e.currentTarget.setPointerCapture(e.pointerId);
            follow(e.clientX);
          }}
          onPointerMove={(e) => {
            if (dragging.current === e.pointerId) follow(e.clientX);
          }}
          onPointerUp={() => {
            dragging.current = null;
          }}
          onPointerCancel={() => {
            dragging.current = null;
          }}
        >
          {/* biome-ignore lint/performance/noImgElement: signed S3 URLs, not optimisable by next/image */}
          <img src={props.afterUrl} alt={after} draggable={false} className={img} />
          {/* Placed, the before side is the whole frame (its new space striped), clipped at the divider. */}
          {at ? (
            <div className={`absolute inset-0 ${NEW_SPACE}`} style={clip}>
              {beforeImage()}
            </div>
          ) : (
            beforeImage(clip)
          )}
          <span
            className="pointer-events-none absolute left-2 top-2 rounded bg-ink/80 px-1.5 py-0.5 text-xs"
            aria-hidden="true"
          >
            {before}
          </span>
          <span
            className="pointer-events-none absolute right-2 top-2 rounded bg-ink/80 px-1.5 py-0.5 text-xs"
            aria-hidden="true"
          >
            {after}
          </span>
          <div
            className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-accent"
            style={{ left: `${split}%` }}
          />
          <div
            role="slider"
            tabIndex={0}
            aria-label={`Divider between ${before.toLowerCase()} and ${after.toLowerCase()}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={split}
            aria-valuetext={`${split}% ${before.toLowerCase()}, ${100 - split}% ${after.toLowerCase()}`}
            aria-orientation="horizontal"
            onKeyDown={(e) => {
              const step = KEY_STEPS[e.key];
              if (!step) return;
              e.preventDefault();
              setSplit((v) => clamp(step(v)));
            }}
            className="absolute top-1/2 flex h-11 w-11 -translate-x-1/2 -translate-y-1/2 cursor-ew-resize items-center justify-center rounded-full border-2 border-accent bg-ink/90 text-accent shadow"
            style={{ left: `${split}%`, touchAction: "none" }}
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              width="20"
              height="20"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <path d="M9 6l-6 6 6 6M15 6l6 6-6 6" />
            </svg>
          </div>
        </div>
      )}
    </figure>
  );
}
