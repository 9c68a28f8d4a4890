import "server-only";
import type { PosterPage, PosterView } from "../api-types";
import { AppError } from "../errors";
import { isId } from "../ids";
import { exportViews } from "../print/exports";
import { listBoardPosters } from "../store/board-posters";
import type { PosterFilter } from "../store/poster-filter";
import { listPosters, loadPoster, setFavorite } from "../store/posters";
import { listVersions } from "../store/versions";
import { parentInTrash } from "./trash";
import { toPosterSummary, toPosterView } from "./view";

// Deleting moves a poster to the trash: lib/posters/trash.ts.
export { removePoster } from "./trash";

// Poster operations that span the table and the bucket. Route handlers and pages call these.

/** `viewer`: whose favourite `favorite` says it is. */
export async function findPosterView(id: string, viewer?: string): Promise<PosterView> {
  const record = await loadPoster(id);
  const [view, versions, exports, inTrash] = await Promise.all([
    toPosterView(record, viewer),
    listVersions(record.id),
    exportViews(record),
    record.parentGone ? parentInTrash(record.parentId) : false,
  ]);
  return { ...view, versions, exports, ...(inTrash ? { parentInTrash: true } : {}) };
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

/** The team's most recent distinct prompts, newest first, for the studio's prompt history: what people typed to
 * generate. A developed poster repeats its source's prompt (and, from before the prompt backfill, may carry an edit's
 * instruction, "dark swirling storm clouds"), which is nothing to generate from. */
export async function recentPrompts(count = 8): Promise<string[]> {
  const { posters } = await listPosters({ limit: 60, filter: { operation: "generate" } });
  return [...new Set(posters.map((p) => p.prompt).filter(Boolean))].slice(0, count);
}
