"use client";

import { useEffect } from "react";
import { ApiError, api } from "@/lib/client/api";
import type { DraftView } from "@/lib/design/draft-schema";
import type { DesignInput } from "@/lib/design/schema";
import type { DraftNote } from "./draft-bar";
import { clearLocalDraft, readLocalDraft, sameDesign } from "./local-draft";
import type { DraftSaver } from "./use-autosave";

// Once the editor is mounted: the server's draft as it is now (the page may come from the router's cache, on Back,
// older than the draft autosave wrote on leaving) and a copy kept in this browser (changes the network couldn't
// take), which wins when it is newer. Not in the first render: the server has no localStorage, and the first render
// must match its HTML. `found` is called only when that is something other than what the editor opened on, and only
// while the user hasn't started changing it.
export function useDraftOnOpen(options: {
  posterId: string;
  /** The saved design, and the draft the page was rendered with. */
  initial: DesignInput;
  draft: DraftView | null | undefined;
  /** What the editor opened on. */
  opened: DesignInput;
  saver: DraftSaver;
  found: (design: DesignInput, note: DraftNote | null) => void;
}) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening
  useEffect(() => {
    const { posterId, initial, draft, opened, saver } = options;
    let cancelled = false;
    void (async () => {
      const server = await api.getDraft(posterId).then(
        (fresh) => fresh,
        (error) => (error instanceof ApiError && error.code === "draft_not_found" ? null : (draft ?? null)),
      );
      if (cancelled) return;
      const untouched = saver.status.state === "idle" && !saver.dirty;
      saver.rebase(server);
      const worth = server && !sameDesign(server.design, initial) ? server : null;
      let shown: DesignInput = worth?.design ?? initial;
      let note: DraftNote | null = worth ? { at: worth.savedAt } : null;
      const local = readLocalDraft(posterId);
      const localNewer = local && (!server || Date.parse(local.changedAt) > Date.parse(server.savedAt));
      if (local && localNewer && !sameDesign(local.design, shown)) {
        shown = local.design;
        note = { at: local.changedAt, local: true };
      } else if (local) clearLocalDraft(posterId);
      if (untouched && !sameDesign(shown, opened)) options.found(shown, note);
    })();
    return () => {
      cancelled = true;
    };
  }, []);
}
