import { handle, methodNotAllowed } from "@/lib/http";
import { findPosterView, removePoster } from "@/lib/posters";

type Context = { params: Promise<{ id: string }> };

export const GET = handle<Context>(async (_request, context) => {
  return Response.json(await findPosterView((await context.params).id));
});

export const DELETE = handle<Context>(async (_request, context) => {
  await removePoster((await context.params).id);
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH };
