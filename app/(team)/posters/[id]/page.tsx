import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommentedImage } from "@/components/comments/commented-image";
import { CommentsPanel } from "@/components/comments/comments-panel";
import { CommentsProvider } from "@/components/comments/comments-state";
import { BeforeAfter } from "@/components/develop/before-after";
import { DevelopPanel } from "@/components/develop/panel/develop-panel";
import { reframePlacement } from "@/components/develop/reframe-geometry";
import { FormatPack } from "@/components/pack/format-pack";
import { Lineage } from "@/components/poster/lineage";
import { PosterActions } from "@/components/poster/poster-actions";
import { ExportList } from "@/components/print/export-list";
import { PosterReviews } from "@/components/reviews/poster-reviews";
import { StatusBadge } from "@/components/reviews/status-badge";
import { SharePanel } from "@/components/share-panel";
import { listBoardSummaries } from "@/lib/boards";
import { listThreads } from "@/lib/comments/service";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/identity";
import { isId } from "@/lib/ids";
import { recentPacks } from "@/lib/jobs/view";
import { formatPrice, getModel, modelLabel, operationLabel, posterModelLabel } from "@/lib/models";
import { planView } from "@/lib/pack/plan";
import { mayArrangeBoard, mayChange } from "@/lib/permissions";
import { findPosterView } from "@/lib/posters/service";
import { PRINT_SIZE_IDS } from "@/lib/print/sizes";
import { listPosterReviews } from "@/lib/reviews/service";

export const metadata: Metadata = { title: "Poster" };

