import { handle, methodNotAllowed } from "@/lib/http";
import { teamDirectory } from "@/lib/members";

/** The team directory, by name: `{members: [{sub, name, handle}]}` — for choosing a board's editors and for
 * @mentions (a comment mentions a member as @handle). Anyone on the team. */
export const GET = handle(async () => Response.json({ members: await teamDirectory() }));

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
