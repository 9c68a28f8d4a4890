"use client";

import { useEffect, useRef, useState } from "react";
import { ApiError, api } from "@/lib/client/api";
import type { DesignInput } from "@/lib/design/schema";
import { clearLocalDraft, stableJson, writeLocalDraft } from "./local-draft";

// Autosave of the design draft (PATCH /api/posters/{id}/design/draft): a pause in the changes sends them, each save
// naming the revision it was made on. Until the server has a change it is kept in this browser too (local-draft.ts),
// so a change the network couldn't take survives a reload; a failed save is tried again, later and later, and as
// soon as the browser is back online. Nothing here renders the poster: that is Save's (the composed full-size PNG).

/** A pause this long in the changes sends them (a slider drag, a burst of typing: one save). */
export const AUTOSAVE_MS = 800;
/** Changes that never pause (typing for a long time) are still sent this often. */
const MAX_WAIT_MS = 5000;
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;
const RETRIED = new Set<string>(["network", "unavailable", "internal", "rate_limited", "timeout"]);

export type AutosaveStatus =
  /** Nothing changed since the page opened. */
  | { state: "idle" }
  | { state: "saving" }
  | { state: "saved"; at: string }
  /** The network failed: the changes are kept in this browser and sent when it can. */
  | { state: "offline" }
  /** The server refused them (`retrying`: it failed, and they are tried again); `refusal` names fields (a lock). */
  | { state: "failed"; message: string; retrying: boolean; refusal?: ApiError }
  /** Another window or person saved a revision since this one's: the user chooses. */
  | { state: "conflict"; message: string };

export function statusText(status: AutosaveStatus): string {
  switch (status.state) {
    case "idle":
      return "";
    case "saving":
      return "Saving…";
    case "saved":
      return "Saved";
    case "offline":
      return "Offline — changes kept here";
    case "failed":
      if (status.retrying) return "Not saved yet — changes kept here, trying again";
      return status.refusal ? "Not saved: see the highlighted fields" : `Not saved: ${status.message}`;
    case "conflict":
      return `Not saved: ${status.message}`;
  }
}

/** Whether leaving now would lose changes autosave couldn't store on the server. */
const unstored = (status: AutosaveStatus) =>
  status.state === "offline" || status.state === "failed" || status.state === "conflict";

export class DraftSaver {
  design: DesignInput;
  json: string;
  /** What the server holds: the draft, or the saved design when there is none. */
  stored: string;
  revision: number | null;
  status: AutosaveStatus = { state: "idle" };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private firstUnsaved: number | null = null;
  private retryMs = FIRST_RETRY_MS;
  private paused = false;

  constructor(
    readonly posterId: string,
    design: DesignInput,
    revision: number | null,
    private readonly onStatus: (status: AutosaveStatus) => void,
  ) {
    this.design = design;
    this.json = stableJson(design);
    this.stored = this.json;
    this.revision = revision;
  }

  get dirty() {
    return this.json !== this.stored;
  }

  private setStatus(status: AutosaveStatus) {
    this.status = status;
    this.onStatus(status);
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  changed(design: DesignInput) {
    this.design = design;
    this.json = stableJson(design);
    if (!this.dirty) {
      // Back to what the server has (undone to it): nothing to send. On opening (idle), the editor decides what a
      // copy kept in this browser is worth; it isn't cleared here.
      clearTimeout(this.timer);
      this.firstUnsaved = null;
      if (this.status.state === "idle") return;
      clearLocalDraft(this.posterId);
      if (!this.inFlight) this.setStatus({ state: "saved", at: new Date().toISOString() });
      return;
    }
    writeLocalDraft(this.posterId, design);
    if (this.paused || this.status.state === "conflict") return;
    // Offline, the retry already scheduled sends the newest changes: more typing doesn't hurry it.
    if (this.status.state === "offline" || (this.status.state === "failed" && this.status.retrying)) return;
    this.firstUnsaved ??= Date.now();
    this.setStatus({ state: "saving" });
    this.schedule(Math.max(0, Math.min(AUTOSAVE_MS, this.firstUnsaved + MAX_WAIT_MS - Date.now())));
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.inFlight) await this.inFlight;
    if (this.paused || !this.dirty || this.inFlight) return;
    const { design, json } = this;
    const run = this.send(design, json).finally(() => {
      this.inFlight = null;
    });
    this.inFlight = run;
    await run;
  }

