"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { PosterSummary } from "@/lib/api-types";
import { trimText } from "@/lib/display-text";
import { StatusBadge } from "../reviews/status-badge";
import { SelectButton } from "../selection/select-button";
import { Ago } from "../ui/now";
import { useNearViewport } from "./use-near-viewport";

// One poster in the gallery's justified rows: it grows in proportion to its shape, so every row is one height and
// mixed ratios leave no holes. Until its thumbnail arrives it is a shimmering box of the poster's shape (never the
// alt text); selected, it carries a ring and a tick.
export function GalleryTile(props: {
  poster: PosterSummary;
  modelLabel: string;
  /** How a derived poster was made ("Reframed 16:9"), when versions are shown. */
  mark?: string;
  /** Versions folded into this original ("+2 versions"). */
  versionCount: number;
  eager: boolean;
  onToggleFavorite: () => void;
  busy: boolean;
  selected: boolean;
  /** Whether any tile is selected: the tick shows on every tile then. */
  selecting: boolean;
  onSelect: (event: React.MouseEvent) => void;
  /** From useSelection: marks the link as the tile's focusable item and turns clicks into picks while selecting. */
  linkProps: { "data-select-id": string; onClick: (event: React.MouseEvent) => void };
}) {
  const { poster } = props;
  const imageRef = useNearViewport<HTMLImageElement>(props.eager);
  const [state, setState] = useState<"loading" | "loaded" | "failed">("loading");
  const ratio = poster.width / poster.height;
  const label = trimText(poster.prompt, 60) || "poster without a prompt";
  const badge =
    props.mark ??
    (props.versionCount > 0 ? `+${props.versionCount} ${props.versionCount === 1 ? "version" : "versions"}` : "");

  // A thumbnail from the browser's cache may finish before hydration, when onLoad isn't listened to yet.
  useEffect(() => {
    const img = imageRef.ref.current;
    if (img?.complete && img.naturalWidth > 0) setState("loaded");
  }, [imageRef.ref]);

  return (
    <li
      className="group relative min-w-0"
      // A row grows to the full width; one tile can't grow past twice the row's height (a lone tall poster would
      // otherwise fill a phone's screen).
      style={{ flex: `${ratio} 1 calc(var(--row) * ${ratio})`, maxWidth: `calc(var(--row) * ${ratio * 2})` }}
    >
      {/* No prefetch: two dozen tiles would each ask the server for their page before anyone clicks. */}
      <Link
        href={`/posters/${poster.id}`}
        prefetch={false}
        aria-current={props.selected ? "true" : undefined}
        {...props.linkProps}
        className={`relative block overflow-hidden rounded-lg border bg-panel ${
          props.selected ? "border-accent ring-2 ring-accent" : "border-edge"
        } ${state === "loading" ? "animate-pulse bg-gradient-to-br from-edge to-panel motion-reduce:animate-none" : ""}`}
        style={{ aspectRatio: `${poster.width} / ${poster.height}` }}
      >
        {/* Thumbnails only (≤ 25 KB WebP), never the full PNG. Pre-signed URLs expire, so no image optimiser. */}
        {/* biome-ignore lint/performance/noImgElement: see above */}
        <img
          ref={imageRef.ref}
          src={imageRef.near ? poster.thumbnailUrl : undefined}
          alt={trimText(poster.prompt, 120) || "Poster without a prompt"}
          width={poster.width}
          height={poster.height}
          decoding="async"
          onLoad={() => setState("loaded")}
          onError={() => setState("failed")}
          className={`h-full w-full object-cover text-transparent transition-opacity duration-300 ${
            state === "loaded" ? "opacity-100" : "opacity-0"
          }`}
        />
        {/* One stack at the foot of the tile: the caption (on hover or focus) above the badges, which stay in view
            and clear of it; the badges wrap onto two lines where a phone's narrow tile can't hold both. */}
        <span className="pointer-events-none absolute inset-x-0 bottom-0 flex flex-col gap-1.5 p-2 text-xs">
          <span className="absolute inset-0 -top-8 rounded-b-lg bg-gradient-to-t from-black/90 to-transparent opacity-0 transition-opacity group-hover:opacity-100 group-focus-within:opacity-100" />
          <span className="relative flex flex-col gap-0.5 px-1 opacity-0 transition-opacity group-hover:opacity-100 group-focus-within:opacity-100">
            <span className="line-clamp-2 text-white">{trimText(poster.prompt, 90) || "No prompt"}</span>
            <span className="text-muted">
              {poster.createdByName ?? `seed ${poster.seed}`} · <Ago iso={poster.createdAt} />
            </span>
          </span>
          {(badge || poster.status !== "draft") && (
            <span className="relative flex flex-wrap items-end justify-between gap-1">
              {badge && (
                <span className="whitespace-nowrap rounded-full bg-black/75 px-2 py-0.5 font-medium text-white">
                  {badge}
                </span>
              )}
              {/* Drafts carry nothing: only a poster out for review, or decided, needs telling apart at a glance. */}
              {poster.status !== "draft" && (
                <span className="ml-auto rounded bg-black/80 leading-none">
                  <StatusBadge status={poster.status} />
                </span>
              )}
            </span>
          )}
        </span>
      </Link>
      {/* Which model made it, on every tile and without a hover (a phone has none). */}
      <p className="mt-1 truncate text-xs text-muted" title={props.modelLabel}>
        {props.modelLabel}
      </p>
      <SelectButton
        label={label}
        selected={props.selected}
        selecting={props.selecting}
        onSelect={props.onSelect}
        idle="opacity-70 sm:opacity-0"
      />
      <button
        type="button"
        onClick={props.onToggleFavorite}
        disabled={props.busy}
        aria-pressed={Boolean(poster.favorite)}
        aria-label={`Favourite: ${label}`}
        className="absolute right-2 top-2 rounded-full bg-black/60 p-1.5 text-lg leading-none text-white aria-pressed:text-accent"
      >
        <span aria-hidden="true">{poster.favorite ? "★" : "☆"}</span>
      </button>
    </li>
  );
}
