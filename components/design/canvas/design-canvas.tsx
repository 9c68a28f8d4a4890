"use client";

import { type PointerEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { DesignInput, LayerId, LayerPlacement } from "@/lib/design/schema";
import { type CanvasPictures, PREVIEW_WIDTH } from "../use-preview";
import {
  type CanvasLayerState,
  canvasLayers,
  inkRect,
  LAYER_NAMES,
  pictureTransform,
  samePlace,
} from "./layer-geometry";
import { LayerProperties } from "./layer-properties";
import { nudge, snapPlacement } from "./snap";
import { useGroundPixels } from "./use-ground-pixels";

/** How near (screen px) a layer's edge or centre must come to a guide to be caught by it. */
const SNAP_PX = 6;
/** A press that moves less than this (screen px) selects the layer without moving it. */
const DRAG_PX = 2;

interface Drag {
  layer: CanvasLayerState;
  mode: "move" | "scale";
  pointer: number;
  start: { x: number; y: number };
  rect: DOMRect;
  from: LayerPlacement;
  /** Where the pointer has taken it so far (committed to the design when it is let go). */
  to: LayerPlacement;
  moved: boolean;
}

// The design's preview as a canvas of layers: the server's composed picture (what will be saved), and over it a
// handle per text layer to select (click, Tab), drag (snapping to the safe area and the centre lines), scale (the
// corner handle) and nudge (arrow keys; Shift for 10%). While a layer moves, the canvas shows the same picture taken
// apart — the art under its scrim and each layer's own picture — and moves the layer's picture with a CSS transform,
// written straight to the element each pointer move (no render, no request); the design changes once, on release,
// and the server's preview follows when it is idle.
export function DesignCanvas(props: {
  url: string | null;
  busy: boolean;
  warnings: string[];
  notice?: string;
  hint?: string;
  width: number;
  height: number;
  overlay?: ReactNode;
  /** The last answer in layers (none until there is text to preview). */
  pictures: CanvasPictures | null;
  design: DesignInput;
  set: <K extends keyof DesignInput>(key: K, value: DesignInput[K]) => void;
  /** Fields a campaign's brand kit locks (from a refused save). */
  locked: Record<string, string>;
  /** Where the notes and the selected layer's properties go (the workspace's panel): the canvas keeps its box. */
  aside: HTMLElement | null;
}) {
  const { pictures, design } = props;
  const layers = pictures ? canvasLayers(pictures, design) : [];
  const [selected, setSelected] = useState<LayerId | null>(null);
  const [dragging, setDragging] = useState(false);
  const drag = useRef<Drag | null>(null);
  const pictureRefs = useRef(new Map<LayerId, HTMLImageElement>());
  const handleRefs = useRef(new Map<LayerId, HTMLButtonElement>());
  const guideX = useRef<HTMLDivElement>(null);
  const guideY = useRef<HTMLDivElement>(null);
  const ground = useGroundPixels(pictures);
  const current = layers.find((l) => l.layer === selected);
  // The layers apart are shown while one is moving, and until the server has drawn the design as it now is.
  const apart = dragging || layers.some((l) => !samePlace(l.target, l.drawn));

  // A layer the template no longer shows (or the text was emptied) can't stay selected.
  useEffect(() => {
    if (selected && pictures && !pictures.layers.some((l) => l.layer === selected)) setSelected(null);
  }, [selected, pictures]);

  const place = (layer: LayerId, placement: LayerPlacement) =>
    props.set("layers", { ...design.layers, [layer]: placement });

  /** Writes a moving layer's place straight to its picture, its handle and the guides: the per-frame path. */
  function show(l: CanvasLayerState, to: LayerPlacement, guides: { x?: number; y?: number }) {
    const picture = pictureRefs.current.get(l.layer);
    if (picture) Object.assign(picture.style, pictureTransform(l, to));
    const handle = handleRefs.current.get(l.layer);
    if (handle) Object.assign(handle.style, inkRect(l, to));
    for (const [ref, at, prop] of [
      [guideX, guides.x, "left"],
      [guideY, guides.y, "top"],
    ] as const) {
      if (!ref.current) continue;
      ref.current.hidden = at === undefined;
      if (at !== undefined) ref.current.style[prop] = `${at * 100}%`;
    }
  }

  function onPointerDown(e: PointerEvent<HTMLButtonElement>, l: CanvasLayerState) {
    if (e.button !== 0) return;
    const canvas = e.currentTarget.parentElement;
    if (!canvas) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    setSelected(l.layer);
    const mode = e.target instanceof HTMLElement && e.target.dataset.handle === "scale" ? "scale" : "move";
    drag.current = {
      layer: l,
      mode,
      pointer: e.pointerId,
      start: { x: e.clientX, y: e.clientY },
      rect: canvas.getBoundingClientRect(),
      from: l.target,
      to: l.target,
      moved: false,
    };
  }

  function onPointerMove(e: PointerEvent<HTMLButtonElement>) {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    const dx = e.clientX - d.start.x;
    const dy = e.clientY - d.start.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_PX) return;
    if (!d.moved) {
      d.moved = true;
      setDragging(true);
    }
    const { rect, from } = d;
    let x = from.x + dx / rect.width;
    let y = from.y + dy / rect.height;
    let scale = from.scale;
    if (d.mode === "scale") {
      // The corner's distance from the centre, then and now: type scales with it, about the centre.
      const cx = rect.left + from.x * rect.width;
      const cy = rect.top + from.y * rect.height;
      const was = Math.hypot(d.start.x - cx, d.start.y - cy) || 1;
      scale = (from.scale * Math.hypot(e.clientX - cx, e.clientY - cy)) / was;
      x = from.x;
      y = from.y;
    }
    const threshold = { x: SNAP_PX / rect.width, y: SNAP_PX / rect.height };
    const snapped = snapPlacement(d.layer.ink, x, y, scale, threshold, e.altKey || d.mode === "scale");
    d.to = snapped.placement;
    show(d.layer, d.to, snapped.guides);
  }

  function onPointerUp(e: PointerEvent<HTMLButtonElement>, cancelled = false) {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    drag.current = null;
    show(d.layer, cancelled ? d.from : d.to, {});
    setDragging(false);
    if (d.moved && !cancelled) place(d.layer.layer, d.to);
  }

  return (
    // At the top, not centred up and down: a centred canvas can sit half a pixel off the grid, blurring the preview.
    <div className="flex h-full w-full items-start justify-center overflow-hidden rounded-lg border border-edge bg-[repeating-conic-gradient(#15171f_0_25%,#1a1d27_0_50%)] bg-[length:24px_24px] p-2 [container-type:size]">
      <section
        className="relative select-none rounded-lg ring-1 ring-edge"
        // As large as the box allows, whichever side it meets first (the box is a size container), and no larger
        // than the preview is drawn: one picture pixel per screen pixel at most.
        style={{
          aspectRatio: `${props.width} / ${props.height}`,
          width: `min(100cqw, calc(100cqh * ${props.width / props.height}), ${PREVIEW_WIDTH}px)`,
        }}
        aria-label="Poster canvas"
        aria-describedby={layers.length ? "canvas-help" : undefined}
        data-apart={apart ? "true" : "false"}
        // The server has drawn the design as it is now (for the tests and the bench to wait on).
        data-settled={pictures?.body === JSON.stringify(design) && !apart && !props.busy ? "true" : "false"}
      >
        {props.url && (
          // biome-ignore lint/performance/noImgElement: a blob URL from the preview renderer
          <img
            src={props.url}
            alt="Preview of the designed poster"
            className="h-full w-full rounded-lg"
            draggable={false}
          />
        )}
        {pictures && (
          <div
            aria-hidden="true"
            data-testid="canvas-layers"
            className="absolute inset-0 overflow-hidden rounded-lg"
            hidden={!apart}
          >
            {/* biome-ignore lint/performance/noImgElement: the ground the layers sit on, a blob URL */}
            <img src={pictures.ground} alt="" className="absolute inset-0 h-full w-full" draggable={false} />
            {layers.map((l) => (
              // biome-ignore lint/performance/noImgElement: a layer's own picture, moved by CSS while dragged
              <img
                key={l.layer}
                ref={(el) => {
                  if (el) pictureRefs.current.set(l.layer, el);
                  else pictureRefs.current.delete(l.layer);
                }}
                src={l.url}
                alt=""
                draggable={false}
                className="absolute inset-0 h-full w-full will-change-transform"
                style={pictureTransform(l, l.target)}
              />
            ))}
          </div>
        )}
        {layers.map((l) => (
          <button
            key={l.layer}
            type="button"
            ref={(el) => {
              if (el) handleRefs.current.set(l.layer, el);
              else handleRefs.current.delete(l.layer);
            }}
            aria-label={`${LAYER_NAMES[l.layer]} layer`}
            aria-pressed={selected === l.layer}
            data-layer={l.layer}
            className={`absolute -m-1 box-content cursor-move touch-none rounded-sm p-1 outline-offset-2 focus-visible:outline-2 focus-visible:outline-accent ${
              selected === l.layer
                ? "border border-dashed border-accent"
                : "border border-transparent hover:border-white/60"
            }`}
            style={inkRect(l, l.target)}
            onFocus={() => setSelected(l.layer)}
            onPointerDown={(e) => onPointerDown(e, l)}
            onPointerMove={onPointerMove}
            onPointerUp={(e) => onPointerUp(e)}
            onPointerCancel={(e) => onPointerUp(e, true)}
            onKeyDown={(e) => {
              const moved = nudge(l.target, e.key, e.shiftKey);
              if (!moved) return;
              e.preventDefault();
              place(l.layer, moved);
            }}
          >
            {selected === l.layer && (
              <span
                data-handle="scale"
                aria-hidden="true"
                className="absolute -bottom-2 -right-2 h-4 w-4 cursor-nwse-resize rounded-sm border border-ink bg-accent"
              />
            )}
          </button>
        ))}
        <div
          ref={guideX}
          hidden
          aria-hidden="true"
          data-testid="guide-x"
          className="pointer-events-none absolute inset-y-0 w-px bg-fuchsia-400"
        />
        <div
          ref={guideY}
          hidden
          aria-hidden="true"
          data-testid="guide-y"
          className="pointer-events-none absolute inset-x-0 h-px bg-fuchsia-400"
        />
        {props.overlay}
        {props.busy && (
          <span
            data-testid="canvas-busy"
            className="pointer-events-none absolute right-2 top-2 rounded bg-black/70 px-2 py-1 text-xs"
          >
            Rendering…
          </span>
        )}
      </section>
      {props.aside &&
        createPortal(
          <>
            {layers.length > 0 && (
              <p id="canvas-help" className="text-xs text-muted">
                Drag a layer to move it (Alt: no snapping), its corner to scale it; Tab to the next layer, arrow keys
                nudge by 1% (Shift: 10%).
              </p>
            )}
            {props.hint && <p className="text-sm text-muted">{props.hint}</p>}
            {props.notice && (
              <p role="status" className="text-sm text-danger">
                {props.notice}
              </p>
            )}
            <ul aria-label="Layout notes" className="max-w-prose space-y-1 text-sm text-accent empty:hidden">
              {props.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
            {pictures && layers.length > 0 && (
              <LayerProperties
                layer={current ?? null}
                design={design}
                set={props.set}
                locked={props.locked}
                ground={ground}
                onPlace={(placement) => current && place(current.layer, placement)}
                onReset={() => {
                  if (!current) return;
                  const { [current.layer]: _, ...rest } = design.layers ?? {};
                  props.set("layers", Object.keys(rest).length ? rest : undefined);
                }}
              />
            )}
          </>,
          props.aside,
        )}
    </div>
  );
}
