import "server-only";
import type { SharedPoster, ShareView } from "./api-types";
import { signGet } from "./aws/s3";
import { trimText } from "./display-text";
import { AppError } from "./errors";
import { isId } from "./ids";
import { type Actor, mayChange } from "./permissions";
import { fileKey } from "./posters/files";
import { THUMB_WIDTH } from "./posters/thumbnail";
import { downloadName } from "./posters/view";
import { type OptionLetters, optionLettersOf } from "./reviews/option-letters";
import { optionLabel } from "./reviews/schema";
import { dropSnapshot, MAX_REVIEW_POSTERS, takeSnapshot } from "./reviews/snapshot";
import { getBoard } from "./store/boards";
import { getPoster, getPosters } from "./store/posters";
import { markInReviewItem } from "./store/reviews";
import {
  createShare,
  deleteShare,
  getLiveShare,
  getShare,
  listLiveShares,
  newShareToken,
  type ShareRecord,
  type SnapshotPoster,
} from "./store/shares";
import type { ShareTarget } from "./store/table";

// Share links are app URLs (/s/{token}) that are resolved and signed per view, so they never go stale: a URL
// signed with a Lambda role's temporary credentials dies with them, whatever its stated expiry.
// Who may do what: only the maker of a poster or board (or an admin) shares it and sees its links; a link can be
// revoked by its target's maker, by whoever made the link, or by an admin.
// A board's link may take reviews, and may show the board as sent (a snapshot) rather than as it is now.

export const sharePath = (token: string) => `/s/${token}`;

function toShareView(share: ShareRecord, origin: string): ShareView {
  const { snapshot, createdByName: _name, ...rest } = share;
  return {
    ...rest,
    review: Boolean(share.review),
    snapshot: Boolean(snapshot),
    url: new URL(sharePath(share.token), origin).toString(),
  };
}

/** The poster or board a link points at (its maker is what matters here), or undefined when it is gone. */
async function findTarget(target: ShareTarget, targetId: string) {
  if (!isId(targetId)) return undefined;
  return target === "poster" ? getPoster(targetId) : getBoard(targetId);
}

