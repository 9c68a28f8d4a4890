import "server-only";
import type { PosterPage, PosterView } from "../api-types";
import { AppError } from "../errors";
import { isId } from "../ids";
import { exportViews } from "../print/exports";
import { listBoardPosters } from "../store/board-posters";
import { deleteExportsOf } from "../store/exports";
import type { PosterFilter } from "../store/poster-filter";
import { deletePoster, listPosters, loadPoster, type PosterRecord, setFavorite } from "../store/posters";
import { deleteVersionLink, deleteVersionLinksOf, listVersions } from "../store/versions";
import { deletePosterFiles, deleteQuietly } from "./files";
import { toPosterSummary, toPosterView } from "./view";

// A link left behind names a deleted poster among its parent's versions until removed: logged, not an error.
const logLinkLeft = (record: PosterRecord) => (error: unknown) =>
  console.error(JSON.stringify({ msg: "version link left", id: record.id, error: String(error) }));

// Poster operations that span the table and the bucket. Route handlers and pages call these.

/** `viewer`: whose favourite `favorite` says it is. */
export async function findPosterView(id: string, viewer?: string): Promise<PosterView> {
  const record = await loadPoster(id);
  const [view, versions, exports] = await Promise.all([
    toPosterView(record, viewer),
    listVersions(record.id),
    exportViews(record),
  ]);
  return { ...view, versions, exports };
}

/** The gallery and GET /api/posters fold versions into their originals unless asked, or unless filtering by an
 * operation that derives posters (asking for upscales means wanting to see them). */
export const versionsByDefault = (operation?: string): "fold" | "show" =>
  operation && operation !== "generate" ? "show" : "fold";

/** A page of the gallery: newest first, or, filtered to a board (`boardId`), in the board's order. `favorite` on each
 * poster (and the favourites filter) is the viewer's own. */
export async function listPosterViews(options: {
  limit: number;
  cursor?: string;
  filter?: PosterFilter & { boardId?: string };
  viewer?: string;
}): Promise<PosterPage> {
  const { boardId, ...rest } = options.filter ?? {};
  const filter = { ...rest, viewer: options.viewer };
  const page = boardId
    ? await listBoardPosters(boardId, { limit: options.limit, cursor: options.cursor, filter })
    : await listPosters({ limit: options.limit, cursor: options.cursor, filter });
  return {
    posters: await Promise.all(page.posters.map((p) => toPosterSummary(p, options.viewer))),
    nextCursor: page.nextCursor,
  };
}

/** Favourites are per person: this stars or unstars the poster for `viewer` only. */
export async function markFavorite(id: string, viewer: string, favorite: boolean): Promise<void> {
  if (!isId(id)) throw new AppError("not_found");
  await setFavorite(id, viewer, favorite);
}

/** Members may delete only their own posters; admins any. */
export async function removePoster(id: string, member: { sub: string; isAdmin: boolean }): Promise<void> {
  // The item goes first, so the poster leaves listings (and boards, and share pages) at once.
  const record = isId(id) ? await deletePoster(id, member.isAdmin ? undefined : member.sub) : undefined;
  if (record === "forbidden") throw new AppError("forbidden");
  if (!record) throw new AppError("not_found");
  // Its versions stay (they are posters of their own); only its entry in its parent's versions goes.
  await Promise.all([
    deletePosterFiles(record),
    deleteVersionLink(record).catch(logLinkLeft(record)),
    deleteVersionLinksOf(record.id).catch(logLinkLeft(record)),
    // Its print masters go with it (their files too; the sweeper removes any left once the poster is gone).
    deleteExportsOf(record.id)
      .then(deleteQuietly)
      .catch((error) => console.error(JSON.stringify({ msg: "exports left", id: record.id, error: String(error) }))),
  ]);
}

/** The team's most recent distinct prompts, newest first, for the studio's prompt history: what people typed to
 * generate. A developed poster repeats its source's prompt (and, from before the prompt backfill, may carry an edit's
 * instruction, "dark swirling storm clouds"), which is nothing to generate from. */
export async function recentPrompts(count = 8): Promise<string[]> {
  const { posters } = await listPosters({ limit: 60, filter: { operation: "generate" } });
  return [...new Set(posters.map((p) => p.prompt).filter(Boolean))].slice(0, count);
}
