"use client";

import { useCallback } from "react";
import type { PosterView } from "@/lib/api-types";
import { api } from "@/lib/client/api";
import type { AspectRatio } from "@/lib/models/aspect-ratios";
import { type RequestTile, useRequestTiles } from "../ui/use-request-tiles";

// The tiles of one Generate: each variation is its own request with its own seed, so one failing, being cancelled
// or retried never touches the others.

export type TileRequest = Record<string, unknown> & { seed: number; aspectRatio: AspectRatio; model: string };

export type Tile = RequestTile<TileRequest>;

export function useGeneration(
  onFieldErrors: (fields: Record<string, string>) => void,
  onMade: (poster: PosterView) => void,
) {
  const { tiles, launch, retry, cancel } = useRequestTiles<TileRequest>(
    (request, signal) => api.createPoster(request, signal),
    onFieldErrors,
    onMade,
  );
  /** A new Generate replaces the tiles there are. */
  const start = useCallback((requests: TileRequest[]) => launch(requests, "replace"), [launch]);
  return { tiles, start, retry, cancel };
}

/** "2 of 3 ready, 1 failed" — for the live region. */
export function describeProgress(tiles: Tile[]): string {
  if (tiles.length === 0) return "";
  const count = (status: Tile["status"]) => tiles.filter((t) => t.status === status).length;
  const pending = count("pending");
  if (pending > 0)
    return `Generating ${tiles.length === 1 ? "1 poster" : `${tiles.length} posters`}: ${count("done")} ready.`;
  const parts = [`${count("done")} of ${tiles.length} ready`];
  if (count("failed")) parts.push(`${count("failed")} failed`);
  if (count("cancelled")) parts.push(`${count("cancelled")} cancelled`);
  return `${parts.join(", ")}.`;
}
