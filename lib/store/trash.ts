import "server-only";
import { DeleteCommand, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { AppError } from "../errors";
import { deleteItems } from "./batch-delete";
import { isConditionFailure, parseItem } from "./items";
import { queryListing } from "./listing";
import { getPoster, newPosterItems, type PosterRecord, parentWentAway } from "./posters";
import { queryAll } from "./query-all";
import { posterRecordSchema } from "./records";
import { keys, TABLE_KEYS } from "./table";
import { step, type TransactItem, transact } from "./transactions";
import { type TrashedPosterRecord, trashedPosterSchema } from "./trash-records";

// The trash: a deleted poster's item moves, whole, from POSTER#<id> to TRASH#<id> in one transaction. Everything that
// reads posters (the gallery, boards, campaigns, share links, comments, new versions) looks under POSTER#, so a
// trashed poster is gone for all of them at once, and every write conditioned on the poster existing is refused,
// with no "unless trashed" clause anywhere. Its files, its exports, its version links and its comments stay where they
// are until the purge (lib/posters/purge.ts); a restore moves the item back.

export type { TrashedPosterRecord } from "./trash-records";

const table = () => getConfig().table;
const exists = `attribute_exists(${TABLE_KEYS.partitionKey})`;
const parseTrashed = (item: Record<string, unknown>) => parseItem(trashedPosterSchema, item, "trashed poster");

// What a concurrent write may have changed between our read and the move (a design saved, a review status set, a
// version made): the move is conditioned on these being as read, so it never puts a stale copy in the trash.
const WATCHED = ["composedKey", "reviewStatusAt", "versionCount"] as const;

function unchanged(record: PosterRecord) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = WATCHED.map((attribute) => {
    names[`#${attribute}`] = attribute;
    const value = record[attribute];
    if (value === undefined) return `attribute_not_exists(#${attribute})`;
    values[`:${attribute}`] = value;
    return `#${attribute} = :${attribute}`;
  });
  return {
    ConditionExpression: [exists, ...parts].join(" AND "),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
  };
}

const trashItem = (record: TrashedPosterRecord): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.trashed(record.id), ...keys.trashListing(record.trashedAt, record.id), ...record },
    ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey})`,
  },
});

/** Its own link among its parent's versions, one fewer on the parent's count, or (the parent is gone, or in the trash
 * itself, which keeps its links) just the link, if there is one: a parent restored later counts only the versions
 * it still has links to. */
function unlinkFromParent(record: PosterRecord, parentLive: boolean) {
  if (!record.parentId) return [];
  const link = keys.posterVersion(record.parentId, record.createdAt, record.id);
  if (!parentLive || record.parentGone) return [step("link", { Delete: { TableName: table(), Key: link } })];
  return [
    step("link", { Delete: { TableName: table(), Key: link, ConditionExpression: exists } }),
    step("parent", {
      Update: {
        TableName: table(),
        Key: keys.poster(record.parentId),
        UpdateExpression: "ADD versionCount :less",
        ConditionExpression: exists,
        ExpressionAttributeValues: { ":less": -1 },
      },
    }),
  ];
}

/**
 * Moves the poster to the trash, all or nothing: its item leaves POSTER#<id> and lands at TRASH#<id>, and its link
 * leaves its parent's versions. Undefined when there is no such poster; "forbidden" when `by` may not (only its maker
 * or an admin may).
 */
export async function trashPoster(
  id: string,
  by: { sub: string; name?: string; isAdmin: boolean },
  now = new Date(),
): Promise<TrashedPosterRecord | undefined | "forbidden"> {
  let parentLive = true;
  for (let attempt = 0; attempt < 5; attempt++) {
    const record = await getPoster(id);
    if (!record) return undefined;
    if (!by.isAdmin && record.createdBy !== by.sub) return "forbidden";
    const trashed = trashedPosterSchema.parse({
      ...record,
      trashedAt: now.toISOString(),
      trashedBy: by.sub,
      ...(by.name ? { trashedByName: by.name } : {}),
    });
    const result = await transact(`trashing poster ${id}`, [
      step("poster", { Delete: { TableName: table(), Key: keys.poster(id), ...unchanged(record) } }),
      step("trash", trashItem(trashed)),
      ...unlinkFromParent(record, parentLive),
    ]);
    if (result.ok) return trashed;
    if (result.refused.has("trash")) throw new AppError("trash_conflict", { cause: new Error(result.detail) });
    // The poster changed (or went) since we read it: read it again. The parent (or the link) had gone: move it
    // without touching the parent.
    if (!result.refused.has("poster")) parentLive = false;
  }
  throw new AppError("unavailable", { cause: new Error(`trashing poster ${id} kept meeting other writes`) });
}

export async function getTrashed(id: string): Promise<TrashedPosterRecord | undefined> {
  const { Item } = await awsClients().dynamo.send(new GetCommand({ TableName: table(), Key: keys.trashed(id) }));
  return Item ? parseTrashed(Item) : undefined;
}

/** The poster as it goes back: its own record, the trash's fields left behind. */
export const posterOf = (trashed: TrashedPosterRecord): PosterRecord => posterRecordSchema.parse(trashed);

/**
 * Moves a poster back from the trash, all or nothing: the trash item goes (only while no purge has begun) and the
 * poster's item is written again as a new poster's is, with its link and count on its parent if the parent is still
 * there (if it isn't, it comes back as an original). False when the trash item has gone or its purge has begun.
 */
export async function restoreTrashed(trashed: TrashedPosterRecord, poster: PosterRecord): Promise<boolean> {
  const leaveTrash = step("trash", {
    Delete: {
      TableName: table(),
      Key: keys.trashed(trashed.id),
      ConditionExpression: `${exists} AND attribute_not_exists(purging) AND trashedAt = :at`,
      ExpressionAttributeValues: { ":at": trashed.trashedAt },
    },
  });
  const what = `restoring poster ${trashed.id}`;
  let result = await transact(what, [leaveTrash, ...newPosterItems(poster)]);
  const orphan = !result.ok && !result.refused.has("trash") && parentWentAway(poster, result.refused);
  if (orphan) result = await transact(what, [leaveTrash, ...newPosterItems(orphan)]);
  if (result.ok) return true;
  if (result.refused.has("trash")) return false;
  // A live poster under the same id: nothing to restore over.
  throw new AppError("trash_conflict", { cause: new Error(`${what} was refused: ${result.detail}`) });
}

/** A page of the trash, newest first: `maker`'s posters only, or everyone's (an admin). */
export async function listTrash(options: { limit: number; cursor?: string; maker?: string }) {
  const { items, nextCursor } = await queryListing({
    partition: keys.trashListing("", "").gsi1pk,
    limit: options.limit,
    cursor: options.cursor,
    filter: options.maker
      ? { expression: "#maker = :maker", names: { "#maker": "createdBy" }, values: { ":maker": options.maker } }
      : undefined,
  });
  return { posters: items.map(parseTrashed), nextCursor };
}

/** Ids of the posters the sweeper purges: trashed before `cutoff` (an ISO time), or whose purge began and was cut
 * off (a "Delete now" that died half-way), oldest first. */
export async function trashToPurge(cutoff: string): Promise<string[]> {
  const [index] = TABLE_KEYS.indexes;
  const found = await queryAll({
    TableName: table(),
    IndexName: index.name,
    KeyConditionExpression: "#listing = :listing",
    FilterExpression: "#at < :cutoff OR attribute_exists(purging)",
    ExpressionAttributeNames: { "#listing": index.partitionKey, "#at": "trashedAt" },
    ExpressionAttributeValues: { ":listing": keys.trashListing("", "").gsi1pk, ":cutoff": cutoff },
    ProjectionExpression: "id",
  });
  return found.map((item) => String(item.id));
}

/**
 * Marks a trashed poster as being purged, so no restore can begin: only if it was trashed before `before` (the
 * sweeper) or, with `owner`, only if that person made it ("Delete now"). A purge that began already stays begun.
 * Undefined when it isn't in the trash; "refused" when the condition doesn't hold.
 */
export async function beginPurge(
  id: string,
  options: { now: string; before?: string; owner?: string },
): Promise<TrashedPosterRecord | undefined | "refused"> {
  const conditions = [exists];
  const values: Record<string, unknown> = { ":now": options.now };
  if (options.before) {
    conditions.push("(trashedAt < :before OR attribute_exists(purging))");
    values[":before"] = options.before;
  }
  if (options.owner) {
    conditions.push("createdBy = :owner");
    values[":owner"] = options.owner;
  }
  try {
    const { Attributes } = await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.trashed(id),
        UpdateExpression: "SET purging = if_not_exists(purging, :now)",
        ConditionExpression: conditions.join(" AND "),
        ExpressionAttributeValues: values,
        ReturnValues: "ALL_NEW",
      }),
    );
    return parseTrashed(Attributes ?? {});
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return (await getTrashed(id)) ? "refused" : undefined;
  }
}

/** The last step of a purge: the trash item goes (after everything it owned). */
export async function deleteTrashItem(id: string): Promise<void> {
  await awsClients().dynamo.send(new DeleteCommand({ TableName: table(), Key: keys.trashed(id) }));
}

/** Deletes what a purged poster left in its partition (its exports, reviews' copies, version links), never its
 * META item (that would be a live poster of the same id, which the purge must not touch). */
export async function deletePosterPartition(id: string): Promise<void> {
  const found = await queryAll({
    TableName: table(),
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": keys.poster(id).pk },
    ProjectionExpression: "pk, sk",
  });
  const owned = found.filter((item) => item.sk !== keys.poster(id).sk).map((item) => ({ pk: item.pk, sk: item.sk }));
  await deleteItems(owned, `purging poster ${id}'s records`);
}
