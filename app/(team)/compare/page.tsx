import type { Metadata } from "next";
import Link from "next/link";
import { BackButton } from "@/components/compare/back-button";
import type { PosterView } from "@/lib/api-types";
import { parseCompareIds } from "@/lib/compare-ids";
import { trimText } from "@/lib/display-text";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/identity";
import { modelLabel } from "@/lib/models";
import { findPosterView } from "@/lib/posters/service";

export const metadata: Metadata = { title: "Compare posters" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const LABELS = "ABCD";
// Side by side at one height: each poster's share of the row is its width-to-height ratio, so heights come out equal
// whatever the aspect ratios; the row is capped so that height fits the screen.
const HEIGHT = "70dvh";
const GAP_PX = 12;

async function load(id: string): Promise<PosterView | undefined> {
  try {
    return await findPosterView(id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return undefined;
    throw error;
  }
}

export default async function ComparePage({ searchParams }: { searchParams: Search }) {
  const raw = (await searchParams).ids;
  await requireMember(`/compare${typeof raw === "string" ? `?ids=${encodeURIComponent(raw)}` : ""}`);
  const { ids, problem } = parseCompareIds(raw);
  const found = await Promise.all(ids.map(load));
  const posters = found.filter((p): p is PosterView => Boolean(p));
  const missing = ids.length - posters.length;
  const messages = [
    problem,
    missing > 0 &&
      (missing === 1
        ? "One of these posters doesn't exist (it may have been deleted), so it isn't shown."
        : `${missing} of these posters don't exist (they may have been deleted), so they aren't shown.`),
    posters.length < 2 && !problem && "There is nothing to compare: pick at least two posters that exist.",
  ].filter(Boolean);
  const ratioSum = posters.reduce((sum, p) => sum + p.width / p.height, 0);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Compare posters</h1>
        <BackButton />
      </div>
      {messages.length > 0 && (
        <div role="alert" className="space-y-1 rounded-md border border-danger/50 bg-danger/10 p-3 text-sm">
          {messages.map((m) => (
            <p key={String(m)}>{m}</p>
          ))}
        </div>
      )}
      {posters.length >= 1 && (
        <ul
          aria-label="Posters side by side"
          className="mx-auto flex items-start"
          style={{
            gap: GAP_PX,
            maxWidth: `calc(${HEIGHT} * ${ratioSum.toFixed(4)} + ${GAP_PX * (posters.length - 1)}px)`,
          }}
        >
          {posters.map((poster, i) => (
            <li
              key={poster.id}
              className="min-w-0"
              style={{ flex: `${(poster.width / poster.height).toFixed(4)} 1 0%` }}
            >
              <figure className="space-y-2">
                {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
                <img
                  src={poster.url}
                  alt={`Option ${LABELS[i]}: ${poster.prompt}`}
                  width={poster.width}
                  height={poster.height}
                  className="block h-auto w-full rounded-lg ring-1 ring-edge"
                />
                <figcaption className="space-y-0.5 text-sm [overflow-wrap:anywhere]">
                  <span className="font-display text-2xl leading-none tracking-wide text-accent">{LABELS[i]}</span>
                  <span className="block text-xs text-muted">
                    {poster.operation === "generate" ? modelLabel(poster.model) : poster.operation} · Seed {poster.seed}
                  </span>
                  <span className="block break-words text-xs" title={poster.prompt}>
                    {trimText(poster.prompt, 90)}
                  </span>
                  <Link href={`/posters/${poster.id}`} className="text-xs text-accent hover:underline">
                    Poster page<span className="sr-only"> of option {LABELS[i]}</span>
                  </Link>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
