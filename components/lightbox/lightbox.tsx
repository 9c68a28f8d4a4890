"use client";

import { useEffect, useRef, useState } from "react";
import type { PosterView } from "@/lib/api-types";
import { api } from "@/lib/client/api";
import { modelLabel } from "@/lib/models/generation";
import type { Actor } from "@/lib/permissions";
import type { ResultPoster } from "../studio/result-card";
import { LightboxActions } from "./lightbox-actions";

const FOCUSABLE =
  "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";
const navButton =
  "absolute top-1/2 z-10 -translate-y-1/2 rounded-full border border-white/20 bg-ink/80 px-3 py-2 text-lg hover:border-accent disabled:opacity-30";

// A result, large, with everything that can be done with it. A real modal dialog: the page behind is inert (focus
// stays inside), Esc closes, ← and → move through the results (a swipe on a touch screen), and focus goes back to the
// tile it came from.

/** A swipe: this far sideways, and mostly sideways (a scroll of the details below is not a swipe). */
const SWIPE_PX = 50;

export function Lightbox(props: {
  /** posters[index]. */
  poster: ResultPoster;
  posters: ResultPoster[];
  index: number;
  onIndexChange: (index: number) => void;
  onClose: () => void;
  me: Actor;
  onUseSettings: (poster: ResultPoster) => void;
  onFavorite: (id: string, favorite: boolean) => void;
  selected: string[];
  onSelect: (id: string, selected: boolean) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const { posters, index, poster } = props;
  // Listings carry thumbnails only: the full image and its download link come from GET /api/posters/{id}.
  const [full, setFull] = useState<Record<string, PosterView>>({});
  const detail = full[poster.id];

  useEffect(() => {
    const focused = document.activeElement;
    const opener = focused instanceof HTMLElement ? focused : null;
    const element = dialog.current;
    element?.showModal();
    // Start on Close (the ARIA practices' advice for a dialog whose first control is an action).
    closeButton.current?.focus();
    return () => {
      element?.close();
      opener?.focus();
    };
  }, []);

  useEffect(() => {
    if (full[poster.id]) return;
    let live = true;
    api.getPoster(poster.id).then(
      (view) => live && setFull((all) => ({ ...all, [view.id]: view })),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [poster.id, full]);

  const move = (step: number) => {
    const next = index + step;
    if (next >= 0 && next < posters.length) props.onIndexChange(next);
  };

  // Touch events, not pointer events: the browser keeps its own pan and pinch-zoom (no touch-action to give up), and
  // a gesture that ever had two fingers on the screen was a pinch, not a swipe.
  const swipe = useRef<{ x: number; y: number; pinch: boolean } | null>(null);
  function onTouchStart(event: React.TouchEvent) {
    const touch = event.touches[0];
    if (event.touches.length > 1 && swipe.current) swipe.current.pinch = true;
    else if (touch) swipe.current = { x: touch.clientX, y: touch.clientY, pinch: false };
  }
  function onTouchEnd(event: React.TouchEvent) {
    const start = swipe.current;
    const touch = event.changedTouches[0];
    if (event.touches.length > 0) return; // a finger is still down
    swipe.current = null;
    if (!start || start.pinch || !touch) return;
    const dx = touch.clientX - start.x;
    const dy = touch.clientY - start.y;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > 1.5 * Math.abs(dy)) move(dx < 0 ? 1 : -1);
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "Tab") return keepFocusInside(event);
    if (event.target instanceof Element && event.target.closest("input, select, textarea")) return;
    if (event.key === "ArrowRight") move(1);
    else if (event.key === "ArrowLeft") move(-1);
    else return;
    event.preventDefault();
  }

  // A modal dialog makes the page behind inert, but Tab past its last control would still leave for the browser's
  // own toolbar: wrap around instead.
  function keepFocusInside(event: React.KeyboardEvent) {
    const all = Array.from(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []).filter(
      (el) => el.getClientRects().length > 0,
    );
    const first = all[0];
    const last = all[all.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const src = detail?.url ?? poster.url ?? poster.thumbnailUrl;
  const titleId = "lightbox-title";
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
      onKeyDown={onKeyDown}
      className="m-0 h-dvh max-h-none w-screen max-w-none overflow-y-auto bg-ink/95 p-0 text-white backdrop:bg-black/80"
    >
      <div className="grid min-h-full grid-rows-[auto_1fr] lg:grid-cols-[minmax(0,1fr)_340px] lg:grid-rows-1">
        <div
          className="relative flex min-h-[60dvh] items-center justify-center p-4 lg:h-dvh lg:p-8"
          onTouchStart={onTouchStart}
          onTouchEnd={onTouchEnd}
          onTouchCancel={() => {
            swipe.current = null;
          }}
        >
          {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
          <img
            key={poster.id}
            src={src}
            alt={`Poster: ${poster.prompt}`}
            width={poster.width}
            height={poster.height}
            className="max-h-[70dvh] w-auto max-w-full rounded-lg object-contain lg:max-h-full"
          />
          <button
            type="button"
            className={`${navButton} left-2`}
            onClick={() => move(-1)}
            disabled={index === 0}
            aria-label="Previous poster"
          >
            ←
          </button>
          <button
            type="button"
            className={`${navButton} right-2`}
            onClick={() => move(1)}
            disabled={index === posters.length - 1}
            aria-label="Next poster"
          >
            →
          </button>
        </div>
        <aside className="space-y-4 border-edge p-4 lg:h-dvh lg:overflow-y-auto lg:border-l">
          <div className="flex items-start justify-between gap-3">
            <h2 id={titleId} className="font-semibold">
              Poster {index + 1} of {posters.length}
            </h2>
            <button
              type="button"
              ref={closeButton}
              onClick={props.onClose}
              className="rounded-md border border-edge px-2.5 py-1 text-sm hover:border-accent"
            >
              Close<span className="sr-only"> (Esc)</span>
            </button>
          </div>
          <p className="text-sm" data-testid="lightbox-prompt">
            {poster.prompt}
          </p>
          <p className="text-xs text-muted">
            {poster.operation === "generate" ? modelLabel(poster.model) : poster.operation} · {poster.aspectRatio} ·
            Seed {poster.seed}
          </p>
          <LightboxActions
            poster={poster}
            detail={detail}
            me={props.me}
            onUseSettings={() => props.onUseSettings(poster)}
            onFavorite={(favorite) => props.onFavorite(poster.id, favorite)}
            selected={props.selected.includes(poster.id)}
            onSelect={(on) => props.onSelect(poster.id, on)}
          />
          {/* Keys where there is a keyboard; on a touch screen (no hover), the swipe instead. */}
          <p className="text-xs text-muted [@media(hover:none)]:hidden">← → move between posters · Esc closes</p>
          <p className="hidden text-xs text-muted [@media(hover:none)]:block">
            Swipe the poster sideways to move between posters.
          </p>
        </aside>
      </div>
    </dialog>
  );
}
