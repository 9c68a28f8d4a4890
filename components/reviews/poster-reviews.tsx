import Link from "next/link";
import type { PosterSummary, ReviewView } from "@/lib/api-types";
import { pinsOf } from "./pins";
import { ReviewItems } from "./review-items";
import { ReviewedPoster } from "./reviewed-poster";

// A poster's reviews, from every board it was sent for review on: pins on the art, verdicts, comments. A reviewer's
// comment that started a thread in the poster's comments (`threads`: review id → the thread's id) is read, replied to
// and resolved there, its pin on the large image: here it is a link to it.
export function PosterReviews(props: {
  poster: PosterSummary;
  reviews: ReviewView[];
  threads?: ReadonlyMap<string, string>;
}) {
  if (props.reviews.length === 0) return null;
  const threads = props.threads ?? new Map<string, string>();
  const pinNumbers = pinsOf(props.reviews.filter((r) => !threads.has(r.id)));
  return (
    <section aria-labelledby="poster-reviews" className="space-y-3 rounded-lg border border-edge p-4">
      <h2 id="poster-reviews" className="font-semibold">
        Reviews
      </h2>
      <div className="grid gap-4 sm:grid-cols-[140px_minmax(0,1fr)]">
        <div className="w-32 sm:w-auto">
          <ReviewedPoster poster={props.poster} reviews={props.reviews} pinNumbers={pinNumbers} />
        </div>
        <ReviewItems
          reviews={props.reviews}
          pinNumbers={pinNumbers}
          threadOf={(r) => threads.get(r.id)}
          context={(r) => (
            <p className="mb-1 text-xs text-muted">
              Option&nbsp;{r.label} on{" "}
              <Link href={`/boards/${r.boardId}`} className="underline">
                {r.boardName || "a board"}
              </Link>
            </p>
          )}
        />
      </div>
    </section>
  );
}
