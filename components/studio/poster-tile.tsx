"use client";

import { useEffect, useState } from "react";
import { type AspectRatio, aspectRatioInfo, getModel } from "@/lib/models/generation";
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

export function PosterTile(props: {
  tile: Tile;
  index: number;
  onCancel: () => void;
  onRetry: () => void;
  onUseSettings: () => void;
}) {
  const { tile, index } = props;
  const ratio = aspectRatioInfo(tile.input.aspectRatio as AspectRatio);
  const [copied, setCopied] = useState(false);
  const label = `Variation ${index + 1}`;

  async function copyLink(url: string) {
    await navigator.clipboard.writeText(url);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }

  return (
    <article
      aria-label={label}
      aria-busy={tile.status === "pending"}
      className="flex flex-col gap-2"
      data-status={tile.status}
    >
      <div
        className="relative overflow-hidden rounded-lg border border-edge bg-panel"
        style={{ aspectRatio: `${ratio.w} / ${ratio.h}` }}
      >
        {tile.status === "done" ? (
          // Pre-signed S3 URLs expire in minutes: next/image's optimiser would cache them under a dead signature.
          // biome-ignore lint/performance/noImgElement: see above
          <img src={tile.poster.url} alt={`Poster: ${tile.poster.prompt}`} className="h-full w-full object-cover" />
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
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {tile.status === "pending" && (
          <>
            <Elapsed startedAt={tile.startedAt} typical={getModel(tile.input.model).typicalSeconds} />
            <button type="button" className={buttonClass} onClick={props.onCancel}>
              Cancel<span className="sr-only"> {label}</span>
            </button>
          </>
        )}
        {tile.status === "done" && (
          <>
            <span className="tabular-nums text-muted">Seed {tile.poster.seed}</span>
            <button type="button" className={buttonClass} onClick={() => copyLink(tile.poster.url)}>
              {copied ? "Copied" : "Copy link"}
              <span className="sr-only"> for {label}</span>
            </button>
            <a className={buttonClass} href={tile.poster.downloadUrl} download>
              Download<span className="sr-only"> {label}</span>
            </a>
            <a className={buttonClass} href={`/posters/${tile.poster.id}#develop`}>
              Develop<span className="sr-only"> {label}</span>
            </a>
            <button type="button" className={buttonClass} onClick={props.onUseSettings}>
              Use these settings<span className="sr-only"> from {label}</span>
            </button>
          </>
        )}
        {(tile.status === "failed" || tile.status === "cancelled") && (
          <>
            <span className="tabular-nums text-muted">Seed {tile.input.seed}</span>
            <button type="button" className={buttonClass} onClick={props.onRetry}>
              Retry<span className="sr-only"> {label}</span>
            </button>
          </>
        )}
      </div>
    </article>
  );
}
