import { handle, methodNotAllowed } from "@/lib/http";
import { spendingToday } from "@/lib/spending";

/** Today's spending (UTC) against the team's budget and your own, in USD. */
export const GET = handle(async (_request, _context, member) => Response.json(await spendingToday(member.sub)));

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
