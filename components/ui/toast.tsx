"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";

// One short message at the bottom of the screen, with at most one action ("Undo"), for a few seconds. It lives in the
// team layout, so it outlasts a navigation (a poster deleted from its page is undone from the gallery).
// Accessibility: the region is a polite live region (role=status) that is always in the page, so what appears in it
// is read out; the time stops while the pointer or the keyboard is on it (WCAG 2.2.1); Escape dismisses it. Focus is
// never taken from where it is, except when the action's own button went away with the action (the poster page,
// the selection bar): then it moves to the toast's action rather than to the top of the page, so the keyboard can
// still undo.

export interface ToastInput {
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
}

interface Toast extends ToastInput {
  id: number;
}

const SHOWN_MS = 8000;
const FOCUS_WATCH_MS = 1500;

const ToastContext = createContext<(toast: ToastInput) => void>(() => {});
const ShownContext = createContext<{ toast: Toast | null; setToast: (toast: Toast | null) => void }>({
  toast: null,
  setToast: () => {},
});

/** Shows a toast (replacing the one shown, if any). */
export const useToast = () => useContext(ToastContext);

/** Holds the toast across navigations (in the layout, around the pages); <Toasts /> shows it. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const next = useRef(0);
  const show = useCallback((input: ToastInput) => {
    next.current += 1;
    setToast({ ...input, id: next.current });
  }, []);
  return (
    <ToastContext.Provider value={show}>
      <ShownContext.Provider value={{ toast, setToast }}>{children}</ShownContext.Provider>
    </ToastContext.Provider>
  );
}

/** Where the toast shows: inside the page's main landmark, fixed to the bottom of the screen. */
export function Toasts() {
  const { toast, setToast } = useContext(ShownContext);
  const [held, setHeld] = useState(false);
  const [running, setRunning] = useState(false);
  const actionButton = useRef<HTMLButtonElement>(null);

  // The clock starts again whenever a new toast comes or the pointer/focus leaves.
  useEffect(() => {
    if (!toast || held || running) return;
    const timer = setTimeout(() => setToast(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast, held, running, setToast]);

  // The control that did the action may go a moment later (the selection bar closes, a navigation replaces the
  // page): watched for a short while after the toast comes, focus that falls back to the body goes to the action.
  useEffect(() => {
    if (!toast?.action) return;
    const started = Date.now();
    const watch = setInterval(() => {
      if (document.activeElement === document.body || !document.activeElement) actionButton.current?.focus();
      if (Date.now() - started > FOCUS_WATCH_MS) clearInterval(watch);
    }, 100);
    return () => clearInterval(watch);
  }, [toast]);

  async function act() {
    const action = toast?.action;
    if (!action) return;
    setRunning(true);
    try {
      await action.run();
    } finally {
      setRunning(false);
    }
  }

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setHeld(false);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") setToast(null);
      }}
    >
      {toast && (
        <div className="pointer-events-auto flex max-w-md items-center gap-3 rounded-lg border border-edge bg-panel px-4 py-3 text-sm text-white shadow-[0_8px_24px_rgba(0,0,0,0.6)]">
          <p className="min-w-0 flex-1">{toast.message}</p>
          {toast.action && (
            <button
              ref={actionButton}
              type="button"
              onClick={act}
              disabled={running}
              aria-busy={running}
              className="shrink-0 rounded-md border border-accent px-3 py-1 font-semibold text-accent hover:bg-accent/10 disabled:opacity-60"
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            onClick={() => setToast(null)}
            aria-label="Dismiss"
            className="shrink-0 rounded-md px-2 py-1 text-muted hover:text-white"
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
