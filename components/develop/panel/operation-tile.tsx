"use client";

import Link from "next/link";
import { Elapsed } from "@/components/studio/poster-tile";
import type { OperationTile as Tile } from "./use-operations";

const buttonClass = "rounded-md border border-edge px-2.5 py-1.5 text-xs font-medium hover:border-accent";

/** One Run of the Develop panel: progress against the service's typical time, then the new poster (a link to its
 *  page), or the reason it failed with Retry. */
export function OperationTile(props: { tile: Tile; number: number; onCancel: () => void; onRetry: () => void }) {
  const { tile } = props;
  const label = `${tile.input.label} ${props.number}`;
  return (
    <article aria-label={label} aria-busy={tile.status === "pending"} data-status={tile.status} className="space-y-2">
      <div className="relative flex aspect-square items-center justify-center overflow-hidden rounded-lg border border-edge bg-panel">
        {tile.status === "done" ? (
          <Link href={`/posters/${tile.poster.id}`} className="block h-full w-full">
            {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
            <img
              src={tile.poster.thumbnailUrl}
              alt={`${label}: open the new poster`}
              className="h-full w-full object-contain"
            />
          </Link>
        ) : tile.status === "pending" ? (
          <div className="h-full w-full animate-pulse bg-gradient-to-b from-edge/40 to-panel" />
        ) : tile.status === "failed" ? (
          <p role="alert" className="p-3 text-center text-sm text-danger">
            {tile.message}
          </p>
        ) : (
          <p className="p-3 text-sm text-muted">Cancelled.</p>
        )}
      </div>
      <p className="text-sm font-medium">{label}</p>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {tile.status === "pending" && (
          <>
            <Elapsed startedAt={tile.startedAt} typical={tile.input.typicalSeconds} />
            <button type="button" className={buttonClass} onClick={props.onCancel}>
              Cancel<span className="sr-only"> {label}</span>
            </button>
          </>
        )}
        {tile.status === "done" && (
          <>
            <span className="tabular-nums text-muted">
              {tile.poster.width}×{tile.poster.height}
            </span>
            <Link href={`/posters/${tile.poster.id}`} className={buttonClass}>
              Open poster<span className="sr-only"> {label}</span>
            </Link>
            <a className={buttonClass} href={tile.poster.downloadUrl} download>
              Download<span className="sr-only"> {label}</span>
            </a>
          </>
        )}
        {(tile.status === "failed" || tile.status === "cancelled") && (
          <button type="button" className={buttonClass} onClick={props.onRetry}>
            Retry<span className="sr-only"> {label}</span>
          </button>
        )}
      </div>
    </article>
  );
}
