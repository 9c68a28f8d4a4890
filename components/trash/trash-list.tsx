"use client";

import Link from "next/link";
import { useState } from "react";
import type { TrashedPosterView, TrashPage } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { ConfirmButton } from "../confirm-button";
import { useNow } from "../ui/now";

const DAY_MS = 86_400_000;
const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";

/** "in 29 days" from the clock the page shares (the server's while hydrating), or the date alone without one. */
function purgeWhen(purgeAt: string, now: number | null): string {
  const day = purgeAt.slice(0, 10);
  if (now === null) return `on ${day}`;
  const days = Math.max(0, Math.ceil((Date.parse(purgeAt) - now) / DAY_MS));
  return days <= 1 ? `within a day (${day})` : `in ${days} days (${day})`;
}

// The trash's posters, newest first: each restorable, or deleted for good at once (after a question). "Load more"
// follows the cursor.
export function TrashList({ initial }: { initial: TrashPage }) {
  const [posters, setPosters] = useState(initial.posters);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; link?: string }>({ text: "" });
  const now = useNow();

  const say = (error: unknown, fallback: string) =>
    setMessage({ text: error instanceof ApiError ? error.message : fallback });

  async function restore(poster: TrashedPosterView) {
    setBusy(poster.id);
    try {
      await api.restorePoster(poster.id);
      setPosters((all) => all.filter((p) => p.id !== poster.id));
      setMessage({ text: "Poster restored.", link: `/posters/${poster.id}` });
    } catch (error) {
      say(error, "Couldn't restore the poster: try again.");
    } finally {
      setBusy(null);
    }
  }

  async function purge(poster: TrashedPosterView) {
    setBusy(poster.id);
    try {
      await api.purgePoster(poster.id);
      setPosters((all) => all.filter((p) => p.id !== poster.id));
      setMessage({ text: "Poster deleted for good." });
    } catch (error) {
      say(error, "Couldn't delete the poster: try again.");
    } finally {
      setBusy(null);
    }
  }

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await api.listTrash(cursor);
      setPosters((all) => [...all, ...page.posters.filter((p) => !all.some((q) => q.id === p.id))]);
      setCursor(page.nextCursor);
    } catch (error) {
      say(error, "Couldn't load more: try again.");
    }
  }

  return (
    <>
      {posters.length === 0 ? (
        <p className="rounded-lg border border-dashed border-edge px-6 py-10 text-center text-sm text-muted">
          The trash is empty.
        </p>
      ) : (
        <ul aria-label="Posters in the trash" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {posters.map((poster) => (
            <li key={poster.id} className="flex gap-3 rounded-lg border border-edge bg-panel p-3">
              {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
              <img
                src={poster.thumbnailUrl}
                alt=""
                className="h-28 w-20 shrink-0 rounded-md object-cover"
                width={80}
                height={112}
              />
              <div className="min-w-0 flex-1 space-y-2 text-sm">
                <p className="line-clamp-2 break-words font-medium" title={poster.prompt}>
                  {poster.prompt || "Untitled poster"}
                </p>
                <p className="text-muted">
                  Deleted {poster.trashedAt.slice(0, 10)}
                  {poster.trashedByName ? ` by ${poster.trashedByName}` : ""}. Deleted for good{" "}
                  {purgeWhen(poster.purgeAt, now)}.
                </p>
                <div className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    className={button}
                    onClick={() => restore(poster)}
                    disabled={busy === poster.id}
                  >
                    Restore<span className="sr-only"> “{poster.prompt.slice(0, 60)}”</span>
                  </button>
                  <ConfirmButton
                    label="Delete now"
                    srLabel={`“${poster.prompt.slice(0, 60)}”`}
                    question="Delete this poster for good? Its image, its files and the comments on it go now, and it can't be restored."
                    confirmLabel="Delete for good"
                    onConfirm={() => purge(poster)}
                    disabled={busy === poster.id}
                  />
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="min-h-5 text-sm text-muted">
        {message.text}{" "}
        {message.link && (
          <Link href={message.link} className="underline hover:text-accent">
            Open it
          </Link>
        )}
      </p>
      {cursor && (
        <button type="button" onClick={loadMore} className={button}>
          Load more
        </button>
      )}
    </>
  );
}
