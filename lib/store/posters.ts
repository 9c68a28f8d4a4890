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
import type { PosterStatus } from "../models/library-schemas";
import { isConditionFailure, madeBy, withoutKeys } from "./items";
import { queryListing } from "./listing";
import { type PosterFilter, posterFilter, SEARCH_ATTRIBUTE, searchText } from "./poster-filter";
import { keys, TABLE_KEYS } from "./table";
import { type TransactItem, transactWrite } from "./transactions";

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
  /** Before favourites were per person: one team-wide star. It counts as its maker's until the poster's favourites
   * next change, which folds it into `favoritedBy` (see setFavorite). */
  favorite?: boolean;
  /** Who starred it (OpenID subjects): favourites are per person. */
  favoritedBy?: Set<string>;
  /** The prompt lowercased, for search (written with the item; absent on posters from before search). */
  promptSearch?: string;
  /** The OpenID subject of who made it, and their name then. */
  createdBy?: string;
  createdByName?: string;
  /** The typography design and the composed poster it renders to (the art itself is never changed). */
  design?: Design;
  composedKey?: string;
  composedThumbKey?: string;
  /** Lineage: how it was made ("generate" when absent), from which poster, with which inputs (ids and numbers). */
  operation?: string;
  parentId?: string;
  inputs?: Record<string, number | string>;
  /** How many posters were made from this one and still exist: kept with their links (see newPosterItems). */
  versionCount?: number;
  /** Its parent has been deleted: it is an original of its own now (the gallery no longer folds it). */
  parentGone?: boolean;
  /** Review status; absent means "draft". Who set it (a name) and when. */
  reviewStatus?: Exclude<PosterStatus, "draft">;
  reviewStatusBy?: string;
  reviewStatusAt?: string;
}

export async function setDesign(
  id: string,
  design: Design | null,
  stored?: { composedKey: string; composedThumbKey: string },
) {
  await awsClients().dynamo.send(
    new UpdateCommand({
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
    }),
  );
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
 * still exists, its link and one more on the parent's version count (last: the item that fails if the parent went). */
export const newPosterItems = (record: PosterRecord): TransactItem[] => [
  { Put: newPosterItem(record) },
  ...(record.parentId && !record.parentGone
    ? [{ Put: versionLink({ ...record, parentId: record.parentId }) }, countVersion(record.parentId)]
    : []),
];

/** The parent was deleted while this poster was made (its count update failed): write it again as an original
 * (it keeps `parentId`, as the versions of a parent deleted later do). `offset`: where its items start in `codes`. */
export function parentWentAway(record: PosterRecord, codes: readonly string[], offset = 0): PosterRecord | undefined {
  const items = newPosterItems(record).length;
  if (items < 3 || codes[offset + items - 1] !== "ConditionalCheckFailed") return undefined;
  return { ...record, parentGone: true };
}

export async function putPoster(record: PosterRecord, signal?: AbortSignal) {
  if (!record.parentId) {
    await awsClients().dynamo.send(new PutCommand(newPosterItem(record)), { abortSignal: signal });
    return;
  }
  let codes = await transactWrite(newPosterItems(record));
  const orphan = codes && parentWentAway(record, codes);
  if (orphan) codes = await transactWrite(newPosterItems(orphan));
  if (codes) throw new Error(`writing poster ${record.id} was refused: ${codes}`);
}

export async function getPoster(id: string): Promise<PosterRecord | undefined> {
  const { Item } = await awsClients().dynamo.send(
    new GetCommand({ TableName: getConfig().table, Key: keys.poster(id) }),
  );
  return Item ? withoutKeys<PosterRecord>(Item) : undefined;
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
        const record = withoutKeys<PosterRecord>(item);
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
    if (record.favorite && record.createdBy) set.add(record.createdBy);
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
 * person made (or one made before posters recorded their maker) is deleted; otherwise the result is "forbidden".
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
    return Attributes ? withoutKeys<PosterRecord>(Attributes) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return "forbidden";
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
  return { posters: items.map((item) => withoutKeys<PosterRecord>(item)), nextCursor };
}
