import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DesignEditor } from "@/components/design/design-editor";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/identity";
import { mayChange } from "@/lib/permissions";
import { findDraft } from "@/lib/posters/design-draft";
import { findPosterView } from "@/lib/posters/service";
import { printArtSize } from "@/lib/print/exports";

export const metadata: Metadata = { title: "Design poster" };

// The poster workspace's tools: Design is this page's; the others open the poster page on theirs.
const TOOLS = [
  ["details", "Details"],
  ["comments", "Comments"],
  ["develop", "Develop"],
  ["design", "Design"],
  ["print", "Print"],
  ["formats", "Formats"],
  ["share", "Share"],
] as const;

export default async function DesignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requireMember(`/posters/${id}/design`);
  const poster = await findPosterView(id).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  if (!mayChange(member, poster.createdBy)) {
    return (
      <>
        <h1 className="mb-4 font-display text-4xl tracking-wide">Design poster</h1>
        <p className="text-muted">
          Only the person who made this poster, or an admin, can design it.{" "}
          <Link href={`/posters/${poster.id}`} className="underline">
            Back to the poster
          </Link>
        </p>
      </>
    );
  }
  return (
    <DesignEditor
      header={<h1 className="font-display text-xl tracking-wide sm:text-3xl">Design poster</h1>}
      tabs={TOOLS.map(([tool, label]) =>
        tool === "design" ? { id: tool, label } : { id: tool, label, href: `/posters/${poster.id}?tool=${tool}` },
      )}
      posterId={poster.id}
      initial={poster.design ?? { template: "classic" }}
      hasDesign={Boolean(poster.design)}
      artUrl={poster.artUrl ?? poster.url}
      width={poster.width}
      height={poster.height}
      printArt={await printArtSize(poster.id)}
      exports={poster.exports ?? []}
      draft={(await findDraft(poster.id, member)) ?? null}
    />
  );
}
