import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ReviewBoard } from "@/components/reviews/review-board";
import { trimText } from "@/lib/display-text";
import { linkReviewsForPage } from "@/lib/reviews/service";
import { resolveShare, type SharedContent } from "@/lib/shares";
import { siteUrl } from "@/lib/site";
import { SharedGrid } from "./shared-grid";

// A page for people who never open the studio: the poster(s), optionally the prompt, Download; on a review link,
// Approve, Ask for changes and comments (pinned if they like) per option. Nothing links back into the team's pages.
// Images are signed per view, so the page never goes stale.

type Props = { params: Promise<{ token: string }> };

const load = cache(async (token: string) => resolveShare(token));

// Link previews need absolute URLs: from the configured site URL, never the request's Host (which a client sets);
// not configured, the page still shows and previews get no image.
const metadataBase = siteUrl;

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** What a chat preview says: the board (or poster), who shared it and when, and what is asked of the reader. */
function describe(content: SharedContent) {
  const who = content.sharedBy ?? "The OneSheet team";
  const count = content.posters.length;
  const first = content.posters[0];
  const title = content.title ?? (first?.prompt ? trimText(first.prompt, 70) : "A poster");
  const range = count > 1 ? ` (${first?.label}–${content.posters.at(-1)?.label})` : "";
  const what = content.title === null ? "a poster" : `${count} poster option${count === 1 ? "" : "s"}${range}`;
  const ask = content.review ? " for your review: approve, ask for changes or comment" : "";
  return {
    title: content.review ? `Review: ${title}` : title,
    description: `${who} shared ${what}${ask} on ${day(content.sharedAt)}.`,
  };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection(); // per request, never at build time
  const { token } = await params;
  const content = await load(token);
  if (!content) return { title: "Not found" };
  const { title, description } = describe(content);
  // A stable app URL that redirects to a fresh signature: chat tools may fetch it hours after the page was shared.
  const image = `/s/${token}/image`;
  return {
    metadataBase: metadataBase(),
    title: { absolute: title },
    description,
    referrer: "no-referrer",
    robots: { index: false, follow: false },
    openGraph: { title, description, type: "website", siteName: "OneSheet", images: [{ url: image }] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const content = await load(token);
  if (!content) notFound();
  const who = content.sharedBy ?? "the OneSheet team";
  const reviews = content.review ? await linkReviewsForPage(token) : [];
  return (
    <>
      <header className="border-b border-edge">
        <p className="mx-auto max-w-6xl px-4 py-3 font-display text-3xl tracking-wide text-accent">OneSheet</p>
      </header>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
        <div className="space-y-2">
          <h1 className="font-display text-4xl tracking-wide break-words">
            {content.title ?? "A poster from OneSheet"}
          </h1>
          <p className="text-sm text-muted">
            Shared by <span className="text-white">{who}</span> on {day(content.sharedAt)}
            {content.title !== null &&
              (content.snapshot ? " · as it was sent" : " · live: shows the board as it is now")}
          </p>
          {content.review && content.posters.length > 0 && (
            <p className="max-w-2xl">
              {who} would like your view on {content.posters.length === 1 ? "this option" : "these options"}:{" "}
              <strong>Approve</strong> the ones that work, <strong>Ask for changes</strong> where they don't, and
              comment on anything — tap a poster to pin your comment to a spot.
            </p>
          )}
        </div>
        {content.review ? (
          <ReviewBoard token={token} posters={content.posters} initialReviews={reviews} sharedBy={who} />
        ) : (
          <SharedGrid token={token} content={content} />
        )}
        {content.posters.length === 0 && <p className="text-muted">This board is empty right now.</p>}
      </main>
    </>
  );
}
