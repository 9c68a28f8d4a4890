import "server-only";
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { AppError } from "../errors";
import { keys, TABLE_KEYS } from "./table";

// Poster metadata in DynamoDB. Items hold S3 keys, never URLs.

export interface PosterRecord {
  id: string;
  prompt: string;
  negativePrompt?: string;
  model: string;
  aspectRatio: string;
  params: Record<string, number | string>;
  seed: number;
  width: number;
  height: number;
  bytes: number;
  price: number;
  createdAt: string;
  imageKey: string;
  thumbKey: string;
}

const { partitionKey, sortKey, indexes } = TABLE_KEYS;
const [listing] = indexes;

function strip(item: Record<string, unknown>): PosterRecord {
  const {
    [partitionKey]: _pk,
    [sortKey]: _sk,
    [listing.partitionKey]: _gpk,
    [listing.sortKey]: _gsk,
    ...record
  } = item;
  return record as unknown as PosterRecord;
}

export async function putPoster(record: PosterRecord, signal?: AbortSignal) {
  await awsClients().dynamo.send(
    new PutCommand({
      TableName: getConfig().table,
      Item: { ...keys.poster(record.id), ...keys.posterListing(record.createdAt, record.id), ...record },
      ConditionExpression: `attribute_not_exists(${partitionKey})`,
    }),
    { abortSignal: signal },
  );
}

export async function getPoster(id: string): Promise<PosterRecord | undefined> {
  const { Item } = await awsClients().dynamo.send(
    new GetCommand({ TableName: getConfig().table, Key: keys.poster(id) }),
  );
  return Item ? strip(Item) : undefined;
}

/** Deletes the item and returns what it held, or undefined when there was none. */
export async function deletePoster(id: string): Promise<PosterRecord | undefined> {
  const { Attributes } = await awsClients().dynamo.send(
    new DeleteCommand({ TableName: getConfig().table, Key: keys.poster(id), ReturnValues: "ALL_OLD" }),
  );
  return Attributes ? strip(Attributes) : undefined;
}

// The cursor is DynamoDB's LastEvaluatedKey, made opaque. It is validated on the way back in, so a forged
// cursor is a 400 and never reaches DynamoDB as an arbitrary key.
const cursorSchema = z.strictObject({
  [partitionKey]: z.string(),
  [sortKey]: z.string(),
  [listing.partitionKey]: z.literal("POSTERS"),
  [listing.sortKey]: z.string(),
});

const encodeCursor = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString("base64url");

function decodeCursor(cursor: string) {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch (cause) {
    throw new AppError("invalid_cursor", { cause });
  }
}

export async function listPosters(options: { limit: number; cursor?: string }) {
  const { Items = [], LastEvaluatedKey } = await awsClients().dynamo.send(
    new QueryCommand({
      TableName: getConfig().table,
      IndexName: listing.name,
      KeyConditionExpression: "#pk = :pk",
      ExpressionAttributeNames: { "#pk": listing.partitionKey },
      ExpressionAttributeValues: { ":pk": "POSTERS" },
      ScanIndexForward: false,
      Limit: options.limit,
      ExclusiveStartKey: options.cursor ? decodeCursor(options.cursor) : undefined,
    }),
  );
  return { posters: Items.map(strip), nextCursor: LastEvaluatedKey ? encodeCursor(LastEvaluatedKey) : null };
}
