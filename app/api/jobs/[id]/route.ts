import { handle, methodNotAllowed } from "@/lib/http";
import { findJobView } from "@/lib/jobs/view";

type Context = { params: Promise<{ id: string }> };

/** A job's status: `{jobId, type, status: queued|running|done|failed, progress?, …}` (a pack adds its formats,
 * posters, failed, charged and, once done, zipUrl). */
export const GET = handle<Context>(async (_request, context) => {
  return Response.json(await findJobView((await context.params).id));
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
