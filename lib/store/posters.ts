import "server-only";
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import type { Design } from "../design/schema";
import { AppError } from "../errors";
import { isId } from "../ids";
import { draftDeletion } from "./design-drafts";
import { isConditionFailure, madeBy, parseItem } from "./items";
import { queryListing } from "./listing";
import { type PosterFilter, posterFilter, SEARCH_ATTRIBUTE, searchText } from "./poster-filter";
import { type PosterRecord, posterRecordSchema } from "./records";
import { keys, TABLE_KEYS } from "./table";
import { mustCommit, step, type TransactItem, transact } from "./transactions";

// Poster metadata in DynamoDB. Items hold S3 keys, never URLs.

export type { PosterRecord } from "./records";

const parsePoster = (item: Record<string, unknown>) => parseItem(posterRecordSchema, item, "poster");

/** Commits the design to the poster (or removes it: `design` null) and deletes the poster's design draft, in one
 * transaction: a committed design never has a stale draft beside it, so a draft that exists is newer than the
 * design. Refused (404) when the poster has gone. */
export async function setDesign(
  id: string,
  design: Design | null,
  stored?: { composedKey: string; composedThumbKey: string },
) {
  const result = await transact(`setting the design of poster ${id}`, [
    step("poster", {
      Update: {
        TableName: getConfig().table,
        Key: keys.poster(id),
        ConditionExpression: `attribute_exists(${TABLE_KEYS.partitionKey})`,
        ...(design && stored
          ? {
              UpdateExpression: "SET design = :design, composedKey = :composed, composedThumbKey = :thumb",
              ExpressionAttributeValues: {
                ":design": design,
                ":composed": stored.composedKey,
                ":thumb": stored.composedThumbKey,
              },
            }
          : { UpdateExpression: "REMOVE design, composedKey, composedThumbKey" }),
      },
    }),
    step("draft", draftDeletion(id)),
  ]);
  if (!result.ok) throw new AppError("not_found");
}

/** Marks the poster as a campaign's key art (or unmarks it: `link` undefined). With `onlyIf`, the change is made only
 * while the poster's link is that campaign's or none, so two campaigns never both claim one key art. False when the
 * poster is gone or claimed by another campaign. */
