import { handle, methodNotAllowed } from "@/lib/http";
import { jobArchiveUrl } from "@/lib/jobs/view";

type Context = { params: Promise<{ id: string }> };

/** The job's ZIP: a redirect to a signed S3 URL, fresh on every visit (the archive never passes through here). */
export const GET = handle<Context>(async (_request, context) => {
  return new Response(null, { status: 302, headers: { location: await jobArchiveUrl((await context.params).id) } });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
