import { importMarkets } from "@/lib/campaigns/import";
import { marketImportSchema } from "@/lib/campaigns/schema";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

// Reading a 40 MB spreadsheet and checking its rows takes seconds, not minutes: in the request, with room to spare.
export const maxDuration = 60;

/** `{uploadId, goodRowsOnly?}` (a CSV or XLSX sent with POST /api/uploads) → 200 `{imported, errors}`; 400 with a
 * message per bad row's cell (keyed `<line>.<column>`) and nothing imported, unless `goodRowsOnly`. */
export const POST = handle<Context>(async (request, context, member) => {
  const body = parseWith(marketImportSchema, await readJsonObject(request));
  return Response.json(await importMarkets((await context.params).id, body, member));
});

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
