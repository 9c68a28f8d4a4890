import "server-only";
import { z } from "zod";
import { AppError } from "../errors";
import { ID_PATTERN, isId } from "../ids";
import { getBoard } from "./boards";
import { matchesFilter, type PosterFilter } from "./poster-filter";
import { getPosters, type PosterRecord } from "./posters";

// The gallery filtered to one board: the board's posters in the board's order, with the other filters applied to
// them in hand (a board holds its poster ids, so this reads the board and batches of its posters, never the whole
// listing). The cursor is a position on the board.

const BATCH = 100;
const MAX_READS = 10;

const cursorSchema = z.strictObject({ board: z.string().regex(ID_PATTERN), at: z.number().int().min(0) });

const encode = (board: string, at: number) => Buffer.from(JSON.stringify({ board, at })).toString("base64url");

function decode(cursor: string, board: string): number {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.board !== board) throw new Error("cursor of another board");
    return parsed.at;
  } catch (cause) {
    throw new AppError("invalid_cursor", { cause });
  }
}

export async function listBoardPosters(
  boardId: string,
  options: { limit: number; cursor?: string; filter: PosterFilter },
): Promise<{ posters: PosterRecord[]; nextCursor: string | null }> {
  const board = isId(boardId) ? await getBoard(boardId) : undefined;
  if (!board) throw new AppError("board_not_found");
  let at = options.cursor ? decode(options.cursor, boardId) : 0;
  const posters: PosterRecord[] = [];
  for (let read = 0; read < MAX_READS && at < board.posterIds.length; read++) {
    const ids = board.posterIds.slice(at, at + BATCH);
    const found = await getPosters(ids);
    for (const record of found) {
      if (!matchesFilter(record, options.filter)) continue;
      if (posters.length === options.limit) {
        return { posters, nextCursor: encode(boardId, board.posterIds.indexOf(record.id)) };
      }
      posters.push(record);
    }
    at += ids.length;
  }
  return { posters, nextCursor: at < board.posterIds.length ? encode(boardId, at) : null };
}
