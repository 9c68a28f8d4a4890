import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The editor's autosave without a browser: the API client is a fake whose answers each test sets, localStorage a
// Map, the clock Vitest's. What it checks: one save per pause, the revision each save names, the browser's copy kept
// exactly while the server lacks the change, retries after a network failure, a conflict left for the user.
const api = vi.hoisted(() => ({
  saveDraft: vi.fn(),
  getDraft: vi.fn(),
  discardDraft: vi.fn(),
}));
vi.mock("@/lib/client/api", async (original) => ({
  ...(await original<typeof import("@/lib/client/api")>()),
  api,
}));

import { readLocalDraft, sameDesign, stableJson } from "@/components/design/local-draft";
import { AUTOSAVE_MS, type AutosaveStatus, DraftSaver, statusText } from "@/components/design/use-autosave";
import { shortcutOf } from "@/components/design/use-design-history";
import { ApiError } from "@/lib/client/api";
import type { DesignInput } from "@/lib/design/schema";

const store = new Map<string, string>();
const design = (tagline: string): DesignInput => ({ template: "classic", title: "Tide", tagline });

function saver(revision: number | null = null) {
  const statuses: AutosaveStatus[] = [];
  const s = new DraftSaver("P1", design(""), revision, (status) => statuses.push(status));
  return { s, statuses, last: () => statusText(statuses.at(-1) ?? { state: "idle" }) };
}

beforeEach(() => {
  vi.useFakeTimers();
  store.clear();
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  });
  api.saveDraft.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("autosave", () => {
  it("sends one save per pause, naming the revision it was made on, and keeps the browser's copy only until then", async () => {
    api.saveDraft.mockResolvedValueOnce({ revision: 4, savedAt: "2026-12-06T12:04:00Z" });
    api.saveDraft.mockResolvedValueOnce({ revision: 5, savedAt: "2026-12-06T12:05:00Z" });
    const { s, last } = saver(3);
    for (const typed of ["S", "So", "Som", "Some"]) {
      s.changed(design(typed));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(last()).toBe("Saving…");
    expect(readLocalDraft("P1")?.design.tagline).toBe("Some");
    expect(api.saveDraft).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(api.saveDraft).toHaveBeenCalledTimes(1);
    expect(api.saveDraft).toHaveBeenLastCalledWith("P1", { design: design("Some"), baseRevision: 3 });
    expect(last()).toBe("Saved");
    expect(readLocalDraft("P1")).toBeUndefined();

    s.changed(design("Some more"));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    expect(api.saveDraft).toHaveBeenLastCalledWith("P1", { design: design("Some more"), baseRevision: 4 });
    // Undone back to what the server has: nothing to send.
    s.changed(design("Some more"));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 3);
    expect(api.saveDraft).toHaveBeenCalledTimes(2);
  });

  it("says offline when the network fails, keeps the change here, and sends it when it can", async () => {
    api.saveDraft.mockRejectedValueOnce(new ApiError("network", "Can't reach OneSheet"));
    api.saveDraft.mockRejectedValueOnce(new ApiError("network", "Can't reach OneSheet"));
    api.saveDraft.mockResolvedValueOnce({ revision: 1, savedAt: "2026-12-06T12:04:00Z" });
    const { s, last } = saver();
    s.changed(design("Offline"));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    expect(last()).toBe("Offline — changes kept here");
    expect(readLocalDraft("P1")?.design.tagline).toBe("Offline");
    // Typing on while offline: the copy follows, and the retry (1 s, then 2 s) sends the newest.
    s.changed(design("Offline still"));
    expect(readLocalDraft("P1")?.design.tagline).toBe("Offline still");
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.saveDraft).toHaveBeenCalledTimes(2);
    expect(last()).toBe("Offline — changes kept here");
    await vi.advanceTimersByTimeAsync(2000);
    expect(api.saveDraft).toHaveBeenCalledTimes(3);
    expect(api.saveDraft).toHaveBeenLastCalledWith("P1", { design: design("Offline still") });
    expect(last()).toBe("Saved");
    expect(readLocalDraft("P1")).toBeUndefined();
  });

  it("leaves a conflict to the user, and a refusal (a brand-kit lock) untried until the next change", async () => {
    api.saveDraft.mockRejectedValueOnce(new ApiError("draft_conflict", "This design's draft was changed elsewhere."));
    const { s, last } = saver(2);
    s.changed(design("Mine"));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    expect(last()).toBe("Not saved: This design's draft was changed elsewhere.");
    s.changed(design("Mine too"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.saveDraft).toHaveBeenCalledTimes(1);

    api.saveDraft.mockReset();
    api.saveDraft.mockRejectedValueOnce(
      new ApiError("brand_locked", "The kit locks the title font.", { titleFont: "Locked by the kit." }),
    );
    const locked = saver();
    locked.s.changed(design("Locked"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.saveDraft).toHaveBeenCalledTimes(1);
    // The field says why (the editor marks it from `refusal`); the status points there.
    expect(locked.last()).toBe("Not saved: see the highlighted fields");
    const status = locked.statuses.at(-1);
    expect(status?.state === "failed" && status.refusal?.fields).toEqual({ titleFont: "Locked by the kit." });
    // A refusal without fields says its sentence.
    api.saveDraft.mockRejectedValueOnce(new ApiError("draft_too_large", "This draft is too large to keep."));
    locked.s.changed(design("Locked, and long"));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    expect(locked.last()).toBe("Not saved: This draft is too large to keep.");
  });

  it("sends nothing between Save's settle and its commit, and starts a new draft after it", async () => {
    api.saveDraft.mockResolvedValue({ revision: 1, savedAt: "2026-12-06T12:04:00Z" });
    const { s } = saver(7);
    s.changed(design("Committed"));
    await s.settle();
    // Typing on while the commit is on its way: kept here, not sent.
    s.changed(design("Committed, then more"));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 2);
    expect(api.saveDraft).not.toHaveBeenCalled();
    expect(readLocalDraft("P1")?.design.tagline).toBe("Committed, then more");
    s.committed(design("Committed"));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10);
    // The commit deleted the draft: what came after it is a new one (no baseRevision).
    expect(api.saveDraft).toHaveBeenCalledTimes(1);
    expect(api.saveDraft).toHaveBeenLastCalledWith("P1", { design: design("Committed, then more") });
    expect(readLocalDraft("P1")).toBeUndefined();
  });
});

describe("the editor's keys and comparisons", () => {
  const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) =>
    shortcutOf({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  it("reads Ctrl/⌘+Z as undo, Shift+Ctrl/⌘+Z and Ctrl+Y as redo, and nothing else", () => {
    expect(key("z", { ctrlKey: true })).toBe("undo");
    expect(key("z", { metaKey: true })).toBe("undo");
    expect(key("Z", { ctrlKey: true, shiftKey: true })).toBe("redo");
    expect(key("z", { metaKey: true, shiftKey: true })).toBe("redo");
    expect(key("y", { ctrlKey: true })).toBe("redo");
    expect(key("z")).toBeUndefined();
    expect(key("z", { ctrlKey: true, altKey: true })).toBeUndefined();
    expect(key("y", { metaKey: true })).toBeUndefined();
  });

  it("compares designs whatever order their fields were set in, defaults filled in", () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(sameDesign({ template: "classic", titleFont: "bebas-neue" }, { template: "classic" })).toBe(true);
    expect(sameDesign({ tagline: "a", template: "classic" }, { template: "classic", tagline: "a" })).toBe(true);
    expect(sameDesign({ template: "classic", tagline: "a" }, { template: "classic", tagline: "b" })).toBe(false);
  });
});
