import "server-only";
import { randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { AppError } from "../errors";
import { parseItem } from "./items";
import { type ShareRecord, shareRecordSchema } from "./records";

export type { ShareRecord, ShareSnapshot, SnapshotPoster } from "./records";

import { queryListing } from "./listing";
import { keys, type ShareTarget, TABLE_KEYS } from "./table";
import { step, steps, type TransactItem, transact } from "./transactions";

// Share links: a random token (192 bits from the CSPRNG) naming a poster or a board, with an expiry. DynamoDB's TTL
// removes expired items eventually; reads check the expiry themselves, since TTL deletion can lag by days.

export const SHARE_TOKEN = /^[A-Za-z0-9_-]{32}$/;

export function newShareToken(): string {
  return randomBytes(24).toString("base64url");
}

const shareItem = (share: ShareRecord) => ({
  TableName: getConfig().table,
  Item: {
    ...keys.share(share.token),
    ...keys.shareListing(share.target, share.targetId, share.createdAt, share.token),
    [TABLE_KEYS.ttlAttribute]: Math.ceil(Date.parse(share.expiresAt) / 1000),
    ...share,
  },
  ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey})`,
});

export async function createShare(
  input: Omit<ShareRecord, "token" | "createdAt"> & { token?: string },
  /** Written in the same transaction (a review link puts its posters in review): all or nothing. */
  alongside: TransactItem[] = [],
): Promise<ShareRecord> {
  const share: ShareRecord = { token: newShareToken(), createdAt: new Date().toISOString(), ...input };
  if (alongside.length === 0) {
    await awsClients().dynamo.send(new PutCommand(shareItem(share)));
    return share;
  }
  const result = await transact(`writing share ${share.token.slice(0, 6)}…`, [
    step("share", { Put: shareItem(share) }),
    ...steps("alongside", alongside),
  ]);
  if (!result.ok) throw new AppError("conflict", { message: "The board changed while the link was made: try again." });
  return share;
}

const live = (share: ShareRecord) => Date.parse(share.expiresAt) > Date.now();

/** The share behind a token, expired or not (until DynamoDB removes it). */
export async function getShare(token: string): Promise<ShareRecord | undefined> {
  if (!SHARE_TOKEN.test(token)) return undefined;
  const { Item } = await awsClients().dynamo.send(
    new GetCommand({ TableName: getConfig().table, Key: keys.share(token) }),
  );
  return Item ? parseItem(shareRecordSchema, Item, "share") : undefined;
}

/** The share behind a token, or undefined when it is unknown, revoked or expired: callers can't tell which. */
export async function getLiveShare(token: string): Promise<ShareRecord | undefined> {
  const share = await getShare(token);
  return share && live(share) ? share : undefined;
}

export async function listLiveShares(target: ShareTarget, targetId: string): Promise<ShareRecord[]> {
  const { items } = await queryListing({ partition: keys.shareListing(target, targetId).gsi1pk, limit: 100 });
  return items.map((item) => parseItem(shareRecordSchema, item, "share")).filter(live);
}

/** Deletes a link (who may is decided by the caller: the link's and its target's makers are both involved). */
export async function deleteShare(token: string): Promise<boolean> {
  if (!SHARE_TOKEN.test(token)) return false;
  const { Attributes } = await awsClients().dynamo.send(
    new DeleteCommand({ TableName: getConfig().table, Key: keys.share(token), ReturnValues: "ALL_OLD" }),
  );
  return Boolean(Attributes);
}
