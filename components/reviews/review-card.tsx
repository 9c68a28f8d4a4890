"use client";

import { useRef, useState } from "react";
import type { LinkReview, SharedPoster } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { srcSetOf } from "@/lib/image-sources";
import { REVIEW_COMMENT_MAX, VERDICT_WORDS, type Verdict } from "@/lib/reviews/words";
import { PinLayer } from "./pins";
import { ReviewItems } from "./review-items";

// One option on a review link: the poster (tap it to pin a comment to a spot), Approve / Ask for changes, a
// comment, and what reviewers on this link have said so far. Big targets, one column: it is used on phones.

// The card's image width in CSS px, as review-board.tsx lays the cards out (one column, two from md, three from xl,
// in a 72rem page), less the card's padding: what the browser picks a size from.
const CARD_SIZES = "(min-width: 1280px) 324px, (min-width: 768px) calc(50vw - 62px), calc(100vw - 58px)";

export function ReviewCard(props: {
  token: string;
  poster: SharedPoster;
  reviews: LinkReview[];
  pinNumbers: Map<string, number>;
  name: string;
  /** No name yet: `why` says what it is needed for, beside the name field. */
  onNeedName: (why: string) => void;
  onAdded: (review: LinkReview) => void;
  eager: boolean;
}) {
  const { poster } = props;
  const [comment, setComment] = useState("");
  const [pin, setPin] = useState<{ x: number; y: number }>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const option = `option ${poster.label}`;
  const latest = props.reviews.find((r) => r.verdict)?.verdict;

  function place(event: React.MouseEvent<HTMLButtonElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    // From the keyboard there is no pointer: pin the middle, and the comment says where.
    const at =
      event.detail === 0
        ? { x: 0.5, y: 0.5 }
        : { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
    const clamp = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
    setPin({ x: clamp(at.x), y: clamp(at.y) });
    setMessage("Pin placed: say what it's about in the comment, then send.");
    commentBox.current?.focus({ preventScroll: true });
  }

  async function send(verdict?: Verdict) {
    if (!props.name) {
      props.onNeedName(`Type your name first: it goes with your ${verdict ? "verdict" : "comment"} on ${option}.`);
      setMessage("Give your name first (at the top of the page).");
      return;
    }
    const text = comment.trim();
    if (pin && !text) {
      setMessage("Say what the pin is about in a comment.");
      commentBox.current?.focus();
      return;
    }
    setBusy(true);
    setMessage("Sending…");
    try {
      const body = await api.addLinkReview(props.token, {
        posterId: poster.id,
        name: props.name,
        ...(verdict ? { verdict } : {}),
        ...(text ? { comment: text } : {}),
        ...(pin && text ? { pin } : {}),
      });
      props.onAdded(body);
      setComment("");
      setPin(undefined);
      setMessage(verdict ? `${VERDICT_WORDS[verdict]}: ${option}. Thank you.` : "Comment sent. Thank you.");
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = error.fields;
      setMessage((fields && Object.values(fields)[0]) || error.message || "That didn't go through: try again.");
    } finally {
      setBusy(false);
    }
  }

  const pins = props.reviews.flatMap((r) => {
    const n = props.pinNumbers.get(r.id);
    return r.pin && n !== undefined ? [{ n, ...r.pin }] : [];
  });
  const big = "min-h-12 whitespace-nowrap rounded-lg px-2 text-base font-semibold disabled:opacity-60";

  return (
    <li aria-labelledby={`label-${poster.id}`} className="space-y-3 rounded-xl border border-edge p-3 sm:p-4">
      {/* The option's name never breaks ("OPTION / A"): the latest verdict beside it wraps instead. */}
      <div className="flex items-center justify-between gap-2">
        <h2 id={`label-${poster.id}`} className="font-display text-3xl tracking-wide whitespace-nowrap">
          Option {poster.label}
        </h2>
        {latest && (
          <span className="min-w-0 text-right text-sm text-muted">
            Latest on this link: <span className="text-white">{VERDICT_WORDS[latest]}</span>
          </span>
        )}
      </div>
      <div className="relative">
        <button
          type="button"
          onClick={place}
          aria-describedby={`pin-hint-${poster.id}`}
          className="block w-full cursor-crosshair overflow-hidden rounded-lg border border-edge"
        >
          {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
          <img
            srcSet={srcSetOf(poster.sources)}
            sizes={CARD_SIZES}
            // After srcset and sizes: set first, a browser may fetch it before it knows it has a choice.
            src={poster.imageUrl}
            alt={`Option ${poster.label}${poster.prompt ? `: ${poster.prompt}` : ""}. Tap to pin a comment to a spot.`}
            width={poster.width}
            height={poster.height}
            loading={props.eager ? "eager" : "lazy"}
            className="h-auto w-full"
          />
        </button>
        <PinLayer pins={pins} pending={pin} />
      </div>
      <p id={`pin-hint-${poster.id}`} className="text-xs text-muted">
        Tap the poster to pin a comment to a spot.
        {pin && (
          <button
            type="button"
            onClick={() => setPin(undefined)}
            className="ml-2 min-h-11 text-accent underline underline-offset-4"
          >
            Remove pin
          </button>
        )}
      </p>
      {poster.prompt && <p className="text-sm text-muted">{poster.prompt}</p>}
      <div className="grid grid-cols-2 gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={() => send("approve")}
          className={`${big} bg-emerald-500 text-ink hover:brightness-110`}
        >
          Approve<span className="sr-only"> {option}</span>
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => send("changes")}
          className={`${big} bg-orange-300 text-ink hover:brightness-110`}
        >
          Ask for changes<span className="sr-only"> to {option}</span>
        </button>
      </div>
      <div className="space-y-2">
        <label htmlFor={`comment-${poster.id}`} className="block text-sm font-medium">
          Comment on {poster.label}
          {pin ? " (pinned)" : ""}{" "}
          <span className="font-normal text-muted">— sent with Approve or Ask for changes</span>
        </label>
        <textarea
          id={`comment-${poster.id}`}
          ref={commentBox}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={REVIEW_COMMENT_MAX}
          rows={2}
          className="block w-full rounded-md border border-edge bg-ink px-3 py-2 text-base"
        />
        <button
          type="button"
          disabled={busy || !comment.trim()}
          onClick={() => send()}
          className={`${big} w-full border border-edge hover:border-accent`}
        >
          Send comment only<span className="sr-only"> on {option}</span>
        </button>
      </div>
      <p role="status" className="text-sm">
        {message}
      </p>
      <div className="flex flex-wrap gap-x-4 text-sm">
        <a href={`/s/${props.token}/image?poster=${poster.id}`} className="inline-flex min-h-11 items-center underline">
          Full size<span className="sr-only"> of {option}</span>
        </a>
        <a
          href={`/s/${props.token}/download?poster=${poster.id}`}
          className="inline-flex min-h-11 items-center underline"
        >
          Download<span className="sr-only"> {option}</span>
        </a>
      </div>
      {props.reviews.length > 0 && (
        <section aria-label={`What reviewers said about ${option}`}>
          <ReviewItems reviews={props.reviews} pinNumbers={props.pinNumbers} />
        </section>
      )}
    </li>
  );
}
