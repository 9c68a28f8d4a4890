import { handle, methodNotAllowed } from "@/lib/http";
import { listBoardReviews } from "@/lib/reviews/service";

type Context = { params: Promise<{ id: string }> };

/** Every review left on the board's links, newest first (anyone on the team): `{reviews: […]}`. */
export const GET = handle<Context>(async (_request, context) =>
  Response.json({ reviews: await listBoardReviews((await context.params).id) }),
);

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
