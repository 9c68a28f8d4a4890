import type { LinkReview } from "@/lib/api-types";
import { VERDICT_WORDS } from "@/lib/reviews/words";
import { Ago } from "../ui/now";

// Reviews as a list: verdict, comment, pin number, who (self-declared: reviewers have no account) and when.
// Reviewer text is untrusted: it is only ever rendered as text (React escapes it), never as HTML.

const VERDICT_STYLE = {
  approve: "border-emerald-400/60 bg-emerald-400/10 text-emerald-200",
  changes: "border-orange-400/60 bg-orange-400/10 text-orange-200",
} as const;

export function ReviewItems<R extends LinkReview>(props: {
  reviews: R[];
  pinNumbers: Map<string, number>;
  /** Shown before each review, e.g. the poster's label and the board (the team's inbox). */
  context?: (review: R) => React.ReactNode;
  isNew?: (review: R) => boolean;
  /** The comments thread a review's comment lives in (the poster's page), linked instead of repeated. */
  threadOf?: (review: R) => string | undefined;
}) {
  return (
    <ul className="space-y-3">
      {props.reviews.map((review) => {
        const pin = props.pinNumbers.get(review.id);
        return (
          <li key={review.id} className="rounded-md border border-edge bg-panel p-3 text-sm">
            {props.context?.(review)}
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              {props.isNew?.(review) && (
                <span className="rounded bg-accent px-1.5 py-0.5 text-xs font-bold text-ink">New</span>
              )}
              {review.verdict && (
                <span className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${VERDICT_STYLE[review.verdict]}`}>
                  {VERDICT_WORDS[review.verdict]}
                </span>
              )}
              {pin !== undefined && (
                <span className="rounded-full bg-accent px-1.5 text-xs font-bold text-ink">
                  <span className="sr-only">Pinned to the image, pin </span>
                  {pin}
                </span>
              )}
              <span className="font-medium wrap-anywhere">{review.name}</span>
              <span className="text-xs text-muted">(self-declared)</span>
              <Ago iso={review.createdAt} className="text-xs text-muted" />
            </div>
            {review.comment &&
              (props.threadOf?.(review) ? (
                <a href={`#comment-${props.threadOf(review)}`} className="mt-1.5 inline-block text-accent underline">
                  Commented: see the thread in Comments
                </a>
              ) : (
                <p className="mt-1.5 whitespace-pre-line break-words">{review.comment}</p>
              ))}
          </li>
        );
      })}
    </ul>
  );
}
