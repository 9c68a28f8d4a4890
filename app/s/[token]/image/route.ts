import { shareImageUrl } from "@/lib/shares";

// The share's preview image for link unfurls: a stable app URL that redirects to a freshly signed S3 URL.
// Unknown, revoked and expired tokens all get the same plain 404.
export async function GET(_request: Request, context: { params: Promise<{ token: string }> }) {
  const url = await shareImageUrl((await context.params).token);
  if (!url) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  return new Response(null, {
    status: 302,
    headers: { location: url, "cache-control": "private, max-age=60", "referrer-policy": "no-referrer" },
  });
}
