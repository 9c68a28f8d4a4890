import { commentListQuery, commentRequestSchema } from "@/lib/comments/schema";
import { createComment, listThreads } from "@/lib/comments/service";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";

/** `{posterId | boardId, body, parentId?, pin?}` → 201 the comment. Anyone on the team; @handles must be members
 * (else 400 naming them); a reply's parentId is the thread's first comment; a pin ({x, y}, 0–1) only on a poster's
 * thread. */
export const POST = handle(async (request, _context, member) => {
  const input = parseWith(commentRequestSchema, await readJsonObject(request));
  return Response.json(await createComment(input, member), { status: 201 });
});

/** `?posterId=` or `?boardId=` → `{threads: [{…, replies: […], resolved, mayResolve}], truncated}`, oldest first,
 * reviewers' comments from review links among them (marked `author.outside`). */
export const GET = handle(async (request, _context, member) => {
  const query = parseWith(commentListQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listThreads(query, member));
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
