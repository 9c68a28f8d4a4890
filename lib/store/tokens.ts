import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { AppError } from "../errors";
import { parseItem } from "./items";
import { type TokenRecord, tokenRecordSchema } from "./records";

export type { TokenRecord } from "./records";

import { queryListing } from "./listing";
import { keys, TABLE_KEYS } from "./table";

// Personal API tokens for scripts. A token is 256 random bits, shown once; only its SHA-256 is stored (a fast hash is
// right for a high-entropy secret: there is nothing to brute-force), so a leaked table leaks no usable token.
// A token may expire: DynamoDB's TTL removes it eventually, but lookups check the expiry themselves (TTL lags).

/** Live tokens a member may hold at once: enough for every script, few enough to keep track of. */
export const MAX_TOKENS_PER_MEMBER = 20;

const PREFIX = "os_";
const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const table = () => getConfig().table;
const live = (record: { expiresAt?: string | null }) => !record.expiresAt || Date.parse(record.expiresAt) > Date.now();

// The item's hash is not part of the record: the schema leaves it out.
const toRecord = (item: Record<string, unknown>): TokenRecord => parseItem(tokenRecordSchema, item, "token");

/** Every token item of a member, paged through to the end: nothing is left out of a list or out of reach of revoke. */
async function allTokenItems(sub: string): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryListing({ partition: keys.tokenListing(sub).gsi1pk, limit: 100, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

const tooMany = () =>
  new AppError("token_limit", {
    message: `You already have ${MAX_TOKENS_PER_MEMBER} API tokens: revoke one you no longer use first.`,
  });

export async function createToken(
  owner: { sub: string; email: string },
  name: string,
  options: { expiresInDays?: number } = {},
): Promise<{ token: string; record: TokenRecord }> {
  if ((await listTokens(owner.sub)).filter(live).length >= MAX_TOKENS_PER_MEMBER) throw tooMany();
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const createdAt = new Date().toISOString();
  const record: TokenRecord = {
    id: hash(token).slice(0, 16),
    sub: owner.sub,
    email: owner.email,
    name,
    prefix: token.slice(0, 9),
    createdAt,
    expiresAt: options.expiresInDays
      ? new Date(Date.parse(createdAt) + options.expiresInDays * 86_400_000).toISOString()
      : null,
  };
  await awsClients().dynamo.send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...keys.token(hash(token)),
        ...keys.tokenListing(owner.sub, record.createdAt, record.id),
        ...(record.expiresAt ? { [TABLE_KEYS.ttlAttribute]: Math.ceil(Date.parse(record.expiresAt) / 1000) } : {}),
        hash: hash(token),
        ...record,
      },
      ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey})`,
    }),
  );
  // Two creations at once could both pass the count above (DynamoDB Local has no transactions to make it one
  // write): count again, and if this one went over, take it back unseen. The cap is never exceeded for long.
  if ((await listTokens(owner.sub)).filter(live).length > MAX_TOKENS_PER_MEMBER) {
    await awsClients().dynamo.send(new DeleteCommand({ TableName: table(), Key: keys.token(hash(token)) }));
    throw tooMany();
  }
  return { token, record };
}

/** The token's record while it works: unknown, revoked and expired tokens are all undefined. */
export async function findToken(token: string): Promise<TokenRecord | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 100) return undefined;
  const { Item } = await awsClients().dynamo.send(new GetCommand({ TableName: table(), Key: keys.token(hash(token)) }));
  const record = Item ? toRecord(Item) : undefined;
  return record && live(record) ? record : undefined;
}

/** All of a member's tokens, newest first, expired ones included (until DynamoDB removes them) so they can be seen. */
export async function listTokens(sub: string): Promise<TokenRecord[]> {
  return (await allTokenItems(sub)).map(toRecord);
}

/** Revokes one of a member's tokens; false when they have none with that id. */
export async function revokeToken(sub: string, id: string): Promise<boolean> {
  const item = (await allTokenItems(sub)).find((i) => i.id === id);
  if (!item) return false;
  await awsClients().dynamo.send(new DeleteCommand({ TableName: table(), Key: keys.token(String(item.hash)) }));
  return true;
}
