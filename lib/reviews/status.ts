import type { PosterStatus } from "../library-requests";
import { POSTER_STATUSES } from "../library-requests";

// A poster's review status in words, for badges and the gallery's filter.
export const STATUS_LABELS: Record<PosterStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  changes_requested: "Changes requested",
};

export const statusOf = (value: unknown): PosterStatus | undefined => POSTER_STATUSES.find((s) => s === value);
