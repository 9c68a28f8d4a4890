"use client";

import { useCallback, useEffect, useState } from "react";
import { canRedo, canUndo, createHistory, push, redo, undo } from "@/lib/design/history";
import type { DesignInput } from "@/lib/design/schema";

// The design editor's state with undo and redo (lib/design/history.ts): every change goes through `set`, named by
// its field, so a slider drag or a burst of typing in one box is one step.
//
// Keyboard: Ctrl/⌘+Z undoes, Shift+Ctrl/⌘+Z and Ctrl+Y redo — except while the focus is in a text box (the title,
// the tagline…), where they are the browser's own undo of the typing in that box, as everywhere else on the web
// (taking them over there would undo a whole design step while the user means a word). Sliders, radios, checkboxes
// and the rest of the page get the design's undo; the Undo and Redo buttons always do.

const TEXT_TYPES = new Set(["text", "search", "email", "url", "tel", "password", "number", "date", ""]);

/** Where the browser's own undo applies: text being typed. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_TYPES.has(target.type);
}

type Shortcut = "undo" | "redo" | undefined;

export function shortcutOf(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
): Shortcut {
  if (event.altKey || !(event.ctrlKey || event.metaKey)) return undefined;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && event.ctrlKey && !event.shiftKey) return "redo";
  return undefined;
}

export function useDesignHistory(initial: DesignInput) {
  const [history, setHistory] = useState(() => createHistory(initial));

  const set = useCallback(<K extends keyof DesignInput>(key: K, value: DesignInput[K]) => {
    setHistory((h) =>
      Object.is(h.present[key], value) ? h : push(h, { ...h.present, [key]: value }, { group: key, at: Date.now() }),
    );
  }, []);
  const back = useCallback(() => setHistory(undo), []);
  const forward = useCallback(() => setHistory(redo), []);
  /** Starts again from `design` with nothing to undo (a discarded draft, a draft found in this browser). */
  const reset = useCallback((design: DesignInput) => setHistory(createHistory(design)), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event);
      if (!shortcut || event.defaultPrevented || isTextEntry(event.target)) return;
      event.preventDefault();
      setHistory(shortcut === "undo" ? undo : redo);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return {
    design: history.present,
    set,
    undo: back,
    redo: forward,
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    reset,
  };
}
