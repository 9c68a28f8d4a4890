import { AppError } from "@/lib/errors";
import { handle, methodNotAllowed } from "@/lib/http";
import { revokeToken } from "@/lib/store/tokens";

type Context = { params: Promise<{ id: string }> };

/** Revokes one of your tokens at once: scripts using it get 401 from the next request on. */
export const DELETE = handle<Context>(async (_request, context, member) => {
  if (!(await revokeToken(member.sub, (await context.params).id))) {
    throw new AppError("not_found", { message: "You have no API token with that id." });
  }
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH };
