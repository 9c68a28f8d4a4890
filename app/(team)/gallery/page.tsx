import type { Metadata } from "next";
import Link from "next/link";
import { GalleryFilters } from "@/components/gallery/gallery-filters";
import { GalleryGrid } from "@/components/gallery/gallery-grid";
import { VersionsToggle } from "@/components/gallery/versions-toggle";
import { boardChoices } from "@/lib/boards";
import { requireMember } from "@/lib/identity";
import { isId } from "@/lib/ids";
import { teamMembers } from "@/lib/members";
import {
  ASPECT_RATIO_IDS,
  ASPECT_RATIOS,
  isModelId,
  MODELS,
  modelLabel,
  OPERATION_FILTERS,
  POSTER_MODEL_IDS,
  POSTER_MODEL_LABELS,
  POSTER_STATUSES,
  posterModelLabel,
  VERSION_MARKS,
} from "@/lib/models";
import { listPosterViews, versionsByDefault } from "@/lib/posters/service";
import { STATUS_LABELS, statusOf } from "@/lib/reviews/status";

export const metadata: Metadata = { title: "Gallery" };

const PAGE = 24;

// The filters' choices, from the catalogue, rendered here so the catalogue stays out of the browser's JS.
const CHOICES = {
  operations: OPERATION_FILTERS.map((o) => ({ id: o.id, label: o.label })),
  models: MODELS.map((m) => ({ id: m.id, label: modelLabel(m.id) })),
  services: POSTER_MODEL_IDS.filter((id) => !isModelId(id)).map((id) => ({
    id,
    label: posterModelLabel(id),
  })),
  ratios: ASPECT_RATIOS.map((r) => ({ id: r.id, label: `${r.name} (${r.id})` })),
  statuses: POSTER_STATUSES.map((s) => ({ id: s, label: STATUS_LABELS[s] })),
};

type Search = Promise<Record<string, string | string[] | undefined>>;
const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim() : "");

export default async function GalleryPage({ searchParams }: { searchParams: Search }) {
  const member = await requireMember("/gallery");
  const params = await searchParams;
  const [boards, members] = await Promise.all([boardChoices(100), teamMembers()]);
  // Unknown filter values are ignored rather than an error page: the form only offers valid ones.
  const model = POSTER_MODEL_IDS.find((id) => id === params.model);
  const aspectRatio = ASPECT_RATIO_IDS.find((r) => r === params.aspectRatio);
  const favorite = params.favorite === "true";
  const status = statusOf(params.status);
  const operation = OPERATION_FILTERS.find((o) => o.id === params.operation)?.id;
  const q = text(params.q).slice(0, 200) || undefined;
  const maker = text(params.maker).slice(0, 200) || undefined;
  const boardId = boards.find((b) => b.id === params.boardId && isId(b.id))?.id;
  const askedVersions = params.versions === "fold" || params.versions === "show" ? params.versions : undefined;
  const versions = askedVersions ?? versionsByDefault(operation);
  const filter = {
    model,
    aspectRatio,
    favorite,
    operation,
    versions,
    search: q,
    maker: maker === "me" ? member.sub : maker,
    boardId,
    status,
  };
  const page = await listPosterViews({ limit: PAGE, filter, viewer: member.sub });
  // The filters as the URL says them (the toggle keeps the others; "Load more" asks for the same listing).
  const filters: Record<string, string> = {};
  if (q) filters.q = q;
  if (maker) filters.maker = maker;
  if (boardId) filters.boardId = boardId;
  if (model) filters.model = model;
  if (aspectRatio) filters.aspectRatio = aspectRatio;
  if (favorite) filters.favorite = "true";
  if (operation) filters.operation = operation;
  if (status) filters.status = status;
  const query = { limit: String(PAGE), ...filters, versions };

  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-display text-4xl tracking-wide">Gallery</h1>
        <Link href="/trash" className="text-sm text-muted underline hover:text-accent">
          Trash
        </Link>
      </div>
      <GalleryFilters
        {...filters}
        favorite={favorite}
        versions={askedVersions}
        makers={members.filter((m) => m.sub !== member.sub).map((m) => ({ id: m.sub, name: m.name }))}
        boards={boards.map((b) => ({ id: b.id, name: b.name }))}
        choices={CHOICES}
      />
      <VersionsToggle filters={filters} versions={versions} />
      <GalleryGrid
        key={JSON.stringify(query)}
        initial={page}
        query={query}
        labels={POSTER_MODEL_LABELS}
        marks={VERSION_MARKS}
        folded={versions === "fold"}
        filtered={Object.keys(filters).length > 0}
        viewer={{ sub: member.sub, isAdmin: member.isAdmin }}
      />
    </>
  );
}
