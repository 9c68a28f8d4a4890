"use client";

import Link from "next/link";
import type { PosterSummary } from "@/lib/api-types";
import { timeAgo, trimText } from "@/lib/format";
import { useNearViewport } from "./use-near-viewport";

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
}) {
  const { poster } = props;
  const imageRef = useNearViewport<HTMLImageElement>(props.eager);
  return (
    <li className="group relative">
      {/* No prefetch: two dozen tiles would each ask the server for their page before anyone clicks. */}
      <Link
        href={`/posters/${poster.id}`}
        prefetch={false}
        className="block overflow-hidden rounded-lg border border-edge bg-panel"
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
          className="h-full w-full object-cover"
        />
        {(props.mark || props.versionCount > 0) && (
          <span className="absolute left-2 top-2 rounded-full bg-black/75 px-2 py-0.5 text-xs font-medium text-white">
            {props.mark ?? `+${props.versionCount} ${props.versionCount === 1 ? "version" : "versions"}`}
          </span>
        )}
        <span className="pointer-events-none absolute inset-x-0 bottom-0 flex flex-col gap-0.5 bg-gradient-to-t from-black/90 to-transparent p-3 pt-10 text-xs opacity-0 transition-opacity group-hover:opacity-100 group-focus-within:opacity-100">
          <span className="line-clamp-2 text-white">{trimText(poster.prompt, 90) || "No prompt"}</span>
          <span className="text-muted">
            {props.modelLabel} · seed {poster.seed} ·{" "}
            <time dateTime={poster.createdAt} suppressHydrationWarning>
              {timeAgo(poster.createdAt)}
            </time>
          </span>
        </span>
      </Link>
      <button
        type="button"
        onClick={props.onToggleFavorite}
        disabled={props.busy}
        aria-pressed={Boolean(poster.favorite)}
        aria-label={`Favourite: ${trimText(poster.prompt, 60) || "poster without a prompt"}`}
        className="absolute right-2 top-2 rounded-full bg-black/60 p-1.5 text-lg leading-none text-white aria-pressed:text-accent"
      >
        <span aria-hidden="true">{poster.favorite ? "★" : "☆"}</span>
      </button>
    </li>
  );
}
