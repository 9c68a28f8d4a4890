"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { PosterPage, PosterSummary } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { FEED_PAGE_SIZE } from "./feed-page";

// The studio's feed: my posters from the table, newest first, a page at a time (GET /api/posters?mine=true), so
// results survive navigation and reloads. Posters made in this visit are put on top as they arrive. The first page
// comes with the page (listed on the server), so it paints with the HTML; without it (the page couldn't list it)
// the feed asks for it once mounted.

export function useFeed(initial?: PosterPage) {
  const [posters, setPosters] = useState<PosterSummary[]>(initial?.posters ?? []);
  // undefined: the first page hasn't come yet; null: no more pages.
  const [cursor, setCursor] = useState<string | null | undefined>(initial ? initial.nextCursor : undefined);
  const hadFirstPage = useRef(Boolean(initial));
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState("");
  const busy = useRef(false);

  const load = useCallback(async (from?: string) => {
    if (busy.current) return;
    busy.current = true;
    setLoading(true);
    try {
      const query = new URLSearchParams({ mine: "true", limit: String(FEED_PAGE_SIZE) });
      if (from) query.set("cursor", from);
      const page = await api.listPosters(query);
      setPosters((all) => {
        const seen = new Set(all.map((p) => p.id));
        return [...all, ...page.posters.filter((p) => !seen.has(p.id))];
      });
      setCursor(page.nextCursor);
      setMessage("");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't load your posters: try again.");
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!hadFirstPage.current) void load();
  }, [load]);

  const loadMore = useCallback(() => {
    if (cursor) void load(cursor);
    else if (cursor === undefined) void load();
  }, [cursor, load]);

  /** A poster just made goes on top (it is the newest). */
  const prepend = useCallback((poster: PosterSummary) => {
    setPosters((all) => [poster, ...all.filter((p) => p.id !== poster.id)]);
  }, []);

  return { posters, loading, message, hasMore: cursor !== null, loaded: cursor !== undefined, loadMore, prepend };
}
