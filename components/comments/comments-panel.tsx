"use client";

import { useEffect, useState } from "react";
import { CommentForm } from "./comment-form";
import { CommentThread } from "./comment-thread";
import { useComments } from "./comments-state";

// The team's conversation about a poster or a board: a new thread on top, open threads newest first, resolved ones
// folded away. Reviewers' comments from review links are threads here too, marked as from outside the team.

export function CommentsPanel() {
  const { page, target } = useComments();
  const open = page.threads.filter((t) => !t.resolved).reverse();
  const resolved = page.threads.filter((t) => t.resolved).reverse();
  const what = "posterId" in target ? "poster" : "board";
  const [showResolved, setShowResolved] = useState(false);

  // A notification's link into a resolved thread (#comment-…) opens the fold and scrolls there, once, on arrival.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the threads the page arrived with, not later ones
  useEffect(() => {
    const wanted = window.location.hash.replace(/^#comment-/, "");
    if (!wanted || wanted === window.location.hash) return;
    const inResolved = resolved.some((t) => t.id === wanted || t.replies.some((r) => r.id === wanted));
    if (!inResolved) return;
    setShowResolved(true);
    requestAnimationFrame(() => document.getElementById(`comment-${wanted}`)?.scrollIntoView({ block: "center" }));
  }, []);
  return (
    <section id="comments" aria-labelledby="comments-heading" className="space-y-4 rounded-lg border border-edge p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="comments-heading" className="font-semibold">
          Comments
        </h2>
        <p className="text-xs text-muted">
          {open.length === 0 ? "No open threads" : `${open.length} open thread${open.length === 1 ? "" : "s"}`}
          {resolved.length > 0 ? ` · ${resolved.length} resolved` : ""}
        </p>
      </div>
      <CommentForm />
      {page.threads.length === 0 && (
        <p className="text-sm text-muted">
          {what === "poster"
            ? "Nothing said about this poster yet. Comments stay inside the team; reviewers’ comments from a review link show up here too."
            : "Nothing said about this board yet. Comments stay inside the team; a reviewer’s comment on one of its posters starts a thread on that poster’s page."}
        </p>
      )}
      {open.length > 0 && (
        <ol aria-label="Open threads" className="space-y-3">
          {open.map((thread) => (
            <li key={thread.id}>
              <CommentThread thread={thread} />
            </li>
          ))}
        </ol>
      )}
      {resolved.length > 0 && (
        <details open={showResolved} onToggle={(e) => setShowResolved(e.currentTarget.open)}>
          <summary className="cursor-pointer text-sm text-muted hover:text-white">
            Resolved threads ({resolved.length})
          </summary>
          <ol aria-label="Resolved threads" className="mt-3 space-y-3">
            {resolved.map((thread) => (
              <li key={thread.id}>
                <CommentThread thread={thread} />
              </li>
            ))}
          </ol>
        </details>
      )}
      {page.truncated && <p className="text-xs text-muted">Showing the newest 500 comments.</p>}
    </section>
  );
}
