import "server-only";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { AppError } from "../errors";
import { TABLE_KEYS } from "./table";

// Newest-first pages of one listing partition of gsi1 (POSTERS, BOARDS, SHARES#…), optionally filtered.
//
// DynamoDB applies Limit before a filter, so a filtered page is gathered over several reads (a small first one,
// then up to READ_BATCH items each). The cursor is the key of the last item returned (not DynamoDB's LastEvaluatedKey, which may lie past
// items read but not returned), made opaque. It is validated on the way back in, so a forged cursor is a 400 and
// never reaches DynamoDB as an arbitrary key.

const READ_BATCH = 200;
const MAX_READS = 10;
const [index] = TABLE_KEYS.indexes;

export interface Filter {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

// A cursor is the last item's keys, so it holds whatever a key may: an OpenID subject alone is up to 255 characters
// (OpenID Connect Core §2) and member keys carry one with a prefix. DynamoDB's own caps (2,048 bytes for a partition
// key, 1,024 for a sort key) bound what a forged cursor can make us send.
const keyPart = (max: number) => z.string().max(max);
const cursorSchema = z.strictObject({
  [TABLE_KEYS.partitionKey]: keyPart(2048),
  [TABLE_KEYS.sortKey]: keyPart(1024),
  [index.partitionKey]: keyPart(2048),
  [index.sortKey]: keyPart(1024),
});
type Cursor = z.infer<typeof cursorSchema>;

const encode = (key: Cursor) => Buffer.from(JSON.stringify(key)).toString("base64url");

function decode(cursor: string, partition: string): Cursor {
  try {
    const key = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (key[index.partitionKey] !== partition) throw new Error("cursor of another listing");
    return key;
  } catch (cause) {
    throw new AppError("invalid_cursor", { cause });
  }
}

const keyOf = (item: Record<string, unknown>): Cursor =>
  cursorSchema.parse(
    Object.fromEntries(
      [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, index.partitionKey, index.sortKey].map((k) => [k, item[k]]),
    ),
  );

export async function queryListing(options: {
  partition: string;
  limit: number;
  cursor?: string;
  filter?: Filter;
  /** Only items whose sort key is greater than this (e.g. newer than a time, for sort keys that start with one). */
  after?: string;
}): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }> {
  const items: Record<string, unknown>[] = [];
  let start: Cursor | undefined = options.cursor ? decode(options.cursor, options.partition) : undefined;
  for (let read = 0; read < MAX_READS; read++) {
    const result = await awsClients().dynamo.send(
      new QueryCommand({
        TableName: getConfig().table,
        IndexName: index.name,
        KeyConditionExpression: `#listing = :listing${options.after === undefined ? "" : " AND #sort > :after"}`,
        FilterExpression: options.filter?.expression,
        ExpressionAttributeNames: {
          "#listing": index.partitionKey,
          ...(options.after === undefined ? {} : { "#sort": index.sortKey }),
          ...options.filter?.names,
        },
        ExpressionAttributeValues: {
          ":listing": options.partition,
          ...(options.after === undefined ? {} : { ":after": options.after }),
          ...options.filter?.values,
        },
        ScanIndexForward: false,
        // Unfiltered, read one more than a page to know whether another page exists. Filtered, the first read is
        // twice that (the gallery's default, versions folded, keeps most items) and later ones a full batch.
        Limit: options.filter
          ? read === 0
            ? Math.min(READ_BATCH, 2 * (options.limit + 1))
            : READ_BATCH
          : options.limit + 1,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of result.Items ?? []) {
      if (items.length === options.limit) return { items, nextCursor: encode(keyOf(items.at(-1) ?? item)) };
      items.push(item);
    }
    if (!result.LastEvaluatedKey) return { items, nextCursor: null };
    start = cursorSchema.parse(result.LastEvaluatedKey);
  }
  // Read budget spent on a sparse filter: hand back what we have and where to go on.
  return { items, nextCursor: start ? encode(start) : null };
}
