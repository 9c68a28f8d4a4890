import "server-only";
import { GetCommand, PutCommand, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { isConditionFailure } from "../store/items";
import { keys, TABLE_KEYS } from "../store/table";

// The one-off backfill of makers: posters, boards and share links from before OneSheet recorded who made them are
// given one (the admin named when it runs), so that every record has a maker and the permission rule has no "made by
// nobody, hence changeable by anyone" case (lib/permissions.ts). Each write is conditioned on the item still having
// no maker, so running it again, or while the app runs, changes nothing already set. It records that it ran in the
// table; `npm run backfill` runs it (local/backfill.ts), and the offline launcher runs it at every start.

export const BACKFILL_MAKERS = "backfill-makers";

/** The items that carry a maker: a poster's, a board's and a share link's own item (sk META). */
const OWNED_PREFIXES = ["POSTER#", "BOARD#", "SHARE#"] as const;

const runRecord = z.object({ ranAt: z.string(), scanned: z.number(), changed: z.number(), admin: z.string() });
export type MakersRun = z.infer<typeof runRecord>;
export type MakersResult = ({ status: "done" } | { status: "already-ran" }) & MakersRun;

const ownedItem = z.object({ pk: z.string(), sk: z.literal("META") });

/** Every owned item with no maker, read with a paged Scan (once, by hand: no index holds all three kinds). */
async function itemsWithoutMaker(): Promise<{ found: z.infer<typeof ownedItem>[]; scanned: number }> {
  const found: z.infer<typeof ownedItem>[] = [];
  let scanned = 0;
  let start: Record<string, unknown> | undefined;
  const prefixes = OWNED_PREFIXES.map((_, i) => `begins_with(#pk, :p${i})`).join(" OR ");
  do {
    const page = await awsClients().dynamo.send(
      new ScanCommand({
        TableName: getConfig().table,
        FilterExpression: `#sk = :meta AND attribute_not_exists(createdBy) AND (${prefixes})`,
        ExpressionAttributeNames: { "#pk": TABLE_KEYS.partitionKey, "#sk": TABLE_KEYS.sortKey },
        ExpressionAttributeValues: {
          ":meta": "META",
          ...Object.fromEntries(OWNED_PREFIXES.map((p, i) => [`:p${i}`, p])),
        },
        ProjectionExpression: "#pk, #sk",
        ExclusiveStartKey: start,
      }),
    );
    scanned += page.ScannedCount ?? 0;
    for (const item of page.Items ?? []) {
      const parsed = ownedItem.safeParse(item);
      if (parsed.success) found.push(parsed.data);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { found, scanned };
}

/** Gives one item its maker, only while it still exists and has none. */
async function give(key: { pk: string; sk: string }, admin: { sub: string; name: string }): Promise<boolean> {
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: getConfig().table,
        Key: key,
        UpdateExpression: "SET createdBy = :sub, createdByName = if_not_exists(createdByName, :name)",
        ConditionExpression: `attribute_exists(${TABLE_KEYS.partitionKey}) AND attribute_not_exists(createdBy)`,
        ExpressionAttributeValues: { ":sub": admin.sub, ":name": admin.name },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

async function lastRun(): Promise<MakersRun | undefined> {
  const { Item } = await awsClients().dynamo.send(
    new GetCommand({ TableName: getConfig().table, Key: keys.maintenance(BACKFILL_MAKERS) }),
  );
  const parsed = runRecord.safeParse(Item);
  return parsed.success ? parsed.data : undefined;
}

export async function backfillMakers(options: {
  /** Who the old records will belong to: an admin's OpenID subject, and the name to show. */
  admin: { sub: string; name: string };
  force?: boolean;
}): Promise<MakersResult> {
  const previous = options.force ? undefined : await lastRun();
  if (previous) return { status: "already-ran", ...previous };

  const { found, scanned } = await itemsWithoutMaker();
  let changed = 0;
  for (const key of found) if (await give(key, options.admin)) changed++;
  const run: MakersRun = { ranAt: new Date().toISOString(), scanned, changed, admin: options.admin.sub };
  await awsClients().dynamo.send(
    new PutCommand({ TableName: getConfig().table, Item: { ...keys.maintenance(BACKFILL_MAKERS), ...run } }),
  );
  return { status: "done", ...run };
}
