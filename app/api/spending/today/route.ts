import { handle, methodNotAllowed } from "@/lib/http";
import { requestUser } from "@/lib/identity";
import { spendingToday } from "@/lib/spending";

/** Today's spending (UTC) against the team's budget and your own, in USD. */
export const GET = handle(async (request) => Response.json(await spendingToday(requestUser(request))));

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
