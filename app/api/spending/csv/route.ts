import { z } from "zod";
import { handle, methodNotAllowed, parseWith } from "@/lib/http";
import { recentSpending } from "@/lib/spending";
import { ledgerCsv } from "@/lib/spending-csv";

const query = z.strictObject({ days: z.coerce.number().int().min(1).max(90).default(30) });

/** `?days=30` → the ledger as a CSV download. */
export const GET = handle(async (request) => {
  const { days } = parseWith(query, Object.fromEntries(new URL(request.url).searchParams));
  const byDay = await recentSpending(days);
  return new Response(ledgerCsv(byDay.flatMap((d) => d.entries)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="onesheet-spending-${byDay.at(-1)?.day}-to-${byDay[0]?.day}.csv"`,
    },
  });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
