import "server-only";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { AppError } from "../errors";
import { parseItem } from "./items";
import { type NotificationRecord, notificationRecordSchema } from "./notification-records";

export type { NotificationKind, NotificationRecord } from "./notification-records";

import { keys, TABLE_KEYS } from "./table";
import { step, type TransactItem, transact } from "./transactions";

// A member's notifications, one partition each (NOTIFY#<sub>), newest last by sort key (<createdAt>#<id>). They are
// written by the write that causes them, in its transaction (a comment with its mentions, a review, a job's end), so
// there is never a notification for something that didn't happen, nor something that happened without its
// notification. DynamoDB's TTL removes them after 90 days.

const table = () => getConfig().table;
const KEEP_S = 90 * 24 * 60 * 60;

/** The Put of a new notification, for the transaction of whatever raised it. */
export function notificationItem(notice: NotificationRecord): TransactItem {
  const record = notificationRecordSchema.parse(notice);
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.notification(record.sub, record.createdAt, record.id),
        [TABLE_KEYS.ttlAttribute]: Math.floor(Date.parse(record.createdAt) / 1000) + KEEP_S,
        ...record,
      },
      ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey})`,
    },
  };
}

const cursorSchema = z.strictObject({ sk: z.string().max(200) });
const encode = (sk: string) => Buffer.from(JSON.stringify({ sk })).toString("base64url");
function decode(cursor: string): string {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))).sk;
  } catch (cause) {
    throw new AppError("invalid_cursor", { cause });
  }
}

/** Newest first, a page at a time; `since` (an ISO time): only newer ones. */
export async function listNotifications(
  sub: string,
  options: { limit: number; cursor?: string; since?: string },
): Promise<{ notifications: NotificationRecord[]; nextCursor: string | null }> {
  const before = options.cursor ? decode(options.cursor) : undefined;
  // The sort key starts with the time, so every key of a later time sorts after the bare time. A key condition holds
  // one bound: from a cursor, the page ends where `since` begins (newest first, everything after it is older).
  const bound = before
    ? { expression: "sk < :bound", value: before }
    : options.since
      ? { expression: "sk > :bound", value: options.since }
      : undefined;
  const { Items = [] } = await awsClients().dynamo.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: `pk = :pk${bound ? ` AND ${bound.expression}` : ""}`,
      ExpressionAttributeValues: { ":pk": `NOTIFY#${sub}`, ...(bound ? { ":bound": bound.value } : {}) },
      ScanIndexForward: false,
      Limit: options.limit + 1,
    }),
  );
  const since = options.since;
  const newer = since ? Items.filter((item) => String(item.sk) > since) : Items;
  const page = newer.slice(0, options.limit);
  const last = page.at(-1);
  return {
    notifications: page.map((item) => parseItem(notificationRecordSchema, item, "notification")),
    nextCursor: newer.length > options.limit && last ? encode(String(last.sk)) : null,
  };
}

/** How many of the newest `window` are unread (the badge says "99+" past what it shows). */
export async function countUnread(sub: string, window = 100): Promise<number> {
  const { Items = [] } = await awsClients().dynamo.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `NOTIFY#${sub}` },
      ExpressionAttributeNames: { "#read": "read" },
      ProjectionExpression: "#read",
      ScanIndexForward: false,
      Limit: window,
    }),
  );
  return Items.filter((item) => item.read !== true).length;
}

/** DynamoDB takes at most 100 items in one transaction. */
export const MAX_MARKED = 100;

/** Marks these of the member's notifications read, all or none. The key includes the member, so nobody can touch
 * another's; the condition keeps a removed (expired) one from coming back as a bare item. */
export async function markNotificationsRead(sub: string, found: readonly NotificationRecord[]): Promise<boolean> {
  if (found.length === 0) return true;
  if (found.length > MAX_MARKED) throw new Error(`at most ${MAX_MARKED} notifications are marked at once`);
  // Refused only when one expired meanwhile: then none is marked, and the caller reads again.
  const result = await transact(
    `marking ${found.length} notifications read`,
    found.map((notice) =>
      step("notification", {
        Update: {
          TableName: table(),
          Key: keys.notification(sub, notice.createdAt, notice.id),
          UpdateExpression: "SET #read = :yes",
          ConditionExpression: `attribute_exists(${TABLE_KEYS.partitionKey})`,
          ExpressionAttributeNames: { "#read": "read" },
          ExpressionAttributeValues: { ":yes": true },
        },
      }),
    ),
  );
  return result.ok;
}
