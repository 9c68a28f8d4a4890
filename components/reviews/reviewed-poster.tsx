import Link from "next/link";
import type { LinkReview, PosterSummary } from "@/lib/api-types";
import { trimText } from "@/lib/display-text";
import { type NumberedPin, PinLayer } from "./pins";
import { StatusBadge } from "./status-badge";

// A poster's thumbnail with its reviewers' pins drawn where they put them, and its status. For the team's pages.
export function ReviewedPoster(props: {
  poster: Pick<
    PosterSummary,
    "id" | "thumbnailUrl" | "width" | "height" | "prompt" | "status" | "statusBy" | "statusAt"
  >;
  reviews: LinkReview[];
  pinNumbers: Map<string, number>;
}) {
  const pins: NumberedPin[] = props.reviews.flatMap((r) => {
    const n = props.pinNumbers.get(r.id);
    return r.pin && n !== undefined ? [{ n, ...r.pin }] : [];
  });
  const { poster } = props;
  return (
    <div className="space-y-2">
      <Link href={`/posters/${poster.id}`} className="relative block overflow-hidden rounded-lg border border-edge">
        {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
        <img
          src={poster.thumbnailUrl}
          alt={trimText(poster.prompt, 120) || "Poster (no prompt)"}
          width={poster.width}
          height={poster.height}
          className="h-auto w-full"
        />
        <PinLayer pins={pins} />
      </Link>
      <StatusBadge status={poster.status} by={poster.statusBy} at={poster.statusAt} detail />
    </div>
  );
}
