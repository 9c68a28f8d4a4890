import { z } from "zod";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { attachLogo } from "@/lib/posters/logo";

type Context = { params: Promise<{ id: string }> };

const body = z.strictObject({ uploadId: z.string({ error: "Name the upload as {uploadId}." }) });

/** `{uploadId}` of a PNG with transparency → 201 `{logo, width, height}`: the logo stored beside the poster's art;
 * put `logo` in the design to draw it instead of the title's type. The poster's maker or an admin only. */
export const POST = handle<Context>(async (request, context, member) => {
  const { uploadId } = parseWith(body, await readJsonObject(request));
  return Response.json(await attachLogo((await context.params).id, uploadId, member), { status: 201 });
});

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
