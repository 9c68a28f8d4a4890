import { draftFieldErrors, draftRequestSchema } from "@/lib/design/draft-schema";
import { AppError } from "@/lib/errors";
import { handle, methodNotAllowed, readJsonObject } from "@/lib/http";
import { discardDraft, findDraft, saveDraft } from "@/lib/posters/design-draft";

type Context = { params: Promise<{ id: string }> };

/** → 200 `{design, revision, savedAt}`, the poster's design draft; 404 draft_not_found when it has none. Who may
 * design the poster only (its maker, an admin; else 403). */
export const GET = handle<Context>(async (_request, context, member) => {
  const draft = await findDraft((await context.params).id, member);
  if (!draft) throw new AppError("draft_not_found");
  return Response.json(draft);
});

/** `{design, baseRevision?}` → 200 `{revision, savedAt}`: the editor's autosave. No composed render (that is Save's);
 * 409 draft_conflict when `baseRevision` isn't the stored draft's (or is left out while there is one). */
export const PATCH = handle<Context>(async (request, context, member) => {
  const parsed = draftRequestSchema.safeParse(await readJsonObject(request));
  if (!parsed.success) throw new AppError("invalid_input", { fields: draftFieldErrors(parsed.error) });
  return Response.json(await saveDraft((await context.params).id, parsed.data, member));
});

/** Discards the draft → 204 (also when there was none); the saved design stays. */
export const DELETE = handle<Context>(async (_request, context, member) => {
  await discardDraft((await context.params).id, member);
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT };
