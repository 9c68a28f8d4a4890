import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getSiteUrl } from "@/lib/aws/config";
import { posterModelLabel } from "@/lib/models";
import { resolveShare } from "@/lib/shares";

// A read-only page for people who never open the studio: the poster(s), optionally the prompt, Download. Nothing
// links back into the team's pages. Images are signed per view, so the page never goes stale.

type Props = { params: Promise<{ token: string }> };

const load = cache(async (token: string) => resolveShare(token));

// Link previews need absolute URLs: from the configured site URL, never the request's Host (which a client sets).
function metadataBase(): URL | undefined {
  try {
    return new URL(getSiteUrl());
  } catch {
    return undefined; // not configured: the page still shows; previews get no image
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection(); // per request, never at build time
  const { token } = await params;
  const content = await load(token);
  if (!content) return { title: "Not found" };
  const title = content.title ?? "A poster from OneSheet";
  // A stable app URL that redirects to a fresh signature: chat tools may fetch it hours after the page was shared.
  const image = `/s/${token}/image`;
  return {
    metadataBase: metadataBase(),
    title,
    referrer: "no-referrer",
    robots: { index: false, follow: false },
    openGraph: { title, type: "website", images: [{ url: image }] },
    twitter: { card: "summary_large_image", title, images: [image] },
  };
}

export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const content = await load(token);
  if (!content) notFound();
  return (
    <>
      <header className="border-b border-edge">
        <p className="mx-auto max-w-6xl px-4 py-3 font-display text-3xl tracking-wide text-accent">OneSheet</p>
      </header>
      <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8">
        <h1 className="font-display text-4xl tracking-wide">{content.title ?? "A poster from OneSheet"}</h1>
        <ul
          aria-label="Shared posters"
          className={
            content.title === null ? "mx-auto max-w-2xl" : "grid grid-cols-2 gap-6 md:grid-cols-3 lg:grid-cols-4"
          }
        >
          {content.posters.map((poster, index) => {
            const query = `?poster=${poster.id}`;
            const name = poster.prompt || `Poster ${index + 1}`;
            return (
              <li key={poster.id} className="space-y-3">
                <a href={`/s/${token}/image${query}`} className="block">
                  {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
                  <img
                    src={poster.imageUrl}
                    alt={name}
                    width={poster.width}
                    height={poster.height}
                    loading={index < 4 ? "eager" : "lazy"}
                    className="h-auto w-full rounded-lg border border-edge"
                  />
                  <span className="sr-only">Open {name} full size</span>
                </a>
                {poster.prompt && (
                  <p className="text-sm">
                    {poster.prompt}
                    <span className="block text-xs text-muted">
                      {posterModelLabel(poster.model ?? "")} · seed {poster.seed}
                    </span>
                  </p>
                )}
                {poster.designed && (
                  <a href={`/s/${token}/image${query}&art=plain`} className="mr-3 text-sm underline">
                    Plain art<span className="sr-only"> of {name}</span>
                  </a>
                )}
                <a
                  href={`/s/${token}/download${query}`}
                  className="inline-block rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent"
                >
                  Download<span className="sr-only"> {name}</span>
                </a>
              </li>
            );
          })}
        </ul>
        {content.posters.length === 0 && <p className="text-muted">This board is empty right now.</p>}
      </main>
    </>
  );
}
