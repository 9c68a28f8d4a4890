import "server-only";
import type { SharedPoster, ShareView } from "./api-types";
import { AppError } from "./errors";
import { type Actor, mayChange } from "./permissions";
import { signPosterFile } from "./poster-files";
import { downloadName } from "./poster-view";
import { getBoard } from "./store/boards";
import { RANDOM_ID } from "./store/items";
import { getPoster, getPosters, type PosterRecord } from "./store/posters";
import { createShare, deleteShare, getLiveShare, getShare, listLiveShares, type ShareRecord } from "./store/shares";
import type { ShareTarget } from "./store/table";

// Share links are app URLs (/s/{token}) that are resolved and signed per view, so they never go stale: a URL
// signed with a Lambda role's temporary credentials dies with them, whatever its stated expiry.
// Who may do what: only the maker of a poster or board (or an admin) shares it and sees its links; a link can be
// revoked by its target's maker, by whoever made the link, or by an admin.

export const sharePath = (token: string) => `/s/${token}`;

function toShareView(share: ShareRecord, origin: string): ShareView {
  return { ...share, url: new URL(sharePath(share.token), origin).toString() };
}

/** The poster or board a link points at (its maker is what matters here), or undefined when it is gone. */
async function findTarget(target: ShareTarget, targetId: string): Promise<{ createdBy?: string } | undefined> {
  if (!RANDOM_ID.test(targetId)) return undefined;
  return target === "poster" ? getPoster(targetId) : getBoard(targetId);
}

export async function createShareView(
  request: { posterId?: string; boardId?: string; expiresInDays: number; showPrompt: boolean },
  origin: string,
  member: Actor,
): Promise<ShareView> {
  const target: ShareTarget = request.posterId ? "poster" : "board";
  const targetId = (request.posterId ?? request.boardId) as string;
  const found = await findTarget(target, targetId);
  if (!found) throw new AppError(target === "poster" ? "not_found" : "board_not_found");
  if (!mayChange(member, found.createdBy)) throw new AppError("forbidden");
  const expiresAt = new Date(Date.now() + request.expiresInDays * 86_400_000).toISOString();
  return toShareView(
    await createShare({ target, targetId, showPrompt: request.showPrompt, expiresAt, createdBy: member.sub }),
    origin,
  );
}

/** The live links to a thing, for its maker or an admin (others get 403: the tokens are the links). Nothing for a
 * thing that doesn't exist. */
export async function listShareViews(
  target: ShareTarget,
  targetId: string,
  origin: string,
  member: Actor,
): Promise<ShareView[]> {
  const found = await findTarget(target, targetId);
  if (!found) return [];
  if (!mayChange(member, found.createdBy)) throw new AppError("forbidden");
  return (await listLiveShares(target, targetId)).map((s) => toShareView(s, origin));
}

/** The link's maker, its target's maker, or an admin revokes it. */
export async function revokeShare(token: string, member: Actor): Promise<void> {
  const share = await getShare(token);
  if (!share) throw new AppError("share_not_found");
  const allowed =
    mayChange(member, share.createdBy) ||
    // A link to a thing that is gone shows nothing; only its maker or an admin still needs to tidy it.
    (await findTarget(share.target, share.targetId).then((t) => t !== undefined && mayChange(member, t.createdBy)));
  if (!allowed) throw new AppError("forbidden");
  if (!(await deleteShare(token))) throw new AppError("share_not_found");
}

export interface SharedContent {
  /** The board's name; null for a single poster. */
  title: string | null;
  showPrompt: boolean;
  posters: SharedPoster[];
}

async function toSharedPoster(record: PosterRecord, options: { showPrompt: boolean; full: boolean }) {
  const image = await signPosterFile(record, options.full ? "image" : "thumbnail");
  const base: SharedPoster = {
    id: record.id,
    width: record.width,
    height: record.height,
    imageUrl: image.url,
    designed: Boolean(record.composedKey),
  };
  return options.showPrompt ? { ...base, prompt: record.prompt, model: record.model, seed: record.seed } : base;
}

async function sharedRecords(token: string) {
  const share = await getLiveShare(token);
  if (!share) return undefined;
  if (share.target === "poster") {
    const poster = await getPoster(share.targetId);
    return poster ? { share, title: null, records: [poster] } : undefined;
  }
  const board = await getBoard(share.targetId);
  return board ? { share, title: board.name, records: await getPosters(board.posterIds) } : undefined;
}

/** What a share page shows, as it is now; undefined for unknown, revoked and expired tokens alike. */
export async function resolveShare(token: string): Promise<SharedContent | undefined> {
  const found = await sharedRecords(token);
  if (!found) return undefined;
  const { showPrompt, target } = found.share;
  // A board shows thumbnails (a page of 24 full PNGs would be megabytes); a single poster shows the full image.
  const full = target === "poster";
  return {
    title: found.title,
    showPrompt,
    posters: await Promise.all(found.records.map((record) => toSharedPoster(record, { showPrompt, full }))),
  };
}

/**
 * A fresh URL for one poster of a share: the one asked for (if the share includes it) or the first, as the image
 * itself or as a download. Share pages link here, so their links never go stale; link unfurls use it too.
 */
export async function sharedImageUrl(
  token: string,
  options: { posterId?: string | null; download?: boolean; plainArt?: boolean } = {},
): Promise<string | undefined> {
  const found = await sharedRecords(token);
  const record = options.posterId ? found?.records.find((r) => r.id === options.posterId) : found?.records[0];
  if (!found || !record) return undefined;
  // With the prompt hidden the file name gives nothing away either: the seed is half of what remakes the poster.
  const name = found.share.showPrompt
    ? downloadName(record.prompt, record.seed)
    : found.records.length > 1
      ? `onesheet-poster-${found.records.indexOf(record) + 1}.png`
      : "onesheet-poster.png";
  const file = options.plainArt ? "art" : "image";
  return (await signPosterFile(record, file, options.download ? { downloadAs: name } : {})).url;
}