export async function setPosterCampaign(
  id: string,
  link: NonNullable<PosterRecord["campaign"]> | undefined,
  onlyIf: string,
): Promise<boolean> {
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: getConfig().table,
        Key: keys.poster(id),
        ConditionExpression: `attribute_exists(${TABLE_KEYS.partitionKey}) AND (attribute_not_exists(campaign) OR campaign.id = :campaign)`,
        ...(link
          ? {
              UpdateExpression: "SET campaign = :link",
              ExpressionAttributeValues: { ":link": link, ":campaign": onlyIf },
            }
          : { UpdateExpression: "REMOVE campaign", ExpressionAttributeValues: { ":campaign": onlyIf } }),
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The new poster's item, as a write of its own or part of a transaction (the charge for it: see spending). */
export const newPosterItem = (record: PosterRecord) => ({
  TableName: getConfig().table,
  Item: {
    ...keys.poster(record.id),
    ...keys.posterListing(record.createdAt, record.id),
    ...record,
    [SEARCH_ATTRIBUTE]: searchText(record.prompt ?? ""),
  },
  ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey})`,
});

/** Its parent's link to it: lets a poster list its versions with one Query, however many posters there are. */
const versionLink = (record: PosterRecord & { parentId: string }) => ({
  TableName: getConfig().table,
  Item: { ...keys.posterVersion(record.parentId, record.createdAt, record.id), id: record.id },
});

/** One more version on the parent's count, only while the parent exists (an update would otherwise create it). */
const countVersion = (parentId: string): TransactItem => ({
  Update: {
    TableName: getConfig().table,
    Key: keys.poster(parentId),
    UpdateExpression: "ADD versionCount :one",
    ConditionExpression: `attribute_exists(${TABLE_KEYS.partitionKey})`,
    ExpressionAttributeValues: { ":one": 1 },
  },
});

/** Everything a new poster writes to the table, in one transaction: its item and, for a derived poster whose parent
 * still exists, its link and one more on the parent's version count ("parent": the step that refuses if it went). */
export const newPosterItems = (record: PosterRecord) => [
  step("poster", { Put: newPosterItem(record) }),
  ...(record.parentId && !record.parentGone
    ? [
        step("version link", { Put: versionLink({ ...record, parentId: record.parentId }) }),
        step("parent", countVersion(record.parentId)),
      ]
    : []),
];

/** The parent was deleted while this poster was made (its count update refused): write it again as an original
 * (it keeps `parentId`, as the versions of a parent deleted later do). */
export function parentWentAway(record: PosterRecord, refused: ReadonlySet<string>): PosterRecord | undefined {
  return record.parentId && !record.parentGone && refused.has("parent") ? { ...record, parentGone: true } : undefined;
}

export async function putPoster(record: PosterRecord, signal?: AbortSignal) {
  if (!record.parentId) {
    await awsClients().dynamo.send(new PutCommand(newPosterItem(record)), { abortSignal: signal });
    return;
  }
  const what = `writing poster ${record.id}`;
  const result = await transact(what, newPosterItems(record));
  const orphan = !result.ok && parentWentAway(record, result.refused);
  mustCommit(what, orphan ? await transact(what, newPosterItems(orphan)) : result);
}

export async function getPoster(id: string): Promise<PosterRecord | undefined> {
  const { Item } = await awsClients().dynamo.send(
    new GetCommand({ TableName: getConfig().table, Key: keys.poster(id) }),
  );
  return Item ? parsePoster(Item) : undefined;
}

/** The poster an id from a request names, or a 404 (an id of the wrong shape is never looked up). */
export async function loadPoster(id: string): Promise<PosterRecord> {
  const record = isId(id) ? await getPoster(id) : undefined;
  if (!record) throw new AppError("not_found");
  return record;
}

/** Several posters by id, in the order asked; ids with no poster (deleted since) are left out. */
export async function getPosters(ids: readonly string[]): Promise<PosterRecord[]> {
  const found = new Map<string, PosterRecord>();
  const table = getConfig().table;
  for (let start = 0; start < ids.length; start += 100) {
    let pending: Record<string, unknown>[] | undefined = [...new Set(ids.slice(start, start + 100))].map(keys.poster);
    // BatchGet may hand back part of a batch as UnprocessedKeys under load: ask again for those.
    for (let attempt = 0; pending?.length && attempt < 5; attempt++) {
      const result: BatchGetCommandOutput = await awsClients().dynamo.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }),
      );
      for (const item of result.Responses?.[table] ?? []) {
        const record = parsePoster(item);
        found.set(record.id, record);
      }
      pending = result.UnprocessedKeys?.[table]?.Keys;
      if (pending?.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** Stars or unstars the poster for one person: their subject goes in or out of the poster's `favoritedBy` set. */
export async function setFavorite(id: string, viewer: string, favorite: boolean): Promise<void> {
  const table = getConfig().table;
  const exists = `attribute_exists(${TABLE_KEYS.partitionKey})`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // The common case: one ADD or DELETE on the set, on an item that no longer has the legacy team-wide flag.
      await awsClients().dynamo.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.poster(id),
          UpdateExpression: `${favorite ? "ADD" : "DELETE"} favoritedBy :me`,
          ConditionExpression: `${exists} AND attribute_not_exists(favorite)`,
          ExpressionAttributeValues: { ":me": new Set([viewer]) },
        }),
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    // Missing, or an item from before favourites were per person: fold its flag (its maker's star) into the set,
    // in one write conditioned on the flag still being there (a concurrent fold makes us go round again).
    const record = await getPoster(id);
    if (!record) throw new AppError("not_found");
    if (record.favorite === undefined) continue;
    const set = new Set(record.favoritedBy ?? []);
    if (record.favorite) set.add(record.createdBy);
    if (favorite) set.add(viewer);
    else set.delete(viewer);
    try {
      await awsClients().dynamo.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.poster(id),
          UpdateExpression: set.size ? "SET favoritedBy = :set REMOVE favorite" : "REMOVE favorite, favoritedBy",
          ConditionExpression: `${exists} AND attribute_exists(favorite)`,
          ...(set.size ? { ExpressionAttributeValues: { ":set": set } } : {}),
        }),
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  throw new AppError("conflict");
}

/**
 * Deletes the item and returns what it held, or undefined when there was none. With `owner`, only a poster that
 * person made is deleted; otherwise the result is "forbidden".
 */
export async function deletePoster(id: string, owner?: string): Promise<PosterRecord | undefined | "forbidden"> {
  try {
    const { Attributes } = await awsClients().dynamo.send(
      new DeleteCommand({
        TableName: getConfig().table,
        Key: keys.poster(id),
        ReturnValues: "ALL_OLD",
        ...madeBy(owner),
      }),
    );
    return Attributes ? parsePoster(Attributes) : undefined;
  } catch (error) {
    // The maker condition also fails on a poster that isn't there: that one is "not found", not someone else's.
    if (isConditionFailure(error)) return (await getPoster(id)) ? "forbidden" : undefined;
    throw error;
  }
}

export async function listPosters(options: { limit: number; cursor?: string; filter?: PosterFilter }) {
  const { items, nextCursor } = await queryListing({
    partition: keys.posterListing("", "").gsi1pk,
    limit: options.limit,
    cursor: options.cursor,
    filter: posterFilter(options.filter ?? {}),
  });
  return { posters: items.map((item) => parsePoster(item)), nextCursor };
}
