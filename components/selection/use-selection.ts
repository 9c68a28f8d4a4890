"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

// Picking several items out of an ordered grid: click toggles, shift-click selects the range from the last item
// clicked, and on the keyboard Space toggles the focused item, Shift+arrows extend the selection as focus moves,
// Ctrl/Cmd+A selects all and Escape (anywhere on the page) clears. Items are found by `data-select-id` inside the container, so any grid
// (the gallery, the studio's feed) can use it: spread `containerProps` on the grid and `itemProps(id)` on the
// focusable element of each item.

export interface Selection {
  selected: string[];
  isSelected: (id: string) => boolean;
  toggle: (id: string) => void;
  clear: () => void;
  /** Drops ids that left the grid (deleted posters). */
  forget: (ids: readonly string[]) => void;
  containerProps: { onKeyDown: (event: React.KeyboardEvent) => void };
  itemProps: (id: string) => {
    "data-select-id": string;
    onClick: (event: React.MouseEvent) => void;
  };
}

const ARROWS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];

/** The item the arrow points at: the next or previous in order for left/right; for up/down, the nearest item whose
 * centre lies in the row above or below (rows are found from the layout, so it works for any grid). */
function neighbour(items: HTMLElement[], from: number, key: string): number {
  if (key === "ArrowLeft") return Math.max(0, from - 1);
  if (key === "ArrowRight") return Math.min(items.length - 1, from + 1);
  const here = items[from]?.getBoundingClientRect();
  if (!here) return from;
  const centre = here.left + here.width / 2;
  const below = key === "ArrowDown";
  let best = from;
  let bestScore = Number.POSITIVE_INFINITY;
  items.forEach((item, i) => {
    const box = item.getBoundingClientRect();
    const dy = below ? box.top - here.bottom : here.top - box.bottom;
    if (dy < -1) return;
    const score = dy * 4 + Math.abs(box.left + box.width / 2 - centre);
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

export function useSelection(order: readonly string[]): Selection {
  const [selected, setSelected] = useState<string[]>([]);
  const anchor = useRef<string | null>(null);
  const container = useRef<HTMLElement | null>(null);
  const chosen = useMemo(() => new Set(selected), [selected]);

  // Keeps selected ids in the grid's order, whatever order they were picked in.
  const inOrder = useCallback((ids: Set<string>) => order.filter((id) => ids.has(id)), [order]);

  const toggle = useCallback(
    (id: string) => {
      anchor.current = id;
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return inOrder(next);
      });
    },
    [inOrder],
  );

  const selectRange = useCallback(
    (to: string) => {
      if (!anchor.current || !order.includes(anchor.current)) anchor.current = to;
      const from = anchor.current;
      const [i, j] = [order.indexOf(from), order.indexOf(to)];
      const [a, b] = [Math.min(i, j), Math.max(i, j)];
      setSelected((current) => inOrder(new Set([...current, ...order.slice(a, b + 1)])));
    },
    [order, inOrder],
  );

  const clear = useCallback(() => {
    anchor.current = null;
    setSelected([]);
  }, []);

  const forget = useCallback((ids: readonly string[]) => {
    setSelected((current) => current.filter((id) => !ids.includes(id)));
  }, []);

  // Items that left the grid (a new filter) leave the selection.
  useEffect(() => {
    setSelected((current) => {
      const kept = current.filter((id) => order.includes(id));
      return kept.length === current.length ? current : kept;
    });
  }, [order]);

  // Escape clears from anywhere on the page (the selection bar too), unless it is closing a dialog.
  useEffect(() => {
    if (!selected.length) return;
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || document.querySelector("dialog[open]")) return;
      clear();
    };
    document.addEventListener("keydown", onEscape);
    return () => document.removeEventListener("keydown", onEscape);
  }, [selected.length, clear]);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      if (!(event.currentTarget instanceof HTMLElement)) return;
      container.current = event.currentTarget;
      const items = [...container.current.querySelectorAll<HTMLElement>("[data-select-id]")];
      const focused = document.activeElement;
      const index = focused instanceof HTMLElement ? items.indexOf(focused) : -1;
      const id = items[index]?.dataset.selectId;
      if (event.key === "a" && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        setSelected([...order]);
      } else if (event.key === " " && id) {
        event.preventDefault(); // a link would otherwise scroll the page
        if (event.shiftKey) selectRange(id);
        else toggle(id);
      } else if (ARROWS.includes(event.key) && index >= 0) {
        event.preventDefault();
        const next = items[neighbour(items, index, event.key)];
        next?.focus();
        const nextId = next?.dataset.selectId;
        if (event.shiftKey && id && nextId) {
          if (!anchor.current) anchor.current = id;
          selectRange(nextId);
        }
      }
    },
    [order, selectRange, toggle],
  );

  const itemProps = useCallback(
    (id: string) => ({
      "data-select-id": id,
      onClick: (event: React.MouseEvent) => {
        // With a selection under way (or Shift/Ctrl/Cmd held), a click picks rather than opens.
        const picking = chosen.size > 0 || event.shiftKey || event.metaKey || event.ctrlKey;
        if (!picking) return;
        event.preventDefault();
        if (event.shiftKey) selectRange(id);
        else toggle(id);
      },
    }),
    [chosen, selectRange, toggle],
  );

  return {
    selected,
    isSelected: (id) => chosen.has(id),
    toggle,
    clear,
    forget,
    containerProps: { onKeyDown },
    itemProps,
  };
}
