import Link from "next/link";
import type { PosterSummary, ReviewView } from "@/lib/api-types";
import { pinsOf } from "./pins";
import { ReviewItems } from "./review-items";
import { ReviewedPoster } from "./reviewed-poster";

// A poster's reviews, from every board it was sent for review on: pins on the art, verdicts, comments.
export function PosterReviews(props: { poster: PosterSummary; reviews: ReviewView[] }) {
  if (props.reviews.length === 0) return null;
  const pinNumbers = pinsOf(props.reviews);
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
          context={(r) => (
            <p className="mb-1 text-xs text-muted">
              Option {r.label} on{" "}
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
