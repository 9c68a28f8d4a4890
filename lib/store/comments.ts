import "server-only";
import { GetCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { deleteItems } from "./batch-delete";
import { type CommentRecord, type CommentTarget, commentRecordSchema } from "./comment-records";
import { isConditionFailure, parseItem } from "./items";
import type { NotificationRecord } from "./notification-records";
import { notificationItem } from "./notifications";

export type { CommentRecord, CommentTarget } from "./comment-records";

import { queryAll } from "./query-all";
import { keys, TABLE_KEYS } from "./table";
import { step, steps, type TransactItem, transact } from "./transactions";

// Comments on posters and boards: one item each (COMMENT#<id>), listed per poster or board on gsi1 (COMMENTS#…),
// threads put together when read. A comment is written in one transaction with the check that what it is on still
// exists, that its thread's first comment does, and with the notifications it raises.

const table = () => getConfig().table;
const exists = `attribute_exists(${TABLE_KEYS.partitionKey})`;

const targetKey = (target: CommentTarget, id: string) => (target === "poster" ? keys.poster(id) : keys.board(id));

/** The Put of a new comment, for a transaction (a reviewer's comment is written with their review). */
export function commentItem(comment: CommentRecord): TransactItem {
  const record = commentRecordSchema.parse(comment);
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.comment(record.id),
        ...keys.commentListing(record.target, record.targetId, record.createdAt, record.id),
        ...record,
      },
      ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey})`,
    },
  };
}

export type CommentRefusal = "target" | "parent";

/** Writes a comment with the notifications it raises, all or nothing: refused (and nothing written) when its poster
 * or board is gone, or when the thread it replies to is. */
export async function putComment(
  comment: CommentRecord,
  notices: readonly NotificationRecord[],
): Promise<CommentRefusal | undefined> {
  const result = await transact(`writing comment ${comment.id}`, [
    step("target", {
      ConditionCheck: {
        TableName: table(),
        Key: targetKey(comment.target, comment.targetId),
        ConditionExpression: exists,
      },
    }),
    ...(comment.parentId
      ? [
          step("parent", {
            ConditionCheck: {
              TableName: table(),
              Key: keys.comment(comment.parentId),
              // A thread's first comment, on the same poster or board.
              ConditionExpression: `${exists} AND attribute_not_exists(parentId) AND targetId = :target`,
              ExpressionAttributeValues: { ":target": comment.targetId },
            },
          }),
        ]
      : []),
    step("comment", commentItem(comment)),
    ...steps("notification", notices.map(notificationItem)),
  ]);
  if (result.ok) return undefined;
  return result.refused.has("target") ? "target" : "parent";
}

export async function getComment(id: string): Promise<CommentRecord | undefined> {
  const { Item } = await awsClients().dynamo.send(new GetCommand({ TableName: table(), Key: keys.comment(id) }));
  return Item ? parseItem(commentRecordSchema, Item, "comment") : undefined;
}

/** What one listing reads: a poster's or board's newest 500 comments (a page of them stays well inside a Lambda's
 * answer: 500 × 2,000 characters is 1 MB). */
export const MAX_LISTED_COMMENTS = 500;

/** The newest comments on a poster or a board, oldest first; `truncated` when there were more. */
export async function listComments(
  target: CommentTarget,
  targetId: string,
): Promise<{ comments: CommentRecord[]; truncated: boolean }> {
  const [index] = TABLE_KEYS.indexes;
  const { Items = [] } = await awsClients().dynamo.send(
    new QueryCommand({
      TableName: table(),
      IndexName: index.name,
      KeyConditionExpression: "#listing = :listing",
      ExpressionAttributeNames: { "#listing": index.partitionKey },
      ExpressionAttributeValues: { ":listing": keys.commentListing(target, targetId).gsi1pk },
      ScanIndexForward: false,
      Limit: MAX_LISTED_COMMENTS + 1,
    }),
  );
  const comments = Items.slice(0, MAX_LISTED_COMMENTS).map((item) => parseItem(commentRecordSchema, item, "comment"));
  return { comments: comments.reverse(), truncated: Items.length > MAX_LISTED_COMMENTS };
}

/** Resolves or reopens a thread (its first comment): who and when, or neither once reopened. Undefined when there is
 * no such thread. */
export async function setResolved(
  id: string,
  change: { resolved: true; by: string; at: string } | { resolved: false },
): Promise<CommentRecord | undefined> {
  try {
    const { Attributes } = await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.comment(id),
        ...(change.resolved
          ? {
              UpdateExpression: "SET resolved = :yes, resolvedBy = :by, resolvedAt = :at",
              ExpressionAttributeValues: { ":yes": true, ":by": change.by, ":at": change.at },
            }
          : {
              UpdateExpression: "SET resolved = :no REMOVE resolvedBy, resolvedAt",
              ExpressionAttributeValues: { ":no": false },
            }),
        ConditionExpression: `${exists} AND attribute_not_exists(parentId)`,
        ReturnValues: "ALL_NEW",
      }),
    );
    return parseItem(commentRecordSchema, Attributes ?? {}, "comment");
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** Deletes every comment on a poster or a board (all of them, past the listing's 500), for a purge. Idempotent. */
export async function deleteCommentsOn(target: CommentTarget, targetId: string): Promise<number> {
  const [index] = TABLE_KEYS.indexes;
  const found = (
    await queryAll({
      TableName: table(),
      IndexName: index.name,
      KeyConditionExpression: "#listing = :listing",
      ExpressionAttributeNames: { "#listing": index.partitionKey },
      ExpressionAttributeValues: { ":listing": keys.commentListing(target, targetId).gsi1pk },
      ProjectionExpression: "pk, sk",
    })
  ).map((item) => ({ pk: item.pk, sk: item.sk }));
  await deleteItems(found, `deleting the comments on ${target} ${targetId}`);
  return found.length;
}
