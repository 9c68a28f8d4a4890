"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PosterView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";

// The tiles of one Generate: each variation is its own request with its own seed, so one failing, being cancelled
// or retried never touches the others.

export type TileRequest = Record<string, unknown> & { seed: number; aspectRatio: string; model: string };

export type Tile =
  | { key: string; request: TileRequest; status: "pending"; startedAt: number }
  | { key: string; request: TileRequest; status: "done"; poster: PosterView }
  | { key: string; request: TileRequest; status: "failed"; message: string }
  | { key: string; request: TileRequest; status: "cancelled" };

let counter = 0;
const nextKey = () => `tile-${++counter}`;

export function useGeneration(
  onFieldErrors: (fields: Record<string, string>) => void,
  onMade: (poster: PosterView) => void,
) {
  const [tiles, setTiles] = useState<Tile[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  const update = useCallback((key: string, tile: Tile) => {
    setTiles((all) => all.map((t) => (t.key === key ? tile : t)));
  }, []);

  const run = useCallback(
    async (key: string, request: TileRequest) => {
      const controller = new AbortController();
      controllers.current.set(key, controller);
      try {
        const poster = await api.createPoster(request, controller.signal);
        update(key, { key, request, status: "done", poster });
        onMade(poster);
      } catch (error) {
        if (controller.signal.aborted) return update(key, { key, request, status: "cancelled" });
        const message = error instanceof ApiError ? error.message : "Something went wrong: try again.";
        if (error instanceof ApiError && error.fields) onFieldErrors(error.fields);
        update(key, { key, request, status: "failed", message });
      } finally {
        controllers.current.delete(key);
      }
    },
    [update, onFieldErrors, onMade],
  );

  const start = useCallback(
    (requests: TileRequest[]) => {
      for (const controller of controllers.current.values()) controller.abort();
      const fresh = requests.map((request) => ({ key: nextKey(), request }));
      setTiles(fresh.map(({ key, request }) => ({ key, request, status: "pending", startedAt: Date.now() })));
      for (const { key, request } of fresh) void run(key, request);
    },
    [run],
  );

  const retry = useCallback(
    (tile: Tile) => {
      update(tile.key, { key: tile.key, request: tile.request, status: "pending", startedAt: Date.now() });
      void run(tile.key, tile.request);
    },
    [run, update],
  );

  const cancel = useCallback((key: string) => controllers.current.get(key)?.abort(), []);

  useEffect(() => {
    const all = controllers.current;
    return () => {
      for (const controller of all.values()) controller.abort();
    };
  }, []);

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
