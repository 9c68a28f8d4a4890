import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { markReadSchema } from "@/lib/notifications/schema";
import { markRead } from "@/lib/notifications/service";

/** `{ids: [...]}` marks those of your notifications read, `{all: true}` every one → `{unread}`. */
export const POST = handle(async (request, _context, member) => {
  const input = parseWith(markReadSchema, await readJsonObject(request));
  return Response.json(await markRead(member, input));
});

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
