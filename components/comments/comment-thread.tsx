"use client";

import { useState } from "react";
import { ApiError, api } from "@/lib/client/api";
import type { CommentView, ThreadView } from "@/lib/comments/types";
import { VERDICT_WORDS } from "@/lib/reviews/words";
import { Ago } from "../ui/now";
import { CommentBody } from "./comment-body";
import { CommentForm } from "./comment-form";
import { useComments } from "./comments-state";

// One thread: its first comment (with its pin's number, and for a reviewer's the option and board it came back on),
// the replies, Reply, and Resolve / Reopen for those who may.

function Byline(props: { comment: CommentView; pin?: number }) {
  const { comment } = props;
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      {props.pin !== undefined && (
        <span className="rounded-full bg-accent px-1.5 text-xs font-bold text-ink">
          <span className="sr-only">Pinned to the image, pin </span>
          {props.pin}
        </span>
      )}
      <span className="font-medium wrap-anywhere">{comment.author.name}</span>
      {comment.author.outside && (
        <span className="rounded border border-sky-400/60 bg-sky-400/10 px-1.5 py-0.5 text-xs text-sky-200">
          Outside reviewer <span className="text-sky-200/80">(name self-declared)</span>
        </span>
      )}
      {comment.review?.verdict && (
        <span className="rounded border border-edge px-1.5 py-0.5 text-xs">
          {VERDICT_WORDS[comment.review.verdict]}
        </span>
      )}
      <Ago iso={comment.createdAt} className="text-xs text-muted" />
    </div>
  );
}

export function CommentThread(props: { thread: ThreadView }) {
  const { thread } = props;
  const comments = useComments();
  const [replying, setReplying] = useState(false);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const pin = comments.pinNumbers.get(thread.id);

  async function toggle() {
    setBusy(true);
    try {
      comments.replaceThread(await api.resolveThread(thread.id, !thread.resolved));
      setMessage(thread.resolved ? "Reopened." : "Resolved.");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "That didn't go through: try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      id={`comment-${thread.id}`}
      aria-label={`Thread by ${thread.author.name}${thread.resolved ? " (resolved)" : ""}`}
      className={`scroll-mt-24 space-y-2 rounded-md border bg-panel p-3 target:border-accent ${thread.resolved ? "border-edge/60" : "border-edge"}`}
    >
      {thread.review && (
        <p className="text-xs text-muted">
          From the review link of “{thread.review.boardName || "a board"}”, option {thread.review.label}
        </p>
      )}
      <Byline comment={thread} pin={pin} />
      <CommentBody body={thread.body} mentions={thread.mentions} />
      {thread.replies.length > 0 && (
        <ol aria-label="Replies" className="space-y-2 border-l-2 border-edge pl-3">
          {thread.replies.map((reply) => (
            <li key={reply.id} id={`comment-${reply.id}`} className="scroll-mt-24 space-y-1">
              <Byline comment={reply} />
              <CommentBody body={reply.body} mentions={reply.mentions} />
            </li>
          ))}
        </ol>
      )}
      {thread.resolved && (
        <p className="text-xs text-emerald-300">
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy}` : ""}
          {thread.resolvedAt ? (
            <>
              {" "}
              <Ago iso={thread.resolvedAt} />
            </>
          ) : null}
        </p>
      )}
      {replying ? (
        <CommentForm parentId={thread.id} onDone={() => setReplying(false)} autoFocus />
      ) : (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => setReplying(true)}
            className="rounded-md border border-edge px-2.5 py-1 text-sm hover:border-accent"
          >
            Reply<span className="sr-only"> to {thread.author.name}</span>
          </button>
          {thread.mayResolve && (
            <button
              type="button"
              disabled={busy}
              onClick={toggle}
              className="rounded-md border border-edge px-2.5 py-1 text-sm hover:border-accent disabled:opacity-60"
            >
              {thread.resolved ? "Reopen" : "Resolve"}
              <span className="sr-only"> the thread by {thread.author.name}</span>
            </button>
          )}
        </div>
      )}
      <p role="status" className="text-xs text-muted">
        {message}
      </p>
    </article>
  );
}
