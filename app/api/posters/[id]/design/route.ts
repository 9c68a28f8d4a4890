import { designSchema } from "@/lib/design/schema";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { removeDesign, saveDesign } from "@/lib/posters/design";
import { enforceRenderBudget } from "@/lib/rate-limit";

type Context = { params: Promise<{ id: string }> };

// Composing a full-size poster takes well under a second, but leave room under Lambda's limit.
export const maxDuration = 60;

/** The design JSON → 200 `{poster, warnings}`: the composed poster's fresh URL; the art itself never changes.
 * The poster's maker or an admin only (else 403); anyone may preview. */
export const PUT = handle<Context>(async (request, context, member) => {
  await enforceRenderBudget(member.sub);
  const design = parseWith(designSchema, await readJsonObject(request));
  return Response.json(await saveDesign((await context.params).id, design, member));
});

/** Removes the design and the composed poster: the poster shows its plain art again. Maker or admin only. */
export const DELETE = handle<Context>(async (_request, context, member) => {
  await removeDesign((await context.params).id, member);
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PATCH };
