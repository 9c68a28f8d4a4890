import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { uploadRequestSchema } from "@/lib/upload-rules";
import { createUpload } from "@/lib/uploads";

/** `{contentType, bytes}` → 201 `{uploadId, url, fields, expiresAt}`: POST the file to `url` as a multipart form,
 * `fields` first and the file (field `file`) last, before `expiresAt`; then name it as `{uploadId}` in a request. */
export const POST = handle(async (request, _context, member) => {
  const upload = parseWith(uploadRequestSchema, await readJsonObject(request));
  return Response.json(await createUpload(member, upload), { status: 201 });
});

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
