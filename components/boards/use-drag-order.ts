"use client";

import { useRef, useState } from "react";

// Reordering by dragging, with a pointer (mouse, pen or a finger: pointer events cover touch). A drag starts on an
// item's handle, moves a live preview of the new order as the pointer passes other items (found by
// `data-drag-index`), and commits once on release. The Move earlier/later buttons remain the keyboard's way.

export function useDragOrder<T>(items: T[], commit: (next: T[], from: number, to: number) => void) {
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const pointer = useRef<number | null>(null);

  /** The order as it would be if the drag ended now. */
  const preview = (() => {
    if (!drag || drag.from === drag.to) return items;
    const next = [...items];
    const [moved] = next.splice(drag.from, 1);
    next.splice(drag.to, 0, moved as T);
    return next;
  })();

  function targetAt(x: number, y: number): number | undefined {
    const element = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-drag-index]");
    const index = element ? Number(element.dataset.dragIndex) : Number.NaN;
    return Number.isInteger(index) ? index : undefined;
  }

  /** Spread on an item's drag handle; `index` is the item's place in `items` (not in the preview). */
  const handleProps = (index: number) => ({
    onPointerDown(event: React.PointerEvent<HTMLElement>) {
      if (event.button !== 0) return;
      event.preventDefault();
      event.currentTarget.setPointerCapture(event.pointerId);
      pointer.current = event.pointerId;
      setDrag({ from: index, to: index });
    },
    onPointerMove(event: React.PointerEvent<HTMLElement>) {
      if (pointer.current !== event.pointerId) return;
      const over = targetAt(event.clientX, event.clientY);
      if (over !== undefined) setDrag((d) => (d && d.to !== over ? { ...d, to: over } : d));
    },
    onPointerUp(event: React.PointerEvent<HTMLElement>) {
      if (pointer.current !== event.pointerId) return;
      pointer.current = null;
      const done = drag;
      setDrag(null);
      if (done && done.from !== done.to) commit(preview, done.from, done.to);
    },
    onPointerCancel() {
      pointer.current = null;
      setDrag(null);
    },
    // The page must not scroll under a finger that drags.
    style: { touchAction: "none" } as const,
  });

  return { order: preview, dragging: drag ? drag.to : null, handleProps };
}
