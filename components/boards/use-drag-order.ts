"use client";

import { useEffect, useRef, useState } from "react";

// Reordering by dragging, with a pointer (mouse, pen or a finger: pointer events cover touch). A drag starts on an
// item's handle, moves a live preview of the new order as the pointer passes other items (found by
// `data-drag-index`, their place in the preview), and commits once on release. The Move earlier/later buttons remain
// the keyboard's way. The pointer is followed on the window: the dragged item moves in the DOM as the preview
// changes, which would end an element's pointer capture.

const reorder = <T>(items: T[], from: number, to: number) => {
  const next = [...items];
  // Both indexes come from the rendered items: one out of range is a stale drag, which changes nothing.
  if (from < 0 || from >= next.length) return next;
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
};

export function useDragOrder<T>(items: T[], commit: (next: T[], from: number, to: number) => void) {
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const stop = useRef<(() => void) | null>(null);
  const latest = useRef({ items, commit });
  latest.current = { items, commit };

  useEffect(() => () => stop.current?.(), []);

  function start(event: React.PointerEvent<HTMLElement>, from: number) {
    if (event.button !== 0) return;
    event.preventDefault();
    stop.current?.();
    const id = event.pointerId;
    let to = from;
    setDrag({ from, to });
    const move = (e: PointerEvent) => {
      if (e.pointerId !== id) return;
      const over = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>("[data-drag-index]");
      const index = over ? Number(over.dataset.dragIndex) : Number.NaN;
      if (Number.isInteger(index) && index !== to) {
        to = index;
        setDrag({ from, to });
      }
    };
    const end = (e: PointerEvent) => {
      if (e.pointerId !== id) return;
      finish();
      if (e.type === "pointerup" && to !== from) {
        latest.current.commit(reorder(latest.current.items, from, to), from, to);
      }
    };
    const finish = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", end);
      window.removeEventListener("pointercancel", end);
      stop.current = null;
      setDrag(null);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", end);
    window.addEventListener("pointercancel", end);
    stop.current = finish;
  }

  return {
    /** The order to show: the preview while dragging. */
    order: drag && drag.from !== drag.to ? reorder(items, drag.from, drag.to) : items,
    /** Where the dragged item is in the preview, while dragging. */
    dragging: drag ? drag.to : null,
    /** Spread on an item's drag handle; `index` is the item's place in `items` (not in the preview). */
    handleProps: (index: number) => ({
      onPointerDown: (event: React.PointerEvent<HTMLElement>) => start(event, index),
      // The page must not scroll under a finger that drags.
      style: { touchAction: "none" } as const,
    }),
  };
}
