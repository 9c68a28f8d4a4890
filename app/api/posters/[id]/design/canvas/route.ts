import { z } from "zod";
import { designSchema } from "@/lib/design/schema";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { canvasPreview } from "@/lib/posters/design";
import { enforceRenderBudget } from "@/lib/rate-limit";

type Context = { params: Promise<{ id: string }> };

const query = z.object({ width: z.coerce.number().int().min(120).max(1200).default(520) });

/** The design JSON → the composed preview at screen size and the same picture in layers (the art under its scrim,
 * each text layer alone with its box and colour), for the editor's canvas: one render budget like the preview's. */
export const POST = handle<Context>(async (request, context, member) => {
  await enforceRenderBudget(member.sub);
  const { width } = parseWith(query, Object.fromEntries(new URL(request.url).searchParams));
  const design = parseWith(designSchema, await readJsonObject(request));
  const view = await canvasPreview((await context.params).id, design, width);
  return Response.json(view, { headers: { "cache-control": "no-store" } });
});

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
