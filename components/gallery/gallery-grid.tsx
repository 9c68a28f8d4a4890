"use client";

import { useState } from "react";
import type { PosterPage, PosterSummary } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { versionMark } from "@/lib/version-mark";
import { GalleryTile } from "./gallery-tile";

// The first row or so loads at once; the rest as they come near the viewport (see use-near-viewport.ts).
const EAGER_TILES = 6;

// The gallery's grid: the first page comes rendered from the server; "Load more" follows the cursor with the same
// filters. A page may come back short when a filter is sparse: the cursor says whether there is more.
export function GalleryGrid(props: {
  initial: PosterPage;
  query: Record<string, string>;
  labels: Record<string, string>;
  /** What each operation marks its posters with ("Upscaled"), from the catalogue. */
  marks: Record<string, string>;
  /** Versions are folded into their originals: tiles say how many they hold. */
  folded: boolean;
}) {
  const [posters, setPosters] = useState<PosterSummary[]>(props.initial.posters);
  const [cursor, setCursor] = useState(props.initial.nextCursor);
  const [loading, setLoading] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState("");

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

  return (
    <>
      {posters.length === 0 ? (
        <p className="text-muted">
          {props.folded && props.query.operation
            ? "No originals made this way: their versions are folded. Choose “All versions” to see them."
            : "No posters here yet."}
        </p>
      ) : (
        <ul aria-label="Posters" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6">
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
            />
          ))}
        </ul>
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
    </>
  );
}
