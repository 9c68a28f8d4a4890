import { z } from "zod";
import { createBoardView, listBoardSummaries } from "@/lib/boards";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { boardCreateSchema } from "@/lib/models";

const listQuery = z.strictObject({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const GET = handle(async (request) => {
  return Response.json(
    await listBoardSummaries(parseWith(listQuery, Object.fromEntries(new URL(request.url).searchParams))),
  );
});

/** `{name}` → 201 the new, empty board */
export const POST = handle(async (request, _context, member) => {
  const { name } = parseWith(boardCreateSchema, await readJsonObject(request));
  const board = await createBoardView(name, member.sub);
  return Response.json(board, { status: 201, headers: { location: `/api/boards/${board.id}` } });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
