import type { PosterSummary, ReviewView } from "@/lib/api-types";
import { pinsOf } from "./pins";
import { ReviewItems } from "./review-items";
import { ReviewedPoster } from "./reviewed-poster";

// What came back on a board's review links, poster by poster: pins on the art, verdicts, comments, who and when.
export function BoardReviews(props: {
  posters: PosterSummary[];
  reviews: ReviewView[];
  /** A live review link is out: nothing back yet means waiting, not "ask for them". */
  waiting?: boolean;
}) {
  const pinNumbers = pinsOf(props.reviews);
  const reviewed = props.posters.filter((p) => props.reviews.some((r) => r.posterId === p.id));
  return (
    <section aria-labelledby="board-reviews" className="space-y-4">
      <h2 id="board-reviews" className="font-display text-3xl tracking-wide">
        Reviews
      </h2>
      {reviewed.length === 0 && props.waiting ? (
        <p className="text-sm text-muted">Waiting for reviewers: nothing back yet.</p>
      ) : reviewed.length === 0 ? (
        <p className="text-sm text-muted">
          No reviews yet. To ask for them, create a link below with “Reviewers can approve and comment” ticked, and send
          it: verdicts and comments show up here and under Reviews.
        </p>
      ) : (
        <ul className="space-y-6">
          {reviewed.map((poster) => {
            const reviews = props.reviews.filter((r) => r.posterId === poster.id);
            return (
              <li key={poster.id} className="grid gap-4 sm:grid-cols-[200px_minmax(0,1fr)]">
                <div className="w-40 sm:w-auto">
                  <ReviewedPoster poster={poster} reviews={reviews} pinNumbers={pinNumbers} />
                </div>
                <ReviewItems
                  reviews={reviews}
                  pinNumbers={pinNumbers}
                  context={(r) => <p className="mb-1 text-xs text-muted">Option&nbsp;{r.label} on the review link</p>}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
