import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DesignEditor } from "@/components/design/design-editor";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/identity";
import { findPosterView } from "@/lib/posters";

export const metadata: Metadata = { title: "Design poster" };

export default async function DesignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireMember(`/posters/${id}/design`);
  const poster = await findPosterView(id).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <h1 className="mb-4 font-display text-4xl tracking-wide">Design poster</h1>
      <DesignEditor
        posterId={poster.id}
        initial={poster.design ?? { template: "classic", title: "", tagline: "", billing: "", date: "" }}
        hasDesign={Boolean(poster.design)}
        width={poster.width}
        height={poster.height}
      />
    </>
  );
}
