"use client";

import { useEffect, useState } from "react";
import type { PosterSummary } from "@/lib/api-types";
import { api } from "@/lib/client/api";
import { posterPageUrl } from "@/lib/client/links";
import { SelectButton } from "../selection/select-button";

export const quickButton =
  "rounded-md border border-white/20 bg-ink/80 px-2 py-1 text-xs font-medium backdrop-blur hover:border-accent";

/** Copies text and says so for two seconds. */
export function useCopied(): [boolean, (text: string) => Promise<void>] {
  const [copied, setCopied] = useState(false);
  async function copy(text: string) {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return [copied, copy];
}

export type ResultPoster = PosterSummary & { url?: string; downloadUrl?: string };

// A finished result: the image opens the lightbox (anywhere but on a quick action's button), unless a selection is
// under way: then a click picks, as in the gallery (useSelection). Hover or keyboard focus shows the quick actions. A
// touch screen has no hover: a tap opens the lightbox, which has every action, and the round select button stays
// visible there instead of hiding with the quick actions.
export function ResultImage(props: {
  poster: ResultPoster;
  label: string;
  onOpen: () => void;
  selected: boolean;
  /** Whether any result is selected: the select button shows on every tile then. */
  selecting: boolean;
  onSelect: (event: React.MouseEvent) => void;
  /** From useSelection: marks the image's button as the tile's item and turns clicks into picks while selecting. */
  itemProps?: { "data-select-id": string; onClick: (event: React.MouseEvent) => void };
  /** The favourite as last set anywhere in this visit (a tile or the lightbox). */
  favorite?: boolean;
  onFavorite: (favorite: boolean) => void;
  /** On screen as the page opens (the feed's first row): the browser fetches it ahead of the rest. */
  first?: boolean;
}) {
  const { poster, label } = props;
  const [copied, copy] = useCopied();
  const known = Boolean(props.favorite ?? poster.favorite);
  const [favorite, setFavorite] = useState(known);
  useEffect(() => setFavorite(known), [known]);

  async function toggleFavorite() {
    const next = !favorite;
    setFavorite(next);
    try {
      await api.setFavorite(poster.id, next);
      props.onFavorite(next);
    } catch {
      setFavorite(!next);
    }
  }

  return (
    <div className="group relative h-full w-full">
      {/* Before the image in the tab order: Tab from the image goes on to the quick actions. */}
      {props.itemProps && (
        <SelectButton
          label={label}
          selected={props.selected}
          selecting={props.selecting}
          onSelect={props.onSelect}
          idle="opacity-0 [@media(hover:none)]:opacity-70"
        />
      )}
      <button
        type="button"
        {...props.itemProps}
        onClick={(event) => {
          props.itemProps?.onClick(event);
          if (!event.defaultPrevented) props.onOpen();
        }}
        className={`block h-full w-full ${props.selecting ? "cursor-pointer" : "cursor-zoom-in"}`}
        aria-label={`Open ${label}`}
        aria-haspopup="dialog"
        aria-current={props.selected ? "true" : undefined}
      >
        {/* Pre-signed URLs expire in minutes: next/image's optimiser would cache them under a dead signature. */}
        {/* biome-ignore lint/performance/noImgElement: see above */}
        <img
          src={poster.url ?? poster.thumbnailUrl}
          alt={`Poster: ${poster.prompt}`}
          width={poster.width}
          height={poster.height}
          fetchPriority={props.first ? "high" : undefined}
          className="h-full w-full object-cover"
        />
      </button>
      {/* The favourite at a glance, hover or not: the quick actions (with their star) only show on hover or focus,
          and never on a touch screen. */}
      {favorite && (
        <span
          role="img"
          aria-label="Favourite"
          className="pointer-events-none absolute right-2 top-2 rounded-full bg-black/60 px-1.5 py-1 text-sm leading-none text-accent"
        >
          ★
        </span>
      )}
      {props.selected && (
        <span
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 rounded-lg ring-2 ring-accent ring-inset"
        />
      )}
      <div className="pointer-events-none absolute inset-x-0 bottom-0 flex flex-wrap items-center gap-1 bg-gradient-to-t from-ink/90 to-transparent p-2 pt-6 opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 *:pointer-events-auto [@media(hover:none)]:hidden">
        <button
          type="button"
          className={quickButton}
          aria-pressed={favorite}
          onClick={toggleFavorite}
          title={favorite ? "Favourite" : "Add to favourites"}
        >
          <span aria-hidden="true">{favorite ? "★" : "☆"}</span>
          <span className="sr-only">Favourite {label}</span>
        </button>
        <button type="button" className={quickButton} onClick={() => copy(posterPageUrl(poster.id))}>
          {copied ? "Copied" : "Copy link"}
          <span className="sr-only"> for {label}</span>
        </button>
        {poster.downloadUrl && (
          <a className={quickButton} href={poster.downloadUrl} download>
            Download<span className="sr-only"> {label}</span>
          </a>
        )}
      </div>
    </div>
  );
}
