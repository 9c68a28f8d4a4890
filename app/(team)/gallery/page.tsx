import type { Metadata } from "next";
import { GalleryFilters } from "@/components/gallery/gallery-filters";
import { GalleryGrid } from "@/components/gallery/gallery-grid";
import { requireMember } from "@/lib/identity";
import { ASPECT_RATIO_IDS, findModel, MODEL_LABELS } from "@/lib/models";
import { listPosterViews } from "@/lib/posters";

export const metadata: Metadata = { title: "Gallery" };

const PAGE = 24;

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function GalleryPage({ searchParams }: { searchParams: Search }) {
  await requireMember("/gallery");
  const params = await searchParams;
  // Unknown filter values are ignored rather than an error page: the form only offers valid ones.
  const model = typeof params.model === "string" && findModel(params.model) ? params.model : undefined;
  const aspectRatio = ASPECT_RATIO_IDS.find((r) => r === params.aspectRatio);
  const favorite = params.favorite === "true";
  const page = await listPosterViews({ limit: PAGE, filter: { model, aspectRatio, favorite } });
  const query: Record<string, string> = { limit: String(PAGE) };
  if (model) query.model = model;
  if (aspectRatio) query.aspectRatio = aspectRatio;
  if (favorite) query.favorite = "true";

  return (
    <>
      <h1 className="mb-4 font-display text-4xl tracking-wide">Gallery</h1>
      <GalleryFilters model={model} aspectRatio={aspectRatio} favorite={favorite} />
      <GalleryGrid key={JSON.stringify(query)} initial={page} query={query} labels={MODEL_LABELS} />
    </>
  );
}
