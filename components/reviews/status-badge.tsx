import type { PosterStatus } from "@/lib/library-requests";
import { STATUS_LABELS } from "@/lib/reviews/status";

// Where a poster stands in review, with who set it and when.
const STYLE: Record<PosterStatus, string> = {
  draft: "border-edge text-muted",
  in_review: "border-sky-400/60 bg-sky-400/10 text-sky-200",
  approved: "border-emerald-400/60 bg-emerald-400/10 text-emerald-200",
  changes_requested: "border-orange-400/60 bg-orange-400/10 text-orange-200",
};

export function StatusBadge(props: { status: PosterStatus; by?: string; at?: string; detail?: boolean }) {
  // In UTC, as every date in the studio: the machine's own time zone would differ between server and browser.
  const when = props.at
    ? new Date(props.at).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" })
    : "";
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5 text-xs">
      <span className={`rounded border px-1.5 py-0.5 font-semibold ${STYLE[props.status]}`}>
        {STATUS_LABELS[props.status]}
      </span>
      {props.detail && props.by && props.status !== "draft" && (
        <span className="text-muted">
          {props.status === "in_review" ? `sent by ${props.by}` : `by ${props.by} (self-declared)`}
          {when ? `, ${when}` : ""}
        </span>
      )}
    </span>
  );
}
