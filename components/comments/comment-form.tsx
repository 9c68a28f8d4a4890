"use client";

import { useEffect, useId, useRef, useState } from "react";
import { ApiError, api } from "@/lib/client/api";
import { COMMENT_MAX } from "@/lib/comments/schema";
import { useComments } from "./comments-state";
import { MentionTextarea } from "./mention-textarea";

// Writing a comment: a new thread (on a poster, optionally pinned to a spot on the image) or a reply. Ctrl/⌘+Enter
// sends. A refusal's words land under the box (a mention of someone not on the team, say) and nothing typed is lost.

export function CommentForm(props: { parentId?: string; onDone?: () => void; autoFocus?: boolean }) {
  const comments = useComments();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const reply = Boolean(props.parentId);
  const onPoster = "posterId" in comments.target;
  const pinnable = onPoster && !reply;
  const pin = pinnable ? comments.pending : undefined;
  const { pinning, setPinning, setPending } = comments;

  useEffect(() => {
    if (props.autoFocus) box.current?.focus();
  }, [props.autoFocus]);

  // A pin placed on the image brings the writer back to the box.
  const placed = pinnable && pin ? `${pin.x},${pin.y}` : "";
  useEffect(() => {
    if (!placed) return;
    setPinning(false);
    box.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    box.current?.focus({ preventScroll: true });
  }, [placed, setPinning]);

  function startPinning() {
    setPending(undefined);
    setPinning(true);
    // On a phone the image is well above: bring it into view.
    document.getElementById("comment-image")?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  async function send() {
    if (busy) return;
    if (!body.trim()) {
      setError("Write a comment first.");
      box.current?.focus();
      return;
    }
    setBusy(true);
    setError("");
    try {
      await api.addComment({
        ...comments.target,
        body,
        ...(props.parentId ? { parentId: props.parentId } : {}),
        ...(pin ? { pin } : {}),
      });
      setBody("");
      if (pinnable) {
        setPending(undefined);
        setPinning(false);
      }
      await comments.reload();
      props.onDone?.();
    } catch (failure) {
      const fields = failure instanceof ApiError ? failure.fields : undefined;
      setError(
        fields?.body ??
          (fields ? Object.values(fields)[0] : undefined) ??
          (failure instanceof ApiError ? failure.message : "That didn't go through: try again."),
      );
    } finally {
      setBusy(false);
    }
  }

  const label = reply ? "Your reply" : onPoster ? "New comment on this poster" : "New comment on this board";
  return (
    <form
      aria-label={reply ? "Reply to this thread" : "New comment"}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      className="space-y-2"
    >
      <label htmlFor={id} className={reply ? "sr-only" : "block text-sm font-medium"}>
        {label}
      </label>
      <MentionTextarea
        id={id}
        inputRef={box}
        value={body}
        onChange={setBody}
        onSubmit={() => void send()}
        rows={reply ? 2 : 3}
        describedBy={`${id}-help${error ? ` ${id}-error` : ""}`}
        invalid={Boolean(error)}
      />
      <p id={`${id}-help`} className="text-xs text-muted">
        Type @ to mention someone on the team (they are told). Up to {COMMENT_MAX.toLocaleString("en-GB")} characters;
        Ctrl+Enter sends.
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-ink hover:brightness-110 disabled:opacity-60"
        >
          {busy ? "Sending…" : reply ? "Reply" : "Comment"}
        </button>
        {pinnable && !pin && !pinning && (
          <button
            type="button"
            onClick={startPinning}
            className="rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent"
          >
            Pin to a spot on the poster
          </button>
        )}
        {pinnable && pinning && (
          <>
            <span role="status" className="text-sm text-accent">
              Click the poster where your comment is about.
            </span>
            <button type="button" onClick={() => setPinning(false)} className="text-sm underline underline-offset-4">
              Cancel pin
            </button>
          </>
        )}
        {pin && (
          <>
            <span className="text-sm text-muted">
              Pinned at {Math.round(pin.x * 100)}% across, {Math.round(pin.y * 100)}% down.
            </span>
            <button type="button" onClick={startPinning} className="text-sm underline underline-offset-4">
              Move pin
            </button>
            <button
              type="button"
              onClick={() => setPending(undefined)}
              className="text-sm underline underline-offset-4"
            >
              Remove pin
            </button>
          </>
        )}
        {reply && props.onDone && (
          <button type="button" onClick={props.onDone} className="text-sm underline underline-offset-4">
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
