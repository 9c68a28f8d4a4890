import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommentedImage } from "@/components/comments/commented-image";
import { CommentsPanel } from "@/components/comments/comments-panel";
import { CommentsProvider } from "@/components/comments/comments-state";
import { DevelopPanel } from "@/components/develop/panel/develop-panel";
import { FormatPack } from "@/components/pack/format-pack";
import { Lineage, versionLabel } from "@/components/poster/lineage";
import { PosterActions } from "@/components/poster/poster-actions";
import { DesignTab, PrintTab } from "@/components/poster/workspace-tabs";
import { PosterReviews } from "@/components/reviews/poster-reviews";
import { StatusBadge } from "@/components/reviews/status-badge";
import { SharePanel } from "@/components/share-panel";
import { type StripItem, VersionsStrip } from "@/components/workspace/versions-strip";
import { WorkspaceCanvas } from "@/components/workspace/workspace-canvas";
import { WorkspaceShell, type WorkspaceTab } from "@/components/workspace/workspace-shell";
import type { PosterView } from "@/lib/api-types";
import { listBoardSummaries } from "@/lib/boards";
import { listThreads } from "@/lib/comments/service";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/identity";
import { isId } from "@/lib/ids";
import { recentPacks } from "@/lib/jobs/view";
import { formatPrice, getModel, modelLabel, OPERATIONS, operationLabel, posterModelLabel } from "@/lib/models";
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

// ?develop= opens the Develop tab on that operation: the print panel's upscale and "Reframe to fill" links (an
// upscale with the upscaler picked, saying which design's print panel to go back to, to measure the new art), and a
// result, which opens on the operation that made it.
const UPSCALERS = ["fast", "conservative", "creative"] as const;
const PRINT_CHOICES: readonly string[] = [...PRINT_SIZE_IDS, "custom"];
const TOOLS = ["details", "comments", "develop", "design", "print", "formats", "share"] as const;
// Links from before the workspace name a part of the page (notifications: #comment-…, #pack; the lightbox: #develop).
const HASH_TABS = [
  ["comment", "comments"],
  ["poster-reviews", "comments"],
  ["develop", "develop"],
  ["pack", "formats"],
] as const;

export default async function PosterPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{
    tool?: string;
    develop?: string;
    mode?: string;
    from?: string;
    print?: string;
    previous?: string;
  }>;
}) {
  const { id } = await params;
  const { tool, develop, mode, from, print, previous } = await searchParams;
  // The open tool: ?tool=, else Develop when a link asks for an operation, else the poster's details.
  const active = TOOLS.find((t) => t === tool) ?? (develop ? "develop" : "details");
  const initialOperation = OPERATIONS.find((op) => op.id === develop && op.visibility === "develop")?.id;
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
  const shownVersions = versions.filter((v) => v !== undefined);
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

  const strip: StripItem[] = [
    ...(parent ? [stripItem(parent, "Original")] : []),
    stripItem(poster, "This version"),
    ...shownVersions.map((v, i) => stripItem(v, `Version ${i + 1}: ${versionLabel(v)}`)),
  ];
  const openThreads = comments.threads.filter((t) => !t.resolved).length;
  const backToPrevious = previous && isId(previous) && previous !== poster.id ? previous : undefined;

  const tabs: WorkspaceTab[] = [
    {
      id: "details",
      label: "Details",
      panel: (
        <>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
            {settings.map(([term, value]) => (
              <div key={term} className="contents">
                <dt className="text-muted">{term}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
          <Lineage poster={poster} parent={parent} versions={shownVersions} />
          <PosterActions
            poster={poster}
            boards={ownBoards}
            canChange={canChange}
            me={{ sub: member.sub, isAdmin: member.isAdmin }}
          />
        </>
      ),
    },
    {
      id: "comments",
      label: "Comments",
      count: openThreads,
      panel: (
        <>
          <CommentsPanel />
          <PosterReviews
            poster={poster}
            reviews={reviews}
            threads={new Map(comments.threads.flatMap((t) => (t.review ? [[t.review.reviewId, t.id]] : [])))}
          />
        </>
      ),
    },
    {
      id: "develop",
      label: "Develop",
      panel: (
        <DevelopPanel
          source={{ posterId: poster.id }}
          image={{ url: poster.artUrl ?? poster.url, width: poster.width, height: poster.height, alt: poster.prompt }}
          prompt={poster.prompt}
          {...(initialOperation ? { initial: initialOperation } : {})}
          {...(upscaler ? { preset: { mode: upscaler } } : {})}
          {...(backToPrint ? { back: { href: backToPrint, label: "Back to Print: measure the new art" } } : {})}
        />
      ),
    },
    {
      id: "design",
      label: "Design",
      panel: <DesignTab posterId={poster.id} designed={Boolean(poster.design)} canChange={canChange} />,
    },
    {
      id: "print",
      label: "Print",
      panel: <PrintTab posterId={poster.id} canChange={canChange} exports={poster.exports ?? []} />,
    },
    {
      id: "formats",
      label: "Formats",
      panel: (
        <FormatPack
          posterId={poster.id}
          designed={Boolean(poster.design)}
          formats={pack.formats}
          latest={latestPack}
          boards={ownBoards}
        />
      ),
    },
    {
      id: "share",
      label: "Share",
      panel: canChange ? (
        <SharePanel target="posterId" id={poster.id} />
      ) : (
        <p className="text-sm text-muted">
          Only the person who made this poster, or an admin, can share it outside the team. You can add it to a board of
          yours from Details, or download it there.
        </p>
      ),
    },
  ];

  return (
    <CommentsProvider target={{ posterId: poster.id }} initial={comments}>
      <WorkspaceShell
        active={active}
        hashTabs={HASH_TABS}
        tabs={tabs}
        header={
          <div className="space-y-1">
            <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
              <h1 className="font-display text-xl tracking-wide sm:text-3xl">Poster</h1>
              <StatusBadge status={poster.status} by={poster.statusBy} at={poster.statusAt} detail />
            </div>
            {backToPrevious && (
              <p className="text-sm" data-testid="new-version">
                {poster.operation !== "generate" ? `A new version, by ${operationLabel(poster.operation)}. ` : ""}
                <Link
                  href={`/posters/${backToPrevious}?tool=develop`}
                  className="font-medium text-accent underline hover:brightness-110"
                >
                  ← Back to the previous
                </Link>
              </p>
            )}
          </div>
        }
        canvas={
          <WorkspaceCanvas width={poster.width} height={poster.height} label="Canvas">
            {/* The team's pins are drawn on it, and a new thread is pinned here. */}
            <CommentedImage
              src={poster.url}
              alt={poster.prompt}
              width={poster.width}
              height={poster.height}
              className="h-(--art-h) w-(--art-w) max-w-none"
            />
          </WorkspaceCanvas>
        }
        strip={<VersionsStrip items={strip} currentId={poster.id} />}
      />
    </CommentsProvider>
  );
}

function stripItem(p: PosterView, label: string): StripItem {
  return {
    id: p.id,
    label,
    thumbnailUrl: p.thumbnailUrl,
    artUrl: p.artUrl ?? p.url,
    width: p.width,
    height: p.height,
    operation: p.operation,
    ...(p.parentId ? { parentId: p.parentId } : {}),
    ...(p.inputs ? { inputs: p.inputs } : {}),
  };
}

function getModelParams(modelId: string): [string, string][] {
  try {
    return getModel(modelId).params.map((p) => [p.name, p.label]);
  } catch {
    return [];
  }
}
