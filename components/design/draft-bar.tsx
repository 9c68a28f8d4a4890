"use client";

import { useEffect, useState } from "react";
import { type AutosaveStatus, statusText } from "./use-autosave";

// Above the design form: Undo and Redo, what autosave is doing, and — when the editor opened on a draft — where the
// work came from, with Discard to go back to the saved design.

export interface DraftNote {
  /** When the draft was last saved (the server's), or last changed (kept in this browser). */
  at: string;
  local?: boolean;
}

const button =
  "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-50 disabled:hover:border-edge";

/** "12:04", or "3 Dec, 12:04" for a draft from another day: in the viewer's own time zone, so only once mounted. */
function useLocalTime(at: string): string {
  const [text, setText] = useState("");
  useEffect(() => {
    const date = new Date(at);
    const today = date.toDateString() === new Date().toDateString();
    setText(
      today
        ? date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
        : date.toLocaleString([], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }),
    );
  }, [at]);
  return text;
}

function DraftFrom(props: { note: DraftNote; onDiscard: () => void }) {
  const time = useLocalTime(props.note.at);
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md border border-accent/50 px-3 py-2 text-sm">
      <span>
        Draft from <time dateTime={props.note.at}>{time}</time>
        {props.note.local ? ", kept in this browser" : ""} — not saved as the poster yet.
      </span>
      <button type="button" className={button} onClick={props.onDiscard}>
        Discard
      </button>
    </p>
  );
}

export function DraftBar(props: {
  note: DraftNote | null;
  status: AutosaveStatus;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onDiscard: () => void;
  onKeepMine: () => void;
}) {
  return (
    <div className="space-y-2">
      {props.note && <DraftFrom note={props.note} onDiscard={props.onDiscard} />}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          disabled={!props.canUndo}
          onClick={props.onUndo}
          aria-keyshortcuts="Control+Z Meta+Z"
          title="Undo (Ctrl+Z or ⌘Z)"
        >
          Undo
        </button>
        <button
          type="button"
          className={button}
          disabled={!props.canRedo}
          onClick={props.onRedo}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          title="Redo (Shift+Ctrl+Z, Shift+⌘Z or Ctrl+Y)"
        >
          Redo
        </button>
        <p role="status" aria-label="Autosave" className="min-h-5 text-sm text-muted">
          {statusText(props.status)}
        </p>
        {props.status.state === "conflict" && (
          <button type="button" className={button} onClick={props.onKeepMine}>
            Keep my changes
          </button>
        )}
      </div>
    </div>
  );
}
