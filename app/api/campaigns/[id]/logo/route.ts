import { z } from "zod";
import { attachCampaignLogo } from "@/lib/campaigns/logo";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

const body = z.strictObject({ uploadId: z.string({ error: "Name the upload as {uploadId}." }) });

/** `{uploadId}` of a PNG with transparency → 201 `{logo, width, height}`: a title logo of the campaign's; name it as
 * the kit's `logo` or a market's. The campaign's maker or an admin only. */
export const POST = handle<Context>(async (request, context, member) => {
  const { uploadId } = parseWith(body, await readJsonObject(request));
  return Response.json(await attachCampaignLogo((await context.params).id, uploadId, member), { status: 201 });
});

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
