import type { Metadata } from "next";
import Link from "next/link";
import { pinsOf } from "@/components/reviews/pins";
import { ReviewItems } from "@/components/reviews/review-items";
import { ReviewedPoster } from "@/components/reviews/reviewed-poster";
import { requireMember } from "@/lib/identity";
import { reviewInbox } from "@/lib/reviews/service";

export const metadata: Metadata = { title: "Reviews" };

const PAGE = 30;

// The team's inbox of what reviewers said on every review link, newest first. "New" is what came in since this
// member last opened it: kept on the server per member (so it holds across their laptop and phone), moved on
// each visit to the first page.
export default async function ReviewsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const member = await requireMember("/reviews");
  const { cursor } = await searchParams;
  const { seen, page, posters } = await reviewInbox(member, PAGE, typeof cursor === "string" ? cursor : undefined);
  const isNew = (createdAt: string) => !seen || createdAt > seen;
  const fresh = cursor ? 0 : page.reviews.filter((r) => isNew(r.createdAt)).length;
  const pinNumbers = pinsOf(page.reviews);
  const when = seen
    ? new Date(seen).toLocaleString("en-GB", {
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "UTC",
      })
    : undefined;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="font-display text-4xl tracking-wide">Reviews</h1>
        <p className="text-sm text-muted">
          {cursor
            ? "Older reviews."
            : fresh > 0
              ? `${fresh}${page.nextCursor && fresh === page.reviews.length ? "+" : ""} new since you last looked${when ? ` (${when} UTC)` : ""}.`
              : `Nothing new since you last looked${when ? ` (${when} UTC)` : ""}.`}{" "}
          Names are as reviewers typed them (self-declared).
        </p>
      </div>
      {page.reviews.length === 0 ? (
        <p className="text-muted">
          No reviews yet. On a board, create a link with “Reviewers can approve and comment” ticked and send it: what
          reviewers say comes back here.
        </p>
      ) : (
        <ol aria-label="Reviews, newest first" className="space-y-4">
          {page.reviews.map((review) => {
            const poster = posters.get(review.posterId);
            return (
              <li
                key={review.id}
                className="grid grid-cols-[88px_minmax(0,1fr)] gap-3 sm:grid-cols-[120px_minmax(0,1fr)]"
              >
                {poster ? (
                  <ReviewedPoster poster={poster} reviews={[review]} pinNumbers={pinNumbers} />
                ) : (
                  <p className="text-xs text-muted">Poster deleted</p>
                )}
                <ReviewItems
                  reviews={[review]}
                  pinNumbers={pinNumbers}
                  isNew={(r) => !cursor && isNew(r.createdAt)}
                  context={(r) => (
                    <p className="mb-1 text-xs text-muted">
                      Option&nbsp;{r.label} on{" "}
                      <Link href={`/boards/${r.boardId}`} className="text-white underline">
                        {r.boardName || "a board"}
                      </Link>
                    </p>
                  )}
                />
              </li>
            );
          })}
        </ol>
      )}
      {page.nextCursor && (
        <Link
          href={`/reviews?cursor=${encodeURIComponent(page.nextCursor)}`}
          className="inline-block rounded-md border border-edge px-3 py-2 text-sm hover:border-accent"
        >
          Older reviews
        </Link>
      )}
    </div>
  );
}
