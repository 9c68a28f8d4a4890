"use client";

import { useEffect, useState } from "react";
import { aspectRatioInfo } from "@/lib/models/aspect-ratios";
import { useStudioModels } from "./models-context";
import { ResultImage } from "./result-card";
import { studioModel } from "./studio-models";
import type { Tile } from "./use-generation";

const buttonClass = "rounded-md border border-edge px-2.5 py-1.5 text-xs font-medium hover:border-accent";

export function Elapsed({ startedAt, typical }: { startedAt: number; typical: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000));
  return (
    <span className="tabular-nums">
      {seconds} s <span className="text-muted">· usually about {typical} s</span>
    </span>
  );
}

/** What a finished tile needs from the studio: opening it, selecting it (useSelection), its favourite. */
export interface TileHandlers {
  onOpen: () => void;
  selected: boolean;
  selecting: boolean;
  onSelect: (event: React.MouseEvent) => void;
  itemProps?: { "data-select-id": string; onClick: (event: React.MouseEvent) => void };
  favorite?: boolean;
  onFavorite: (favorite: boolean) => void;
}

// One variation of this visit's Generate: running (with its time and Cancel), done, failed (with Retry) or cancelled.
export function PosterTile(props: {
  tile: Tile;
  index: number;
  onCancel: () => void;
  onRetry: () => void;
  handlers: TileHandlers;
}) {
  const { tile, index } = props;
  const catalogue = useStudioModels();
  const ratio = aspectRatioInfo(tile.input.aspectRatio);
  const label = `Variation ${index + 1}`;

  return (
    <article
      aria-label={label}
      aria-busy={tile.status === "pending"}
      className="flex min-w-0 flex-col gap-1.5"
      data-status={tile.status}
    >
      <div
        className="relative overflow-hidden rounded-lg border border-edge bg-panel"
        style={{ aspectRatio: `${ratio.w} / ${ratio.h}` }}
      >
        {tile.status === "done" ? (
          <ResultImage poster={tile.poster} label={label} {...props.handlers} />
        ) : tile.status === "pending" ? (
          <div className="h-full w-full animate-pulse bg-gradient-to-b from-edge/40 to-panel" />
        ) : (
          <div
            className="flex h-full items-center justify-center p-4 text-center text-sm"
            role={tile.status === "failed" ? "alert" : undefined}
          >
            {tile.status === "failed" ? (
              <p className="text-danger">{tile.message}</p>
            ) : (
              <p className="text-muted">Cancelled.</p>
            )}
          </div>
        )}
      </div>
      <div className="flex min-h-8 flex-wrap items-center gap-2 text-xs">
        {tile.status === "pending" && (
          <>
            <Elapsed startedAt={tile.startedAt} typical={studioModel(catalogue, tile.input.model).typicalSeconds} />
            <button type="button" className={buttonClass} onClick={props.onCancel}>
              Cancel<span className="sr-only"> {label}</span>
            </button>
          </>
        )}
        {tile.status === "done" && <span className="tabular-nums text-muted">Seed {tile.poster.seed}</span>}
        {(tile.status === "failed" || tile.status === "cancelled") && (
          <>
            <span className="tabular-nums text-muted">Seed {tile.input.seed}</span>
            {/* The same seed and prompt meet the same filter again: Retry would only fail again. */}
            {!(tile.status === "failed" && tile.code?.endsWith("_filtered")) && (
              <button type="button" className={buttonClass} onClick={props.onRetry}>
                Retry<span className="sr-only"> {label}</span>
              </button>
            )}
          </>
        )}
      </div>
    </article>
  );
}
