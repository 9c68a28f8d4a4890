"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PosterView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import type { OperationRequest } from "@/lib/models";

// The results of the Develop panel: each Run is its own tile (newest first) that runs, can be cancelled or retried
// on its own, like the studio's variations. A retry sends the same request (its mask upload is still there).

export interface OperationRun {
  request: OperationRequest;
  label: string;
  typicalSeconds: number;
}

export type OperationTile = { key: string; run: OperationRun } & (
  | { status: "pending"; startedAt: number }
  | { status: "done"; poster: PosterView }
  | { status: "failed"; message: string }
  | { status: "cancelled" }
);

let counter = 0;

export function useOperations(
  onFieldErrors: (fields: Record<string, string>) => void,
  onMade: (poster: PosterView) => void,
) {
  const [tiles, setTiles] = useState<OperationTile[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const fieldErrors = useRef(onFieldErrors);
  fieldErrors.current = onFieldErrors;
  const made = useRef(onMade);
  made.current = onMade;

  const update = useCallback((tile: OperationTile) => {
    setTiles((all) => all.map((t) => (t.key === tile.key ? tile : t)));
  }, []);

  const go = useCallback(
    async (key: string, run: OperationRun) => {
      const controller = new AbortController();
      controllers.current.set(key, controller);
      try {
        const poster = await api.runOperation(run.request, controller.signal);
        update({ key, run, status: "done", poster });
        made.current(poster);
      } catch (error) {
        if (controller.signal.aborted) return update({ key, run, status: "cancelled" });
        const message = error instanceof ApiError ? error.message : "Something went wrong: try again.";
        if (error instanceof ApiError && error.fields) fieldErrors.current(error.fields);
        update({ key, run, status: "failed", message });
      } finally {
        controllers.current.delete(key);
      }
    },
    [update],
  );

  const start = useCallback(
    (run: OperationRun) => {
      const key = `op-${++counter}`;
      setTiles((all) => [{ key, run, status: "pending", startedAt: Date.now() }, ...all]);
      void go(key, run);
    },
    [go],
  );

  const retry = useCallback(
    (tile: OperationTile) => {
      update({ key: tile.key, run: tile.run, status: "pending", startedAt: Date.now() });
      void go(tile.key, tile.run);
    },
    [go, update],
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
