import { sharedImageUrl } from "@/lib/shares";

type Context = { params: Promise<{ token: string }> };

// Unknown, revoked and expired tokens, and posters outside the share, all get the same plain 404.
export function sharedImage(options: { download: boolean }) {
  return async (request: Request, context: Context) => {
    const query = new URL(request.url).searchParams;
    const url = await sharedImageUrl((await context.params).token, {
      posterId: query.get("poster"),
      download: options.download,
      plainArt: query.get("art") === "plain",
    });
    if (!url) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
    return new Response(null, {
      status: 302,
      headers: { location: url, "cache-control": "private, max-age=60", "referrer-policy": "no-referrer" },
    });
  };
}
