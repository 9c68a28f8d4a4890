"use client";

import { trimText } from "@/lib/display-text";
import { aspectRatioInfo } from "@/lib/models/aspect-ratios";
import { PosterTile, type TileHandlers } from "./poster-tile";
import { ResultImage, type ResultPoster } from "./result-card";
import type { Tile } from "./use-generation";

const grid = "grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4";
// The feed's first row on the widest grid (two rows on a phone): on screen as the page opens, so fetched first.
const FIRST_ROW = 4;
const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";

// The results area: this visit's Generate on top (with its progress), then my earlier posters, newest first. Both
// are one selection (see useSelection): what is picked goes to the selection bar the studio shows.
export function Results(props: {
  tiles: Tile[];
  status: string;
  onCancel: (tile: Tile) => void;
  onRetry: (tile: Tile) => void;
  feed: { posters: ResultPoster[]; loading: boolean; loaded: boolean; hasMore: boolean; message: string };
  onLoadMore: () => void;
  handlers: (poster: ResultPoster) => TileHandlers;
  /** From useSelection: arrows, Shift+arrows, Space and Ctrl/⌘+A across this visit's results and the feed. */
  selectionKeys: { onKeyDown: (event: React.KeyboardEvent) => void };
  selecting: boolean;
}) {
  const { tiles, feed } = props;
  const empty = feed.loaded && feed.posters.length === 0 && tiles.length === 0;
  const showHeading = empty || feed.posters.length > 0;
  return (
    <section aria-label="Results" className="min-w-0">
      <p role="status" className="mb-3 min-h-5 text-sm text-muted">
        {props.status}
      </p>
      <p className="sr-only">
        Select posters with the round buttons or Shift-click; on the keyboard, Space selects the focused poster, Shift
        with the arrow keys extends the selection and Escape clears it.
      </p>
      <div {...props.selectionKeys}>
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
              {feed.posters.map((poster, index) => {
                const ratio = aspectRatioInfo(poster.aspectRatio);
                const label = `“${trimText(poster.prompt, 48)}”`;
                return (
                  <li key={poster.id} className="min-w-0">
                    <article aria-label={label} data-poster-id={poster.id}>
                      <div
                        className="relative overflow-hidden rounded-lg border border-edge bg-panel"
                        style={{ aspectRatio: `${ratio.w} / ${ratio.h}` }}
                      >
                        <ResultImage
                          poster={poster}
                          label={label}
                          first={index < FIRST_ROW}
                          {...props.handlers(poster)}
                        />
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
      </div>
      {/* Room for the selection bar, fixed to the bottom of the screen, so it never hides the last row. */}
      {props.selecting && <div aria-hidden="true" className="h-56 sm:h-24" />}
    </section>
  );
}

const NO_HANDLERS: TileHandlers = {
  onOpen: () => {},
  selected: false,
  selecting: false,
  onSelect: () => {},
  onFavorite: () => {},
};
