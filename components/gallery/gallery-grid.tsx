"use client";

import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import type { PosterPage, PosterSummary } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import type { Actor } from "@/lib/permissions";
import { versionMark } from "@/lib/posters/version-mark";
import { SelectionBar } from "../selection/selection-bar";
import { useSelection } from "../selection/use-selection";
import { GalleryTile } from "./gallery-tile";

// The first row or so loads at once; the rest as they come near the viewport (see use-near-viewport.ts).
const EAGER_TILES = 6;

// The gallery's grid: the first page comes rendered from the server; "Load more" follows the cursor with the same
// filters. A page may come back short when a filter is sparse: the cursor says whether there is more.
// Rows are justified (see GalleryTile): each row is one height, whatever the posters' shapes.
export function GalleryGrid(props: {
  initial: PosterPage;
  query: Record<string, string>;
  labels: Record<string, string>;
  /** What each operation marks its posters with ("Upscaled"), from the catalogue. */
  marks: Record<string, string>;
  /** Versions are folded into their originals: tiles say how many they hold. */
  folded: boolean;
  /** Any filter is on: an empty result means "nothing matches", not "nothing made yet". */
  filtered: boolean;
  viewer: Actor;
}) {
  const [posters, setPosters] = useState<PosterSummary[]>(props.initial.posters);
  const [cursor, setCursor] = useState(props.initial.nextCursor);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const order = useMemo(() => posters.map((p) => p.id), [posters]);
  const selection = useSelection(order);
  const makers = useMemo(() => Object.fromEntries(posters.map((p) => [p.id, p.createdBy])), [posters]);

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await api.listPosters(new URLSearchParams({ ...props.query, cursor }));
      setPosters((all) => [...all, ...page.posters.filter((p) => !all.some((q) => q.id === p.id))]);
      setCursor(page.nextCursor);
      setMessage(`${page.posters.length} more posters loaded.`);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't load more posters: try again.");
    } finally {
      setLoading(false);
    }
  }

  async function toggleFavorite(poster: PosterSummary) {
    setBusy(poster.id);
    try {
      await api.setFavorite(poster.id, !poster.favorite);
      setPosters((all) => all.map((p) => (p.id === poster.id ? { ...p, favorite: !poster.favorite } : p)));
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't change the favourite: try again.");
    } finally {
      setBusy(null);
    }
  }

  // What the last delete took out, and where each stood, so an Undo puts them back in place.
  const trashed = useRef<{ order: string[]; posters: PosterSummary[] }>({ order: [], posters: [] });

  function deleted(ids: string[]) {
    trashed.current = { order: posters.map((p) => p.id), posters: posters.filter((p) => ids.includes(p.id)) };
    setPosters((all) => all.filter((p) => !ids.includes(p.id)));
    selection.forget(ids);
  }

  function restored(ids: string[]) {
    const { order, posters: away } = trashed.current;
    const rank = new Map(order.map((id, i) => [id, i]));
    const last = Number.MAX_SAFE_INTEGER;
    setPosters((all) =>
      [...all, ...away.filter((p) => ids.includes(p.id) && !all.some((q) => q.id === p.id))].sort(
        (a, b) => (rank.get(a.id) ?? last) - (rank.get(b.id) ?? last),
      ),
    );
  }

  return (
    <>
      {posters.length === 0 ? (
        props.filtered ? (
          <div className="rounded-lg border border-dashed border-edge px-6 py-10 text-center">
            <h2 className="font-display text-2xl tracking-wide">No posters match these filters</h2>
            <p className="mt-2 text-sm text-muted">
              {props.folded && props.query.operation
                ? "Originals made this way have their versions folded: choose “All versions” to see them, or "
                : "Try other words or "}
              clear the filters to see the whole library.
            </p>
            <Link
              href="/gallery"
              className="mt-4 inline-block rounded-md border border-edge px-4 py-2 text-sm hover:border-accent"
            >
              Clear filters
            </Link>
          </div>
        ) : (
          <div className="rounded-lg border border-dashed border-edge px-6 py-10 text-center">
            <h2 className="font-display text-2xl tracking-wide">The library is empty</h2>
            <p className="mt-2 text-sm text-muted">Every poster the team makes lands here.</p>
            <Link href="/" className="mt-4 inline-block rounded-md bg-accent px-4 py-2 text-sm font-semibold text-ink">
              Make a poster in the studio
            </Link>
          </div>
        )
      ) : (
        <>
          <p className="sr-only">
            Select posters with the round buttons or Shift-click; on the keyboard, Space selects the focused poster,
            Shift with the arrow keys extends the selection and Escape clears it.
          </p>
          <ul
            aria-label="Posters"
            {...selection.containerProps}
            className="flex flex-wrap gap-2 [--row:9rem] after:grow-[999] after:content-[''] sm:gap-3 sm:[--row:13rem] lg:[--row:20rem]"
          >
            {posters.map((poster, index) => (
              <GalleryTile
                key={poster.id}
                poster={poster}
                modelLabel={props.labels[poster.model] ?? poster.model}
                mark={props.folded ? undefined : versionMark(poster, props.marks)}
                versionCount={props.folded ? (poster.versionCount ?? 0) : 0}
                eager={index < EAGER_TILES}
                busy={busy === poster.id}
                onToggleFavorite={() => toggleFavorite(poster)}
                selected={selection.isSelected(poster.id)}
                selecting={selection.selected.length > 0}
                onSelect={(event) =>
                  event.shiftKey ? selection.itemProps(poster.id).onClick(event) : selection.toggle(poster.id)
                }
                linkProps={selection.itemProps(poster.id)}
              />
            ))}
          </ul>
        </>
      )}
      <p role="status" className="mt-4 text-sm text-muted">
        {message}
      </p>
      {cursor && (
        <button
          type="button"
          onClick={loadMore}
          disabled={loading}
          className="mt-2 rounded-md border border-edge px-4 py-2 text-sm hover:border-accent disabled:opacity-60"
        >
          {loading ? "Loading…" : "Load more"}
        </button>
      )}
      {selection.selected.length > 0 && <div aria-hidden="true" className="h-40 sm:h-24" />}
      <SelectionBar
        selected={selection.selected}
        makers={makers}
        viewer={props.viewer}
        onClear={selection.clear}
        onDeleted={deleted}
        onRestored={restored}
      />
    </>
  );
}
