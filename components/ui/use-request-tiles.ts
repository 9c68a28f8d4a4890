"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PosterView } from "@/lib/api-types";
import { ApiError } from "@/lib/client/api";

// Tiles that each run one request for a new poster on their own: one failing, being cancelled or retried never
// touches the others. The studio's variations and the Develop panel's runs both work this way.

export type RequestTile<I> = { key: string; input: I } & (
  | { status: "pending"; startedAt: number }
  | { status: "done"; poster: PosterView }
  | { status: "failed"; message: string; code?: string }
  | { status: "cancelled" }
);

let counter = 0;

export function useRequestTiles<I>(
  send: (input: I, signal: AbortSignal) => Promise<PosterView>,
  onFieldErrors: (fields: Record<string, string>) => void,
  onMade: (poster: PosterView) => void,
) {
  const [tiles, setTiles] = useState<RequestTile<I>[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  // The latest callbacks, without restarting anything when the parent re-renders.
  const callbacks = useRef({ send, onFieldErrors, onMade });
  callbacks.current = { send, onFieldErrors, onMade };

  const update = useCallback((tile: RequestTile<I>) => {
    setTiles((all) => all.map((t) => (t.key === tile.key ? tile : t)));
  }, []);

  const run = useCallback(
    async (key: string, input: I) => {
      const controller = new AbortController();
      controllers.current.set(key, controller);
      try {
        const poster = await callbacks.current.send(input, controller.signal);
        update({ key, input, status: "done", poster });
        callbacks.current.onMade(poster);
      } catch (error) {
        if (controller.signal.aborted) return update({ key, input, status: "cancelled" });
        const message = error instanceof ApiError ? error.message : "Something went wrong: try again.";
        // Refused for what the form says (a field's error): nothing ran, and the same request can only fail again,
        // so the message goes to its field and no tile offers a Retry.
        if (error instanceof ApiError && error.fields) {
          callbacks.current.onFieldErrors(error.fields);
          return setTiles((all) => all.filter((t) => t.key !== key));
        }
        update({ key, input, status: "failed", message, code: error instanceof ApiError ? error.code : undefined });
      } finally {
        controllers.current.delete(key);
      }
    },
    [update],
  );

  /** Starts a tile per input: replacing the tiles there are (cancelling those still running), or newest first. */
  const launch = useCallback(
    (inputs: I[], mode: "replace" | "prepend") => {
      if (mode === "replace") for (const controller of controllers.current.values()) controller.abort();
      const fresh = inputs.map((input) => ({ key: `tile-${++counter}`, input }));
      const pending = fresh.map(
        ({ key, input }): RequestTile<I> => ({ key, input, status: "pending", startedAt: Date.now() }),
      );
      setTiles((all) => (mode === "replace" ? pending : [...pending, ...all]));
      for (const { key, input } of fresh) void run(key, input);
    },
    [run],
  );

  const retry = useCallback(
    (tile: RequestTile<I>) => {
      update({ key: tile.key, input: tile.input, status: "pending", startedAt: Date.now() });
      void run(tile.key, tile.input);
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

  return { tiles, launch, retry, cancel };
}
