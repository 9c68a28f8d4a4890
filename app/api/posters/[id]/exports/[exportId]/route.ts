import { handle, methodNotAllowed } from "@/lib/http";
import { findExportView } from "@/lib/print/exports";

type Context = { params: Promise<{ id: string; exportId: string }> };

/** One export's status: poll while "queued" or "running"; "ready" carries a fresh signed `url`. */
export const GET = handle<Context>(async (_request, context) => {
  const { id, exportId } = await context.params;
  return Response.json(await findExportView(id, exportId));
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