async function load(id: string, viewer: string) {
  try {
    return await findPosterView(id, viewer);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

// The print panel's upscale and "Reframe to fill" links open the Develop panel on that operation (an upscale with
// the upscaler picked), and say which design's print panel to go back to, to measure the new art.
const DEVELOP_LINKS = ["upscale", "reframe"] as const;
const UPSCALERS = ["fast", "conservative", "creative"] as const;
const PRINT_CHOICES: readonly string[] = [...PRINT_SIZE_IDS, "custom"];

export default async function PosterPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ develop?: string; mode?: string; from?: string; print?: string }>;
}) {
  const { id } = await params;
  const { develop, mode, from, print } = await searchParams;
  const initialOperation = DEVELOP_LINKS.find((op) => op === develop);
  const upscaler = initialOperation === "upscale" ? UPSCALERS.find((m) => m === mode) : undefined;
  const backToPrint =
    from && isId(from) && print && PRINT_CHOICES.includes(print) ? `/posters/${from}/design?print=${print}` : undefined;
  const member = await requireMember(`/posters/${id}`);
  const [poster, { boards }, reviews, comments] = await Promise.all([
    load(id, member.sub),
    listBoardSummaries({ limit: 100 }),
    listPosterReviews(id),
    listThreads({ posterId: id }, member).catch(() => ({ threads: [], truncated: false })),
  ]);
  // Lineage: the parent (gone if deleted) and the newest versions made from this poster.
  const [parent, versions, packs] = await Promise.all([
    poster.parentId ? findPosterView(poster.parentId).catch(() => undefined) : undefined,
    Promise.all((poster.versions ?? []).slice(-12).map((v) => findPosterView(v).catch(() => undefined))),
    recentPacks(poster.id, 1),
  ]);
  const pack = planView(poster);
  const latestPack = packs[0];
  const paramLabels = new Map(getModelParams(poster.model));
  // Offer only what this member may do: the maker (or an admin) designs, deletes and shares; anyone adds it to a
  // board of their own.
  const canChange = mayChange(member, poster.createdBy);
  const ownBoards = boards.filter((b) => mayArrangeBoard(member, b));
  type Row = [label: string, value: string];
  const settings: Row[] = [
    ["Prompt", poster.prompt],
    ...(poster.negativePrompt ? [["Negative prompt", poster.negativePrompt] satisfies Row] : []),
    ...(poster.operation === "generate"
      ? [["Model", modelLabel(poster.model)] satisfies Row]
      : [
          ["Operation", operationLabel(poster.operation)] satisfies Row,
          ["Service", posterModelLabel(poster.model)] satisfies Row,
        ]),
    ["Aspect ratio", `${poster.aspectRatio} · ${poster.width}×${poster.height}`],
    ["Seed", String(poster.seed)],
    ...Object.entries(poster.params).map(([k, v]): Row => [paramLabels.get(k) ?? k, String(v)]),
    ["Price", formatPrice(poster.price)],
    ...(poster.createdByName ? [["Made by", poster.createdByName] satisfies Row] : []),
    // A month name: no reader can take it for another date (03/12 is March in New York, December in London).
    [
      "Made",
      `${new Date(poster.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`,
    ],
  ];

  return (
    <div className="space-y-10">
      <CommentsProvider target={{ posterId: poster.id }} initial={comments}>
        <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_420px]">
          <div className="flex flex-col items-center gap-6">
            {/* The team's pins are drawn on it, and a new thread is pinned here. */}
            <div id="comment-image" className="flex max-w-full scroll-mt-4 justify-center">
              <CommentedImage
                src={poster.url}
                alt={poster.prompt}
                width={poster.width}
                height={poster.height}
                className="h-auto max-h-[85vh] w-auto max-w-full rounded-lg border border-edge object-contain"
              />
            </div>
            {parent && (
              <div className="w-full max-w-xl">
                <BeforeAfter
                  beforeUrl={parent.artUrl ?? parent.url}
                  afterUrl={poster.artUrl ?? poster.url}
                  width={poster.width}
                  height={poster.height}
                  beforeLabel="Original"
                  afterLabel="This version"
                  placement={reframePlacement(parent, poster)}
                />
              </div>
            )}
          </div>
          <div className="space-y-6">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div className="space-y-1">
                <h1 className="font-display text-4xl tracking-wide">Poster</h1>
                <StatusBadge status={poster.status} by={poster.statusBy} at={poster.statusAt} detail />
              </div>
              {/* The Develop panel sits below the poster: say it's there. */}
              <a
                href="#develop"
                className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-ink hover:brightness-110"
              >
                Develop: vary, reframe, fix, upscale
              </a>
            </div>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
              {settings.map(([term, value]) => (
                <div key={term} className="contents">
                  <dt className="text-muted">{term}</dt>
                  <dd className="break-words">{value}</dd>
                </div>
              ))}
            </dl>
            <CommentsPanel />
            <PosterReviews
              poster={poster}
              reviews={reviews}
              threads={new Map(comments.threads.flatMap((t) => (t.review ? [[t.review.reviewId, t.id]] : [])))}
            />
            <Lineage poster={poster} parent={parent} versions={versions.filter((v) => v !== undefined)} />
            <PosterActions
              poster={poster}
              boards={ownBoards}
              canChange={canChange}
              me={{ sub: member.sub, isAdmin: member.isAdmin }}
            />
            <ExportList exports={poster.exports ?? []} />
            {canChange && <SharePanel target="posterId" id={poster.id} />}
          </div>
        </div>
      </CommentsProvider>
      <FormatPack
        posterId={poster.id}
        designed={Boolean(poster.design)}
        formats={pack.formats}
        latest={latestPack}
        boards={ownBoards}
      />
      <DevelopPanel
        source={{ posterId: poster.id }}
        image={{ url: poster.artUrl ?? poster.url, width: poster.width, height: poster.height, alt: poster.prompt }}
        prompt={poster.prompt}
        {...(initialOperation ? { initial: initialOperation } : {})}
        {...(upscaler ? { preset: { mode: upscaler } } : {})}
        {...(backToPrint ? { back: { href: backToPrint, label: "Back to Print: measure the new art" } } : {})}
      />
    </div>
  );
}

function getModelParams(modelId: string): [string, string][] {
  try {
    return getModel(modelId).params.map((p) => [p.name, p.label]);
  } catch {
    return [];
  }
}
