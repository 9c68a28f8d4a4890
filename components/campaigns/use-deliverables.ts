"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { DeliverablesView } from "@/lib/campaigns/types";
import { ApiError, api } from "@/lib/client/api";

// The campaign's matrix as it fills in: GET …/deliverables every 1.5 s while any cell is queued, then not at all.
// The run is a job on the server: closing the page stops this polling, never the run; opening the page again
// follows it from where it is. `refresh` looks again now (after a run starts, or a change that may put cells out
// of date) and keeps looking while anything is queued.

const EVERY_MS = 1500;

export function useDeliverables(campaignId: string, initial: DeliverablesView) {
  const [view, setView] = useState(initial);
  const [error, setError] = useState("");
  const [asked, setAsked] = useState(initial.totals.queued > 0 ? 1 : 0);
  const [following, setFollowing] = useState(initial.totals.queued > 0);
  const misses = useRef(0);

  useEffect(() => {
    if (asked === 0) return;
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      try {
        const next = await api.deliverables(campaignId, stop.signal);
        misses.current = 0;
        setError("");
        setView(next);
        if (next.totals.queued === 0) {
          setFollowing(false);
          return;
        }
      } catch (failure) {
        if (stop.signal.aborted) return;
        // A network blip doesn't end the run: keep looking, and say so after a few misses.
        misses.current++;
        if (misses.current >= 3) {
          setError(failure instanceof ApiError ? failure.message : "Can't reach OneSheet: still trying.");
        }
      }
      timer = setTimeout(look, EVERY_MS);
    };
    setFollowing(true);
    void look();
    return () => {
      stop.abort();
      if (timer) clearTimeout(timer);
    };
  }, [asked, campaignId]);

  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return { view, error, following, refresh };
}