export async function createShareView(
  request: {
    posterId?: string;
    boardId?: string;
    expiresInDays: number;
    showPrompt: boolean;
    review?: boolean;
    snapshot?: boolean;
  },
  origin: string,
  member: Actor & { name?: string },
): Promise<ShareView> {
  const target: ShareTarget = request.posterId ? "poster" : "board";
  const targetId = request.posterId ?? request.boardId;
  // The request schema asks for one of the two; a caller that skipped it gets the same answer.
  if (!targetId) throw new AppError("invalid_input", { fields: { posterId: "Name a poster or a board to share." } });
  const found = await findTarget(target, targetId);
  if (!found) throw new AppError(target === "poster" ? "not_found" : "board_not_found");
  if (!mayChange(member, found.createdBy)) throw new AppError("forbidden");
  const expiresAt = new Date(Date.now() + request.expiresInDays * 86_400_000).toISOString();
  const base = { target, targetId, showPrompt: request.showPrompt, expiresAt, createdBy: member.sub };
  const board = "posterIds" in found ? found : undefined;
  if (!board || !(request.review || request.snapshot)) {
    return toShareView(await createShare({ ...base, createdByName: member.name }), origin);
  }
  const records = await getPosters(board.posterIds);
  if (records.length > MAX_REVIEW_POSTERS) {
    throw new AppError("invalid_input", {
      fields: { review: `A review link can hold at most ${MAX_REVIEW_POSTERS} posters: split the board.` },
    });
  }
  const token = newShareToken();
  const snapshot = request.snapshot ? await takeSnapshot(token, board.name, records, request.showPrompt) : undefined;
  const now = new Date().toISOString();
  const by = member.name || "the team";
  try {
    const share = await createShare(
      { ...base, token, createdByName: member.name, review: Boolean(request.review), snapshot },
      request.review ? records.map((r) => markInReviewItem(r.id, by, now)) : [],
    );
    return toShareView(share, origin);
  } catch (error) {
    await dropSnapshot(snapshot);
    throw error;
  }
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

/** The link's maker, its target's maker, or an admin revokes it; its reviews stay with the team, its snapshot goes. */
export async function revokeShare(token: string, member: Actor): Promise<void> {
  const share = await getShare(token);
  if (!share) throw new AppError("share_not_found");
  const allowed =
    mayChange(member, share.createdBy) ||
    // A link to a thing that is gone shows nothing; only its maker or an admin still needs to tidy it.
    (await findTarget(share.target, share.targetId).then((t) => t !== undefined && mayChange(member, t.createdBy)));
  if (!allowed) throw new AppError("forbidden");
  if (!(await deleteShare(token))) throw new AppError("share_not_found");
  await dropSnapshot(share.snapshot);
}

/** One poster on a link, as it was sent (snapshot) or as it is now: S3 keys, signed when shown. */
export type SharedEntry = SnapshotPoster;

export interface SharedContent {
  /** The board's name (as sent, for a snapshot); null for a single poster. */
  title: string | null;
  showPrompt: boolean;
  review: boolean;
  snapshot: boolean;
  /** Who made the link (their name on the team) and when; null for links made before names were kept. */
  sharedBy: string | null;
  sharedAt: string;
  posters: SharedPoster[];
}

const liveEntry = (record: NonNullable<Awaited<ReturnType<typeof getPoster>>>, index: number): SharedEntry => ({
  id: record.id,
  label: optionLabel(index),
  width: record.width,
  height: record.height,
  imageKey: fileKey(record, "image"),
  thumbKey: fileKey(record, "thumbnail"),
  artKey: record.imageKey,
  designed: Boolean(record.composedKey),
  prompt: record.prompt,
  model: record.model,
  seed: record.seed,
});

/** The link and what it shows; undefined for unknown, revoked and expired tokens, and for a board that is gone. */
export async function sharedEntries(token: string) {
  const share = await getLiveShare(token);
  if (!share) return undefined;
  if (share.target === "poster") {
    const poster = await getPoster(share.targetId);
    return poster ? { share, title: null, entries: [liveEntry(poster, 0)] } : undefined;
  }
  const board = await getBoard(share.targetId);
  if (!board) return undefined;
  if (share.snapshot) return { share, board, title: share.snapshot.title, entries: share.snapshot.posters };
  return { share, board, title: board.name, entries: (await getPosters(board.posterIds)).map(liveEntry) };
}

/** A board's page shows each option's prompt to this length: 200 posters with 10,000-character prompts would be
 * megabytes of page (more than a function may answer), and a reviewer reads a line, not an essay. */
const BOARD_PROMPT_CHARS = 300;

async function toSharedPoster(entry: SharedEntry, options: { showPrompt: boolean; full: boolean }) {
  const [thumb, image] = await Promise.all([signGet(entry.thumbKey), signGet(entry.imageKey)]);
  // Two sizes are stored, and both are offered: a phone at 2–3× (the reviewers' usual screen) needs about the full
  // image's width, a board's grid at a desk the thumbnail. A middle size would be a third object per poster, per
  // design version and per snapshot, and a backfill, for the few screens between the two.
  const sources =
    entry.width > THUMB_WIDTH
      ? [
          { url: thumb.url, width: THUMB_WIDTH },
          { url: image.url, width: entry.width },
        ]
      : [{ url: image.url, width: entry.width }];
  const base: SharedPoster = {
    id: entry.id,
    label: entry.label,
    width: entry.width,
    height: entry.height,
    imageUrl: options.full ? image.url : thumb.url,
    sources,
    designed: entry.designed,
  };
  if (!options.showPrompt || entry.prompt === undefined) return base;
  const prompt = options.full ? entry.prompt : trimText(entry.prompt, BOARD_PROMPT_CHARS);
  return { ...base, prompt, model: entry.model, seed: entry.seed };
}

/** What a share page shows; undefined for unknown, revoked and expired tokens alike. */
export async function resolveShare(token: string): Promise<SharedContent | undefined> {
  const found = await sharedEntries(token);
  if (!found) return undefined;
  const { share } = found;
  // A board's fallback image is the thumbnail (a page of 24 full PNGs would be megabytes), a single poster's the full
  // image; each one's srcset lets the browser take the full PNG only where the screen needs it (and lazily).
  const full = share.target === "poster";
  return {
    title: found.title,
    showPrompt: share.showPrompt,
    review: Boolean(share.review),
    snapshot: Boolean(share.snapshot),
    sharedBy: share.createdByName ?? null,
    sharedAt: share.createdAt,
    posters: await Promise.all(found.entries.map((e) => toSharedPoster(e, { showPrompt: share.showPrompt, full }))),
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
  const found = await sharedEntries(token);
  const entries = found?.entries ?? [];
  const entry = options.posterId ? entries.find((e) => e.id === options.posterId) : entries[0];
  if (!found || !entry) return undefined;
  // With the prompt hidden the file name gives nothing away either: the seed is half of what remakes the poster.
  const name =
    found.share.showPrompt && entry.prompt !== undefined && entry.seed !== undefined
      ? downloadName(entry.prompt, entry.seed)
      : entries.length > 1
        ? `onesheet-poster-${entries.indexOf(entry) + 1}.png`
        : "onesheet-poster.png";
  const key = options.plainArt ? entry.artKey : entry.imageKey;
  return (await signGet(key, options.download ? { downloadAs: name } : {})).url;
}

/** The letters (A, B, C…) each poster of a board goes by on its live review links, for the board's page: what
 *  reviewers' comments call them. The links themselves (their tokens) stay with listShareViews' callers. */
export async function reviewLettersOf(boardId: string): Promise<OptionLetters> {
  return optionLettersOf(await listLiveShares("board", boardId));
}
