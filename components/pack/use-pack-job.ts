"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ApiError, api } from "@/lib/client/api";
import type { PackJobView } from "@/lib/pack/types";

// Follows a pack job from its status URL until it ends: a poll a second while it runs (a reframe takes seconds, a
// pack a minute or so), then none. Leaving the page stops the polling, not the job; coming back picks it up again.

const EVERY_MS = 1000;

export function usePackJob(initial?: PackJobView) {
  const [job, setJob] = useState<PackJobView | undefined>(initial);
  const [statusUrl, setStatusUrl] = useState<string | undefined>(
    initial && (initial.status === "queued" || initial.status === "running") ? initial.statusUrl : undefined,
  );
  const [error, setError] = useState("");
  const misses = useRef(0);
  const router = useRouter();

  useEffect(() => {
    if (!statusUrl) return;
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      try {
        const next = await api.packStatus(statusUrl, stop.signal);
        misses.current = 0;
        setError("");
        setJob(next);
        if (next.status === "done" || next.status === "failed") {
          setStatusUrl(undefined);
          // The page around the pack (the key art's versions) shows the new posters too.
          router.refresh();
          return;
        }
      } catch (failure) {
        if (stop.signal.aborted) return;
        // A network blip doesn't end the job: keep looking, and say so after a few misses.
        misses.current++;
        if (misses.current >= 3) {
          setError(failure instanceof ApiError ? failure.message : "Can't reach OneSheet: still trying.");
        }
      }
      timer = setTimeout(look, EVERY_MS);
    };
    void look();
    return () => {
      stop.abort();
      if (timer) clearTimeout(timer);
    };
  }, [statusUrl, router]);

  return {
    job,
    error,
    running: Boolean(statusUrl),
    follow(url: string) {
      setJob(undefined);
      setError("");
      setStatusUrl(url);
    },
  };
}
