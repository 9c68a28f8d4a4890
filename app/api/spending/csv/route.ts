import { z } from "zod";
import { handle, methodNotAllowed, parseWith } from "@/lib/http";
import { spendingCsvUrl } from "@/lib/spending-report";

const query = z.strictObject({ days: z.coerce.number().int().min(1).max(90).default(30) });

/** `?days=30` → a redirect to the ledger as a CSV download (made in S3: never streamed through the function). */
export const GET = handle(async (request) => {
  const { days } = parseWith(query, Object.fromEntries(new URL(request.url).searchParams));
  return new Response(null, { status: 302, headers: { location: await spendingCsvUrl(days) } });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
