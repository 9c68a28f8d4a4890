"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ShareView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";

const button =
  "rounded-md border border-edge px-2.5 py-1.5 text-xs font-medium hover:border-accent disabled:opacity-60";
const EXPIRY_CHOICES = [1, 7, 30, 90, 365];

// Share a poster or a board: creates app links (/s/{token}), lists the live ones with Copy and Revoke.
export function SharePanel(props: { target: "posterId" | "boardId"; id: string }) {
  const [shares, setShares] = useState<ShareView[]>([]);
  const [days, setDays] = useState(30);
  const [showPrompt, setShowPrompt] = useState(false);
  // Boards only: reviewers' verdicts and comments, and the board as sent rather than as it will be. A board is
  // shared to get a decision far more often than to be looked at, so a board's link takes reviews unless unticked.
  const forBoard = props.target === "boardId";
  const [review, setReview] = useState(forBoard);
  const [snapshot, setSnapshot] = useState(false);
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  // Bumped by every create and revoke: a list asked for before one of them is out of date when it arrives (on a busy
  // server the first load can come back after a link made right away, and would hide it), so it is asked for again.
  const edits = useRef(0);
  const refresh = useCallback(async () => {
    try {
      for (;;) {
        const asked = edits.current;
        const { shares } = await api.listShares(props.target, props.id);
        if (edits.current !== asked) continue;
        setShares(shares);
        return;
      }
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't load the links.");
    }
  }, [props.target, props.id]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function create() {
    setBusy(true);
    try {
      const share = await api.createShare({
        [props.target]: props.id,
        expiresInDays: days,
        showPrompt,
        ...(forBoard ? { review, snapshot } : {}),
      });
      edits.current++;
      setShares((all) => [share, ...all]);
      // Its posters are in review now: the page's badges say so.
      if (share.review) router.refresh();
      await navigator.clipboard?.writeText(share.url).catch(() => {});
      setMessage(
        share.review
          ? "Review link created and copied: send it to your reviewers. Their answers appear under Reviews."
          : "Link created and copied.",
      );
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't create the link.");
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: string) {
    try {
      await api.revokeShare(token);
      edits.current++;
      setShares((all) => all.filter((s) => s.token !== token));
      // The page's option letters and "waiting for reviewers" follow the review links that are left.
      if (shares.some((s) => s.token === token && s.review)) router.refresh();
      setMessage("Link revoked: it no longer opens.");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't revoke the link.");
    }
  }

  async function copy(url: string) {
    await navigator.clipboard.writeText(url);
    setMessage("Link copied.");
  }

  return (
    <section aria-labelledby="share-heading" className="rounded-lg border border-edge p-4">
      <h2 id="share-heading" className="mb-3 font-semibold">
        Share
      </h2>
      {forBoard && (
        <div className="mb-3 grid gap-3 text-sm sm:grid-cols-2">
          <Choice
            id="share-review"
            checked={review}
            onChange={setReview}
            label="Reviewers can approve and comment"
            hint="Anyone with the link gives a name (not checked) and can approve, ask for changes or comment on each poster, pinned to a spot if they like."
          />
          <Choice
            id="share-snapshot"
            checked={snapshot}
            onChange={setSnapshot}
            label="Send the board as it is now"
            hint="Reviewers see today's order, labels (A, B, C…) and designs, whatever you change later. Unticked, the link always shows the board as it is."
          />
        </div>
      )}
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${props.target}-days`}>Link lasts</label>
          <select
            id={`${props.target}-days`}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            className="rounded-md border border-edge bg-panel px-2 py-1.5"
          >
            {EXPIRY_CHOICES.map((d) => (
              <option key={d} value={d}>
                {d === 1 ? "1 day" : `${d} days`}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-1.5">
          <input type="checkbox" checked={showPrompt} onChange={(e) => setShowPrompt(e.target.checked)} />
          Show prompt and settings
        </label>
        {/* The row's main action: as tall as the select beside it. */}
        <button
          type="button"
          onClick={create}
          disabled={busy}
          className="rounded-md border border-edge px-3 py-1.5 text-sm font-medium hover:border-accent disabled:opacity-60"
        >
          {forBoard && review ? "Create review link" : "Create link"}
        </button>
      </div>
      <p role="status" className="mt-2 min-h-5 text-xs text-muted">
        {message}
      </p>
      {shares.length > 0 && (
        <ul aria-label="Live links" className="mt-2 space-y-2 text-xs">
          {shares.map((share) => (
            <li key={share.token} className="flex flex-wrap items-center gap-2">
              <code className="min-w-0 max-w-full truncate text-muted">{share.url}</code>
              <span className="text-muted">
                until{" "}
                {new Date(share.expiresAt).toLocaleDateString("en-GB", {
                  day: "numeric",
                  month: "short",
                  year: "numeric",
                  timeZone: "UTC",
                })}
                {share.showPrompt ? ", with prompt" : ""}
                {share.review ? ", takes reviews" : ""}
                {share.target === "board" ? (share.snapshot ? ", as sent" : ", live") : ""}
              </span>
              <button type="button" className={button} onClick={() => copy(share.url)}>
                Copy<span className="sr-only"> link {share.url}</span>
              </button>
              <button type="button" className={button} onClick={() => revoke(share.token)}>
                Revoke<span className="sr-only"> link {share.url}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Choice(props: { id: string; checked: boolean; onChange: (v: boolean) => void; label: string; hint: string }) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        aria-describedby={`${props.id}-hint`}
        className="mt-1"
      />
      <div>
        <label htmlFor={props.id} className="font-medium">
          {props.label}
        </label>
        <p id={`${props.id}-hint`} className="text-xs text-muted">
          {props.hint}
        </p>
      </div>
    </div>
  );
}
