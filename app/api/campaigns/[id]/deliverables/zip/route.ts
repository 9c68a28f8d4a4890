import { z } from "zod";
import { deliverablesZip } from "@/lib/campaigns/deliverables/zip";
import { marketCodeSchema } from "@/lib/campaigns/schema";
import { handle, methodNotAllowed, parseWith } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

const query = z.strictObject({ market: z.optional(marketCodeSchema) });

/** `?market=fr-FR` (or none: every market) → 302 to a short-lived signed S3 URL of the ZIP, or 202 `{jobId,
 * statusUrl}` while a job makes it (ask again when the job is done). */
export const GET = handle<Context>(async (request, context, member) => {
  const { market } = parseWith(query, Object.fromEntries(new URL(request.url).searchParams));
  const owner = { sub: member.sub, email: member.email, name: member.name };
  const answer = await deliverablesZip((await context.params).id, market, owner);
  if ("url" in answer) return new Response(null, { status: 302, headers: { location: answer.url } });
  return Response.json(answer, { status: 202, headers: { location: answer.statusUrl } });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
