"use client";

import Link from "next/link";
import { compareHref } from "@/lib/client/links";
import { trimText } from "@/lib/format";
import { type AspectRatio, aspectRatioInfo } from "@/lib/models/generation";
import { PosterTile, type TileHandlers } from "./poster-tile";
import { ResultImage, type ResultPoster } from "./result-card";
import type { Tile } from "./use-generation";

const grid = "grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4";
const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";

// The results area: this visit's Generate on top (with its progress), then my earlier posters, newest first.
export function Results(props: {
  tiles: Tile[];
  status: string;
  onCancel: (tile: Tile) => void;
  onRetry: (tile: Tile) => void;
  feed: { posters: ResultPoster[]; loading: boolean; loaded: boolean; hasMore: boolean; message: string };
  onLoadMore: () => void;
  handlers: (poster: ResultPoster) => TileHandlers;
  selected: string[];
  onClearSelection: () => void;
}) {
  const { tiles, feed } = props;
  const empty = feed.loaded && feed.posters.length === 0 && tiles.length === 0;
  const showHeading = empty || feed.posters.length > 0;
  return (
    <section aria-label="Results" className="min-w-0">
      <p role="status" className="mb-3 min-h-5 text-sm text-muted">
        {props.status}
      </p>
      {tiles.length > 0 && (
        <div className={`${grid} mb-8`}>
          {tiles.map((tile, index) => (
            <PosterTile
              key={tile.key}
              tile={tile}
              index={index}
              onCancel={() => props.onCancel(tile)}
              onRetry={() => props.onRetry(tile)}
              handlers={tile.status === "done" ? props.handlers(tile.poster) : NO_HANDLERS}
            />
          ))}
        </div>
      )}
      <section aria-labelledby={showHeading ? "feed-heading" : undefined}>
        {/* Only once there is something under it (or the empty-state note): a bare heading reads as broken. */}
        {showHeading && (
          <h2 id="feed-heading" className="mb-3 text-sm font-semibold tracking-wide text-muted uppercase">
            Your posters
          </h2>
        )}
        {empty && (
          <p className="rounded-lg border border-dashed border-edge p-6 text-center text-sm text-muted">
            Nothing here yet: describe a poster and press Generate. Everything you make stays here, newest first.
          </p>
        )}
        {feed.posters.length > 0 && (
          <ul className={grid} aria-label="Your posters, newest first">
            {feed.posters.map((poster) => {
              const ratio = aspectRatioInfo(poster.aspectRatio as AspectRatio);
              const label = `“${trimText(poster.prompt, 48)}”`;
              return (
                <li key={poster.id} className="min-w-0">
                  <article aria-label={label} data-poster-id={poster.id}>
                    <div
                      className="relative overflow-hidden rounded-lg border border-edge bg-panel"
                      style={{ aspectRatio: `${ratio.w} / ${ratio.h}` }}
                    >
                      <ResultImage poster={poster} label={label} {...props.handlers(poster)} />
                    </div>
                  </article>
                </li>
              );
            })}
          </ul>
        )}
        <div className="mt-4 flex min-h-9 items-center justify-center gap-3 text-sm">
          {feed.message && (
            <p role="alert" className="text-danger">
              {feed.message}
            </p>
          )}
          {(feed.hasMore || feed.message) && (
            <button type="button" className={button} onClick={props.onLoadMore} disabled={feed.loading}>
              {feed.loading ? "Loading…" : feed.message ? "Try again" : "Load more"}
            </button>
          )}
        </div>
      </section>
      {props.selected.length > 0 && (
        <section
          aria-label="Compare selection"
          className="sticky bottom-3 z-10 mx-auto mt-4 flex w-fit max-w-full flex-wrap items-center gap-3 rounded-full border border-edge bg-panel px-4 py-2 text-sm shadow-lg"
        >
          <span>{props.selected.length} of 4 picked</span>
          {props.selected.length >= 2 ? (
            <Link href={compareHref(props.selected)} className="font-semibold text-accent hover:underline">
              Compare {props.selected.length}
            </Link>
          ) : (
            <span className="text-muted">Pick one more to compare</span>
          )}
          <button type="button" className="text-muted hover:text-white" onClick={props.onClearSelection}>
            Clear
          </button>
        </section>
      )}
    </section>
  );
}

const NO_HANDLERS: TileHandlers = {
  onOpen: () => {},
  selected: false,
  canSelect: false,
  onSelect: () => {},
  onFavorite: () => {},
};
