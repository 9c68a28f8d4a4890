"use client";

import { useState } from "react";
import { REVIEW_NAME_MAX } from "@/lib/reviews/words";

// The reviewer gives their name once; it is kept in their browser (localStorage) and sent with each review. Nobody
// checks it, and everywhere it is shown it says so.

export function ReviewerName(props: {
  name: string;
  onChange: (name: string) => void;
  sharedBy: string;
  /** Set when a verdict or comment was tried without a name: why the name is needed. */
  needed?: string;
}) {
  const [draft, setDraft] = useState(props.name);
  const [editing, setEditing] = useState(!props.name);
  if (!editing && props.name) {
    return (
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <span>
          Reviewing as <strong className="wrap-anywhere">{props.name}</strong>{" "}
          <span className="text-muted">(self-declared)</span>
        </span>
        <button
          type="button"
          onClick={() => setEditing(true)}
          className="min-h-11 rounded-md px-1 text-accent underline underline-offset-4"
        >
          Change name
        </button>
      </p>
    );
  }
  return (
    <form
      id="reviewer-name"
      onSubmit={(e) => {
        e.preventDefault();
        const name = draft.trim();
        if (!name) return;
        props.onChange(name);
        setEditing(false);
      }}
      className="space-y-2 rounded-lg border border-accent/60 bg-panel p-4"
    >
      <label htmlFor="reviewer-name-input" className="block font-semibold">
        Your name
      </label>
      <p id="reviewer-name-hint" className="text-sm text-muted">
        Shown to {props.sharedBy} with what you say, exactly as you type it. This browser remembers it.
      </p>
      {props.needed && (
        <p id="reviewer-name-needed" role="alert" className="text-sm font-semibold text-danger">
          {props.needed}
        </p>
      )}
      <div className="flex gap-2">
        <input
          id="reviewer-name-input"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          maxLength={REVIEW_NAME_MAX}
          autoComplete="name"
          aria-describedby={props.needed ? "reviewer-name-needed reviewer-name-hint" : "reviewer-name-hint"}
          aria-invalid={props.needed ? true : undefined}
          required
          className="min-h-11 min-w-0 flex-1 rounded-md border border-edge bg-ink px-3 text-base"
        />
        <button
          type="submit"
          className="min-h-11 rounded-md bg-accent px-4 font-semibold text-ink hover:brightness-110"
        >
          Save
        </button>
      </div>
    </form>
  );
}
