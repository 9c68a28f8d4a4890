import type { Metadata } from "next";
import { GalleryFilters } from "@/components/gallery/gallery-filters";
import { GalleryGrid } from "@/components/gallery/gallery-grid";
import { VersionsToggle } from "@/components/gallery/versions-toggle";
import { requireMember } from "@/lib/identity";
import {
  ASPECT_RATIO_IDS,
  OPERATION_FILTERS,
  POSTER_MODEL_IDS,
  POSTER_MODEL_LABELS,
  VERSION_MARKS,
} from "@/lib/models";
import { listPosterViews, versionsByDefault } from "@/lib/posters";
import { statusOf } from "@/lib/reviews/status";

export const metadata: Metadata = { title: "Gallery" };

const PAGE = 24;

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function GalleryPage({ searchParams }: { searchParams: Search }) {
  await requireMember("/gallery");
  const params = await searchParams;
  // Unknown filter values are ignored rather than an error page: the form only offers valid ones.
  const model = POSTER_MODEL_IDS.find((id) => id === params.model);
  const aspectRatio = ASPECT_RATIO_IDS.find((r) => r === params.aspectRatio);
  const favorite = params.favorite === "true";
  const status = statusOf(params.status);
  const operation = OPERATION_FILTERS.find((o) => o.id === params.operation)?.id;
  const askedVersions = params.versions === "fold" || params.versions === "show" ? params.versions : undefined;
  const versions = askedVersions ?? versionsByDefault(operation);
  const filter = { model, aspectRatio, favorite, operation, versions, status };
  const page = await listPosterViews({ limit: PAGE, filter });
  // The filters as the URL says them (the toggle keeps the others; "Load more" asks for the same listing).
  const filters: Record<string, string> = {};
  if (model) filters.model = model;
  if (aspectRatio) filters.aspectRatio = aspectRatio;
  if (favorite) filters.favorite = "true";
  if (operation) filters.operation = operation;
  if (status) filters.status = status;
  const query = { limit: String(PAGE), ...filters, versions };

  return (
    <>
      <h1 className="mb-4 font-display text-4xl tracking-wide">Gallery</h1>
      <GalleryFilters {...filters} favorite={favorite} versions={askedVersions} />
      <VersionsToggle filters={filters} versions={versions} />
      <GalleryGrid
        key={JSON.stringify(query)}
        initial={page}
        query={query}
        labels={POSTER_MODEL_LABELS}
        marks={VERSION_MARKS}
        folded={versions === "fold"}
      />
    </>
  );
}
