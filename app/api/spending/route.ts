import { z } from "zod";
import { handle, methodNotAllowed, parseWith } from "@/lib/http";
import { spendingReport } from "@/lib/spending";

const query = z.strictObject({ days: z.coerce.number().int().min(1).max(90).default(7) });

/** `?days=7` → the ledger by UTC day, newest day first, with each day's total; and, whatever `days` is, the last
 * 30 days' totals per day (`perDay`, oldest first, quiet days at zero) and per person (`perMember`, most first). */
export const GET = handle(async (request) => {
  const { days } = parseWith(query, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await spendingReport(days));
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
