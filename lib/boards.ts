import "server-only";
import type { BoardSummary, BoardView } from "./api-types";
import { AppError } from "./errors";
import { isId } from "./ids";
import { directoryMember, memberNames } from "./members";
import { editorNotice } from "./notifications/notices";
import { type Actor, mayChange } from "./permissions";
import { signPosterFile } from "./posters/files";
import { toPosterSummary } from "./posters/view";
import * as boards from "./store/boards";
import { getPoster, getPosters, type PosterRecord } from "./store/posters";

// Boards as the app shows them: the board's order, with posters that still exist, freshly signed.
// Anyone on the team sees every board. Its maker (or an admin) renames it, deletes it and chooses its editors; the
// maker and the editors add, remove and reorder its posters (the store makes each of these a condition of the write).

/** Who is changing a board: the member (the store checks `createdBy`, and `editors` where they may), or, for an
 * admin, nobody in particular: an admin may change any board. */
const ownerFor = (member: Actor) => (member.isAdmin ? undefined : member.sub);

async function load(id: string): Promise<boards.BoardRecord> {
  const board = isId(id) ? await boards.getBoard(id) : undefined;
  if (!board) throw new AppError("board_not_found");
  return board;
}

export async function toBoardView(board: boards.BoardRecord): Promise<BoardView> {
  const editors = [...(board.editors ?? [])];
  const [posters, names] = await Promise.all([getPosters(board.posterIds), memberNames(editors)]);
  const { posterIds: _ids, editors: _editors, ...rest } = board;
  return {
    ...rest,
    editors: editors.map((sub) => ({ sub, name: names.get(sub) ?? sub })).sort((a, b) => a.name.localeCompare(b.name)),
    posters: await Promise.all(posters.map((p) => toPosterSummary(p))),
  };
}

export async function findBoardView(id: string): Promise<BoardView> {
  return toBoardView(await load(id));
}

/** A board's cover: its first designed poster (the composed version: what the campaign will look like) among the
 * first few, else its first poster. Only the first few are read, so a page of boards stays a few batch reads. */
const COVER_LOOKS = 6;
const coverOf = (posters: PosterRecord[]) => posters.find((p) => p.composedThumbKey) ?? posters[0];

export async function listBoardSummaries(options: { limit: number; cursor?: string }) {
  const page = await boards.listBoards(options);
  const candidates = await getPosters([...new Set(page.boards.flatMap((b) => b.posterIds.slice(0, COVER_LOOKS)))]);
  const byId = new Map(candidates.map((p) => [p.id, p]));
  const summaries: BoardSummary[] = await Promise.all(
    page.boards.map(async (b) => {
      const cover = coverOf(b.posterIds.slice(0, COVER_LOOKS).flatMap((id) => byId.get(id) ?? []));
      return {
        id: b.id,
        name: b.name,
        posterCount: b.posterIds.length,
        createdAt: b.createdAt,
        updatedAt: b.updatedAt,
        createdBy: b.createdBy,
        editors: [...(b.editors ?? [])],
        coverUrl: cover ? (await signPosterFile(cover, "thumbnail")).url : null,
      };
    }),
  );
  return { boards: summaries, nextCursor: page.nextCursor };
}

export async function createBoardView(name: string, createdBy: string): Promise<BoardView> {
  return toBoardView(await boards.createBoard(name, createdBy));
}

/** A change is one conditional update (a rename with a reorder too: both or neither). */
export async function updateBoard(
  id: string,
  change: { name?: string; posterIds?: string[]; version?: number },
  member: Actor,
) {
  if (change.name === undefined && change.posterIds === undefined) return toBoardView(await load(id));
  if (!isId(id)) throw new AppError("board_not_found");
  const owner = ownerFor(member);
  const board =
    change.posterIds !== undefined
      ? await boards.reorderBoard(id, change.posterIds, change.version ?? -1, owner, change.name)
      : await boards.renameBoard(id, change.name ?? "", owner);
  return toBoardView(board);
}

export async function addPosterToBoard(id: string, posterId: string, member: Actor): Promise<BoardView> {
  await load(id);
  if (!isId(posterId) || !(await getPoster(posterId))) throw new AppError("not_found");
  return toBoardView(await boards.addToBoard(id, posterId, ownerFor(member)));
}

export async function removePosterFromBoard(id: string, posterId: string, member: Actor): Promise<BoardView> {
  if (!isId(id)) throw new AppError("board_not_found");
  return toBoardView(await boards.removeFromBoard(id, posterId, ownerFor(member)));
}

/** Its share links stop working with it (a share page of a missing board is a 404). */
export async function removeBoard(id: string, member: Actor): Promise<void> {
  const result = isId(id) ? await boards.deleteBoard(id, ownerFor(member)) : false;
  if (result === "forbidden") throw new AppError("forbidden");
  if (!result) throw new AppError("board_not_found");
}

/** Makes a member an editor of the board, and tells them (its maker or an admin; else 403). Someone who never
 * signed in, or the maker themselves, is a field error. */
export async function addBoardEditor(id: string, editorSub: string, member: Actor & { name: string }) {
  const board = await load(id);
  if (!mayChange(member, board.createdBy)) throw new AppError("forbidden");
  const editor = await directoryMember(editorSub);
  if (!editor) {
    throw new AppError("invalid_input", {
      fields: { memberSub: "There is no team member with that id: pick one from the team (GET /api/members)." },
    });
  }
  if (editor.sub === board.createdBy) {
    throw new AppError("invalid_input", { fields: { memberSub: "The board's maker can already change it." } });
  }
  const refused = await boards.addEditor(id, editor.sub, ownerFor(member), editorNotice(board, editor.sub, member));
  if (refused === "not_found") throw new AppError("board_not_found");
  if (refused === "forbidden") throw new AppError("forbidden");
  if (refused === "full") {
    throw new AppError("editor_limit", {
      message: `A board has at most ${boards.MAX_BOARD_EDITORS} editors: take someone off before adding another.`,
    });
  }
  return toBoardView(await load(id));
}

/** Takes an editor off the board (its maker or an admin; else 403). */
export async function removeBoardEditor(id: string, editorSub: string, member: Actor): Promise<BoardView> {
  if (!isId(id)) throw new AppError("board_not_found");
  return toBoardView(await boards.removeEditor(id, editorSub, ownerFor(member)));
}

/** The newest boards by name, for pickers and filters (at most `limit`). */
export async function boardChoices(limit: number): Promise<{ id: string; name: string }[]> {
  const { boards: found } = await boards.listBoards({ limit });
  return found.map((b) => ({ id: b.id, name: b.name }));
}
