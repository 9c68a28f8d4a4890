import "server-only";
import type { LinkReview, PosterSummary, ReviewPage, ReviewView } from "../api-types";
import { AppError } from "../errors";
import { isId, newId } from "../ids";
import { reviewNotices } from "../notifications/notices";
import { toPosterSummary } from "../posters/view";
import { sharedEntries } from "../shares";
import { getBoard } from "../store/boards";
import type { CommentRecord } from "../store/comment-records";
import { getPosters } from "../store/posters";
import {
  boardReviews,
  getReviewsSeen,
  linkReviews,
  listReviews,
  posterReviews,
  putReview,
  type ReviewRecord,
  setReviewsSeen,
} from "../store/reviews";
import type { ReviewRequest } from "./schema";

// Reviews: left by anyone holding a review link (no account), read by them on that link only, and by the team on
// boards, posters and the inbox. A revoked or expired link answers 404 to both, like its page.

const toLinkReview = (r: ReviewRecord): LinkReview => ({
  id: r.id,
  posterId: r.posterId,
  label: r.label,
  name: r.name,
  ...(r.verdict ? { verdict: r.verdict } : {}),
  ...(r.comment ? { comment: r.comment } : {}),
  ...(r.pin ? { pin: r.pin } : {}),
  createdAt: r.createdAt,
});

// The team never gets the link's token here: only the link's maker lists links.
const toReviewView = (r: ReviewRecord): ReviewView => ({
  ...toLinkReview(r),
  boardId: r.boardId,
  boardName: r.boardName,
});

/** The link, if it is live and takes reviews (404 as for its page; 403 when it only shows). */
async function reviewLink(token: string) {
  const found = await sharedEntries(token);
  if (!found) throw new AppError("share_not_found");
  if (!found.share.review || found.share.target !== "board") throw new AppError("review_not_allowed");
  return found;
}

export async function submitReview(token: string, input: ReviewRequest): Promise<LinkReview> {
  const found = await reviewLink(token);
  const entry = found.entries.find((e) => e.id === input.posterId);
  if (!entry) throw new AppError("poster_not_on_link");
  const review: ReviewRecord = {
    id: crypto.randomUUID(),
    token,
    boardId: found.share.targetId,
    boardName: found.title ?? "",
    posterId: entry.id,
    label: entry.label,
    name: input.name,
    ...(input.verdict ? { verdict: input.verdict } : {}),
    ...(input.comment ? { comment: input.comment } : {}),
    ...(input.pin ? { pin: input.pin } : {}),
    createdAt: new Date().toISOString(),
  };
  // A reviewer's comment starts a thread on the poster, beside the team's, where the team replies and resolves it.
  const comment: CommentRecord | undefined = review.comment
    ? {
        id: newId(),
        target: "poster",
        targetId: review.posterId,
        authorName: review.name,
        review: {
          reviewId: review.id,
          boardId: review.boardId,
          boardName: review.boardName,
          label: review.label,
          ...(review.verdict ? { verdict: review.verdict } : {}),
        },
        body: review.comment,
        mentions: [],
        ...(review.pin ? { pin: review.pin } : {}),
        createdAt: review.createdAt,
      }
    : undefined;
  const board = "board" in found ? found.board : undefined;
  const recipients = [...(board ? [board.createdBy, ...(board.editors ?? [])] : []), found.share.createdBy];
  const refused = await putReview(review, {
    live: !found.share.snapshot,
    comment,
    notices: reviewNotices(review, recipients, comment?.id),
  });
  // Revoked or expired in the meantime, or the poster left the board (or was deleted): nothing was written.
  if (refused === "link") throw new AppError("share_not_found");
  if (refused === "poster") throw new AppError("poster_not_on_link");
  return toLinkReview(review);
}

/** That link's reviews only, newest first. */
export async function listLinkReviews(token: string): Promise<LinkReview[]> {
  await reviewLink(token);
  return (await linkReviews(token)).map(toLinkReview);
}

/** A review page shows the newest of its link's reviews (the API lists up to 500): a page stays small. */
const PAGE_REVIEWS = 100;

/** For the share page, which has already checked its link takes reviews. */
export async function linkReviewsForPage(token: string): Promise<LinkReview[]> {
  return (await linkReviews(token)).slice(0, PAGE_REVIEWS).map(toLinkReview);
}

export async function listBoardReviews(boardId: string): Promise<ReviewView[]> {
  if (!isId(boardId) || !(await getBoard(boardId))) throw new AppError("board_not_found");
  return (await boardReviews(boardId)).map(toReviewView);
}

export async function listPosterReviews(posterId: string): Promise<ReviewView[]> {
  return isId(posterId) ? (await posterReviews(posterId)).map(toReviewView) : [];
}

export async function listReviewPage(options: { limit: number; cursor?: string; since?: string }): Promise<ReviewPage> {
  const page = await listReviews(options);
  return { reviews: page.reviews.map(toReviewView), nextCursor: page.nextCursor };
}

/** The team's inbox for one member: a page of reviews (the first when the cursor is stale), when they last looked
 *  (opening the first page moves that on, kept on the server so it holds across their devices), and the posters the
 *  page's reviews are about. */
export async function reviewInbox(member: { sub: string }, limit: number, cursor?: string) {
  const [seen, page] = await Promise.all([
    getReviewsSeen(member.sub),
    listReviewPage({ limit, cursor }).catch(() => listReviewPage({ limit })),
  ]);
  if (!cursor) await setReviewsSeen(member.sub, new Date().toISOString());
  const posters = new Map<string, PosterSummary>();
  for (const record of await getPosters([...new Set(page.reviews.map((r) => r.posterId))])) {
    posters.set(record.id, await toPosterSummary(record));
  }
  return { seen, page, posters };
}
