import { handle, methodNotAllowed } from "@/lib/http";
import { packZip } from "@/lib/pack/download";

type Context = { params: Promise<{ id: string }> };

/** `?ids=a,b,c` (the pack's posters, as POST …/pack answered) → the ZIP, streamed, with manifest.json last. */
export const GET = handle<Context>(async (request, context) => {
  const ids = (new URL(request.url).searchParams.get("ids") ?? "").split(",").filter(Boolean);
  const { stream, filename } = await packZip((await context.params).id, ids);
  return new Response(stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
