import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { findPosterView } from "@/lib/posters/service";
import { exportRequestSchema } from "@/lib/print/export-schema";
import { createExport } from "@/lib/print/exports";
import { enforceRenderBudget } from "@/lib/rate-limit";

type Context = { params: Promise<{ id: string }> };

// A PDF master and the layered PSD are made here (seconds); a TIFF is queued as a job and polled at its status URL.
export const maxDuration = 60;

/** `{format, size, bleedIn?, ppi?}` → 201 with the PDF's `{exportId, url, widthPx, heightPx, effectivePpi,
 * warnings}`, or 202 with the queued TIFF's `{exportId, status, statusUrl}`; `{format: "psd"}` → 201 with the layered
 * file's `{exportId, url, widthPx, heightPx}`. Anyone on the team may export. */
export const POST = handle<Context>(async (request, context, member) => {
  const { id } = await context.params;
  const body = parseWith(exportRequestSchema, await readJsonObject(request));
  await enforceRenderBudget(member.sub);
  const made = await createExport(id, body, member);
  return Response.json(made, {
    status: made.status === "ready" ? 201 : 202,
    headers: made.status === "ready" ? {} : { location: made.statusUrl },
  });
});

/** The poster's exports, newest first. */
export const GET = handle<Context>(async (_request, context) => {
  return Response.json({ exports: (await findPosterView((await context.params).id)).exports ?? [] });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
