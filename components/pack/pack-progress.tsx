"use client";

import Link from "next/link";
import { formatPrice } from "@/lib/models";
import type { PackJobView, PackStepView } from "@/lib/pack/types";
import { findPlacement } from "@/lib/print/placements";

// A pack as it fills in: one tile per format (waiting, made with its picture, or failed with why), the totals, and
// the ZIP once the job has built it. Polled by usePackJob; the job runs on whether or not this page stays open.

const labelOf = (format: string) => {
  const placement = findPlacement(format);
  return placement ? `${placement.label} ${placement.ratio}` : format;
};

function StepTile({ step, running }: { step: PackStepView; running: boolean }) {
  const label = labelOf(step.format);
  if (step.status === "done" && step.poster) {
    const poster = step.poster;
    return (
      <li className="min-w-0 space-y-1">
        <Link href={`/posters/${poster.id}`} className="block rounded-md border border-edge hover:border-accent">
          {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
          <img
            src={poster.thumbnailUrl}
            alt={label}
            width={poster.width}
            height={poster.height}
            className="h-auto max-h-64 w-full rounded-md object-contain"
          />
        </Link>
        {/* Wraps rather than truncates: the exact pixels are what a placement is made for. */}
        <p className="text-xs">
          <span className="block font-medium">{label}</span>
          <span className="block text-muted">
            {poster.width}×{poster.height} px · {poster.operation === "crop" ? "crop" : "reframe"}
            {poster.inputs?.upscale ? " + upscale" : ""}
          </span>
        </p>
      </li>
    );
  }
  const failed = step.status === "failed";
  return (
    <li className="min-w-0 space-y-1">
      <div
        className={`flex aspect-[3/4] items-center justify-center rounded-md border p-3 text-center text-xs ${failed ? "border-danger text-danger" : "border-edge text-muted"} ${!failed && running ? "animate-pulse" : ""}`}
      >
        {failed ? (step.error?.message ?? "This format couldn't be made.") : running ? "Making…" : "Waiting"}
      </div>
      <p className="text-xs">
        <span className="block font-medium">{label}</span>
        <span className={`block ${failed ? "text-danger" : "text-muted"}`}>
          {failed ? (step.charged > 0 ? `failed · ${formatPrice(step.charged)} charged` : "failed · not charged") : ""}
        </span>
      </p>
    </li>
  );
}

export function PackProgress({ job, running }: { job: PackJobView; running: boolean }) {
  const made = job.posters.length;
  const summary =
    job.status === "queued"
      ? `Queued: ${job.progress.total} formats.`
      : job.status === "running"
        ? `Making ${job.progress.total} formats: ${made} ready${job.failed.length ? `, ${job.failed.length} failed` : ""}.`
        : job.status === "done"
          ? `${made} format${made === 1 ? "" : "s"} made${job.failed.length ? `, ${job.failed.length} failed` : ""}`
          : `The pack failed: ${job.error?.message ?? "no format could be made."}`;
  return (
    <section className="space-y-4 border-t border-edge pt-4" aria-label="The pack">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="space-y-1">
          <p role="status" className={`text-sm ${job.status === "failed" ? "text-danger" : ""}`}>
            {summary} · {formatPrice(job.charged)} charged
            {job.board ? (job.board.added ? " · added to the board" : ` · ${job.board.message}`) : ""}
          </p>
          {running && <p className="text-xs text-muted">You can leave this page: the pack carries on without it.</p>}
        </div>
        {job.zipUrl && (
          <a href={job.zipUrl} className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-ink">
            Download ZIP
          </a>
        )}
      </div>
      <progress
        className="h-1.5 w-full accent-accent"
        max={job.progress.total}
        value={job.progress.done}
        aria-label={`${job.progress.done} of ${job.progress.total} formats finished`}
      />
      <ul className="grid grid-cols-2 items-end gap-4 @md:grid-cols-3 @3xl:grid-cols-4" aria-label="Formats">
        {job.formats.map((step) => (
          // "Making…" only once a worker has the job: a queued pack's formats are all still waiting.
          <StepTile key={step.format} step={step} running={running && job.status === "running"} />
        ))}
      </ul>
    </section>
  );
}