  private async send(design: DesignInput, json: string) {
    try {
      const saved = await api.saveDraft(this.posterId, {
        design,
        ...(this.revision ? { baseRevision: this.revision } : {}),
      });
      this.revision = saved.revision;
      this.stored = json;
      this.retryMs = FIRST_RETRY_MS;
      if (this.dirty) {
        this.firstUnsaved = Date.now();
        this.schedule(AUTOSAVE_MS);
        return;
      }
      this.firstUnsaved = null;
      clearLocalDraft(this.posterId);
      this.setStatus({ state: "saved", at: saved.savedAt });
    } catch (error) {
      if (error instanceof ApiError && error.code === "draft_conflict") {
        this.setStatus({ state: "conflict", message: error.message });
        return;
      }
      // Not reached, or the server's trouble (not the design's): tried again. A refusal (a lock, a bad field) isn't.
      const code = error instanceof ApiError ? error.code : "network";
      const message = error instanceof ApiError ? error.message : "";
      if (!RETRIED.has(code)) {
        const refusal = error instanceof ApiError && error.fields ? error : undefined;
        this.setStatus({ state: "failed", message, retrying: false, ...(refusal ? { refusal } : {}) });
        return;
      }
      this.setStatus(code === "network" ? { state: "offline" } : { state: "failed", message, retrying: true });
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    }
  }

  /** Back online: try now rather than at the next retry. */
  retryNow() {
    if (this.status.state === "offline" || this.status.state === "failed") {
      this.retryMs = FIRST_RETRY_MS;
      void this.flush();
    }
  }

  /** The page is going away (a reload, a closed tab): a last save the browser finishes after the page is gone. The
   * browser keeps its copy either way, so a save that fails here is found there on the next visit. */
  lastChance() {
    // Only changes still waiting for their pause: ones the server just failed to take are the browser's copy's.
    if (!this.dirty || this.paused || this.inFlight || this.status.state !== "saving") return;
    void fetch(`/api/posters/${this.posterId}/design/draft`, {
      method: "PATCH",
      keepalive: true,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ design: this.design, ...(this.revision ? { baseRevision: this.revision } : {}) }),
    }).catch(() => {});
  }

  /** Before Save: no autosave lands after the commit (which deletes the draft). */
  async settle() {
    this.paused = true;
    clearTimeout(this.timer);
    if (this.inFlight) await this.inFlight;
  }

  /** Save was refused: autosave carries on. */
  resume() {
    this.paused = false;
    if (this.dirty) this.changed(this.design);
  }

  /** Save committed `design` (or removed the design: null), and with it deleted the draft. */
  committed(design: DesignInput | null) {
    this.paused = false;
    this.revision = null;
    this.stored = design ? stableJson(design) : this.json;
    this.firstUnsaved = null;
    clearLocalDraft(this.posterId);
    this.setStatus({ state: "saved", at: new Date().toISOString() });
    if (this.dirty) this.changed(this.design);
  }

  /** Throws the draft away: the server's and this browser's. The editor then shows `saved`. */
  async discard(saved: DesignInput) {
    await this.settle();
    try {
      await api.discardDraft(this.posterId);
    } finally {
      this.paused = false;
    }
    this.revision = null;
    this.stored = stableJson(saved);
    clearLocalDraft(this.posterId);
    this.setStatus({ state: "idle" });
  }

  /** After a conflict: this window's changes become the next revision of whatever the server has now. */
  async keepMine() {
    try {
      this.revision = (await api.getDraft(this.posterId)).revision;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "draft_not_found")) throw error;
      this.revision = null;
    }
    this.setStatus({ state: "saving" });
    this.stored = "";
    await this.flush();
  }

  /** The server's draft as it is now (null: none): autosave goes on from its revision. */
  rebase(draft: { design: DesignInput; revision: number } | null) {
    this.revision = draft?.revision ?? null;
    if (draft && this.status.state === "idle") this.stored = stableJson(draft.design);
  }

  stop() {
    clearTimeout(this.timer);
  }
}

export function useAutosave(
  posterId: string,
  design: DesignInput,
  start: { design: DesignInput; revision: number | null },
) {
  const [status, setStatus] = useState<AutosaveStatus>({ state: "idle" });
  const saver = useRef<DraftSaver | null>(null);
  saver.current ??= new DraftSaver(posterId, start.design, start.revision, setStatus);
  const current = saver.current;

  useEffect(() => {
    current.changed(design);
  }, [current, design]);

  useEffect(() => {
    const online = () => current.retryNow();
    const hidden = () => {
      if (document.visibilityState === "hidden") void current.flush();
    };
    const leaving = () => current.lastChance();
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", leaving);
    return () => {
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", leaving);
      // Leaving the page inside the app (Gallery, the poster): what hasn't gone yet goes now.
      current.stop();
      void current.flush();
    };
  }, [current]);

  // Only when autosave couldn't store the changes: the browser's own "leave the page?" question.
  const warn = unstored(status);
  useEffect(() => {
    if (!warn) return;
    const ask = (event: BeforeUnloadEvent) => {
      if (!current.dirty) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [current, warn]);

  return { status, saver: current };
}
