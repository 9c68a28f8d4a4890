"use client";

import { useEffect, useRef, useState } from "react";
import type { ExportView } from "@/lib/api-types";
import { api } from "@/lib/client/api";

// A poster's print masters as the page shows them, newest first: those the server listed, those made here since,
// and, while any is queued or being made (a TIFF is a job on the queue), asked after every few seconds until it is
// ready or failed, so a master started before a reload, or in another tab, still turns into its download link.

const POLL_MS = 3000;
const pending = (e: ExportView) => e.status === "queued" || e.status === "running";

export function useExports(initial: readonly ExportView[], onSettled?: (view: ExportView) => void) {
  const [exports, setExports] = useState<ExportView[]>(() => [...initial]);
  const settled = useRef(onSettled);
  settled.current = onSettled;

  const waiting = exports.filter(pending);
  const waitingKey = waiting.map((e) => e.exportId).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: polls while the set of pending exports is the same
  useEffect(() => {
    if (!waitingKey) return;
    const timer = setInterval(async () => {
      for (const e of waiting) {
        const fresh = await api.exportStatus(e.statusUrl).catch(() => null);
        if (!fresh) continue;
        setExports((list) => list.map((x) => (x.exportId === fresh.exportId ? fresh : x)));
        if (!pending(fresh)) settled.current?.(fresh);
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [waitingKey]);

  return {
    exports,
    add: (view: ExportView) => setExports((list) => [view, ...list.filter((x) => x.exportId !== view.exportId)]),
  };
}
