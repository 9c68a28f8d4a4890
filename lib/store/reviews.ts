import "server-only";
import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import type { Verdict } from "../reviews/schema";
import type { CommentRecord } from "./comment-records";
import { commentItem } from "./comments";
import { parseItem } from "./items";
import type { NotificationRecord } from "./notification-records";
import { notificationItem } from "./notifications";
import { type ReviewRecord, reviewRecordSchema } from "./records";

export type { ReviewRecord } from "./records";

import { queryListing } from "./listing";
import { keys, TABLE_KEYS } from "./table";
import { step, steps, type TransactItem, transact } from "./transactions";

// Reviews left on share links. One review is written three times in one transaction — under its link (with the
// team's newest-first listing on gsi1), under its board and under its poster — so each place that shows reviews
// reads them with one Query; the poster's status changes in the same transaction, and so do the thread a comment
// starts on the poster (lib/store/comments.ts) and the notifications it raises. Reviews are never edited.

const table = () => getConfig().table;
const exists = `attribute_exists(${TABLE_KEYS.partitionKey})`;

const STATUS_OF: Record<Verdict, "approved" | "changes_requested"> = {
  approve: "approved",
  changes: "changes_requested",
};

/** Puts a draft poster in review (a link sent it for review); a poster with a verdict keeps it. The poster must
 * still exist, or the whole write is refused. */
export const markInReviewItem = (posterId: string, by: string, at: string): TransactItem => ({
  Update: {
    TableName: table(),
    Key: keys.poster(posterId),
    UpdateExpression:
      "SET reviewStatus = if_not_exists(reviewStatus, :status), reviewStatusBy = if_not_exists(reviewStatusBy, :by), reviewStatusAt = if_not_exists(reviewStatusAt, :at)",
    ConditionExpression: exists,
    ExpressionAttributeValues: { ":status": "in_review", ":by": by, ":at": at },
  },
});

/** The latest verdict sets the poster's status, with who and when. */
const verdictItem = (review: ReviewRecord & { verdict: Verdict }): TransactItem => ({
  Update: {
    TableName: table(),
    Key: keys.poster(review.posterId),
    UpdateExpression: "SET reviewStatus = :status, reviewStatusBy = :by, reviewStatusAt = :at",
    ConditionExpression: exists,
    ExpressionAttributeValues: { ":status": STATUS_OF[review.verdict], ":by": review.name, ":at": review.createdAt },
  },
});

export type ReviewRefusal = "link" | "poster";

/**
 * Writes a review, all or nothing, on condition that its link still takes reviews (not revoked, not expired), that
 * the poster still exists and, for a live link, that it is still on the board. Returns what refused it, if anything.
 */
export async function putReview(
  review: ReviewRecord,
  options: {
    live: boolean;
    /** The thread a reviewer's comment starts on the poster, so the team can reply and resolve it. */
    comment?: CommentRecord;
    /** Who hears of it (the board's maker and editors, the link's maker). */
    notices?: readonly NotificationRecord[];
  },
): Promise<ReviewRefusal | undefined> {
  const copy = (owner: string, extra = {}): TransactItem => ({
    Put: { TableName: table(), Item: { ...keys.review(owner, review.createdAt, review.id), ...extra, ...review } },
  });
  const result = await transact(`writing review ${review.id}`, [
    step("link", {
      ConditionCheck: {
        TableName: table(),
        Key: keys.share(review.token),
        ConditionExpression: `${exists} AND review = :yes AND expiresAt > :now`,
        ExpressionAttributeValues: { ":yes": true, ":now": review.createdAt },
      },
    }),
    step(
      "poster",
      review.verdict
        ? verdictItem({ ...review, verdict: review.verdict })
        : markInReviewItem(review.posterId, review.name, review.createdAt),
    ),
    ...(options.live
      ? [
          step("board has poster", {
            ConditionCheck: {
              TableName: table(),
              Key: keys.board(review.boardId),
              ConditionExpression: `${exists} AND contains(posterIds, :id)`,
              ExpressionAttributeValues: { ":id": review.posterId },
            },
          }),
        ]
      : []),
    step("copy", copy(keys.share(review.token).pk, keys.reviewListing(review.createdAt, review.id))),
    step("copy", copy(keys.board(review.boardId).pk)),
    step("copy", copy(keys.poster(review.posterId).pk)),
    ...(options.comment ? [step("comment", commentItem(options.comment))] : []),
    ...steps("notification", (options.notices ?? []).map(notificationItem)),
  ]);
  if (result.ok) return undefined;
  // The link went (revoked, expired) or the poster did (deleted, or taken off the live board).
  return result.refused.has("link") ? "link" : "poster";
}

const MAX_LISTED = 500;

/** The newest reviews (up to 500) under a link (SHARE#…), a board (BOARD#…) or a poster (POSTER#…). */
async function reviewsUnder(owner: string): Promise<ReviewRecord[]> {
  const { Items = [] } = await awsClients().dynamo.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :review)",
      ExpressionAttributeValues: { ":pk": owner, ":review": "REVIEW#" },
      ScanIndexForward: false,
      Limit: MAX_LISTED,
    }),
  );
  return Items.map((item) => parseItem(reviewRecordSchema, item, "review"));
}

export const linkReviews = (token: string) => reviewsUnder(keys.share(token).pk);
export const boardReviews = (boardId: string) => reviewsUnder(keys.board(boardId).pk);
export const posterReviews = (posterId: string) => reviewsUnder(keys.poster(posterId).pk);

/** Every review, newest first, paged; `since` (an ISO time): only newer ones. */
export async function listReviews(options: { limit: number; cursor?: string; since?: string }) {
  const { items, nextCursor } = await queryListing({
    partition: keys.reviewListing("", "").gsi1pk,
    limit: options.limit,
    cursor: options.cursor,
    // gsi1sk is "<createdAt>#<id>": every key of a later time sorts after the bare time.
    after: options.since,
  });
  return { reviews: items.map((item) => parseItem(reviewRecordSchema, item, "review")), nextCursor };
}

/** When a member last opened the Reviews inbox (kept on the server, so it holds across their devices). */
export async function getReviewsSeen(sub: string): Promise<string | undefined> {
  const { Item } = await awsClients().dynamo.send(new GetCommand({ TableName: table(), Key: keys.reviewsSeen(sub) }));
  return typeof Item?.seenAt === "string" ? Item.seenAt : undefined;
}

export async function setReviewsSeen(sub: string, seenAt: string): Promise<void> {
  await awsClients().dynamo.send(new PutCommand({ TableName: table(), Item: { ...keys.reviewsSeen(sub), seenAt } }));
}
