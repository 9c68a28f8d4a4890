import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { withoutKeys } from "./items";
import { queryListing } from "./listing";
import { keys, TABLE_KEYS } from "./table";

// Personal API tokens for scripts. A token is 256 random bits, shown once; only its SHA-256 is stored (a fast hash is
// right for a high-entropy secret: there is nothing to brute-force), so a leaked table leaks no usable token.

export interface TokenRecord {
  id: string;
  sub: string;
  email: string;
  name: string;
  /** The first characters, to tell tokens apart in a list. */
  prefix: string;
  createdAt: string;
}

const PREFIX = "os_";
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createToken(
  owner: { sub: string; email: string },
  name: string,
): Promise<{ token: string; record: TokenRecord }> {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const record: TokenRecord = {
    id: hash(token).slice(0, 16),
    sub: owner.sub,
    email: owner.email,
    name,
    prefix: token.slice(0, 9),
    createdAt: new Date().toISOString(),
  };
  await awsClients().dynamo.send(
    new PutCommand({
      TableName: getConfig().table,
      Item: {
        ...keys.token(hash(token)),
        ...keys.tokenListing(owner.sub, record.createdAt, record.id),
        hash: hash(token),
        ...record,
      },
      ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey})`,
    }),
  );
  return { token, record };
}

export async function findToken(token: string): Promise<TokenRecord | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 100) return undefined;
  const { Item } = await awsClients().dynamo.send(
    new GetCommand({ TableName: getConfig().table, Key: keys.token(hash(token)) }),
  );
  return Item ? withoutKeys<TokenRecord>(Item) : undefined;
}

export async function listTokens(sub: string): Promise<TokenRecord[]> {
  const { items } = await queryListing({ partition: keys.tokenListing(sub).gsi1pk, limit: 100 });
  return items.map((item) => {
    const { hash: _hash, ...record } = withoutKeys<TokenRecord & { hash: string }>(item);
    return record;
  });
}

/** Revokes one of the member's own tokens; false when they have none with that id. */
export async function revokeToken(sub: string, id: string): Promise<boolean> {
  const { items } = await queryListing({ partition: keys.tokenListing(sub).gsi1pk, limit: 100 });
  const item = items.find((i) => i.id === id);
  if (!item) return false;
  await awsClients().dynamo.send(
    new DeleteCommand({ TableName: getConfig().table, Key: keys.token(String(item.hash)) }),
  );
  return true;
}
