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
import { type Filter, queryListing } from "./listing";
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
  favorite?: boolean;
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
  Item: { ...keys.poster(record.id), ...keys.posterListing(record.createdAt, record.id), ...record },
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

export async function setFavorite(id: string, favorite: boolean): Promise<void> {
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: getConfig().table,
        Key: keys.poster(id),
        UpdateExpression: "SET favorite = :favorite",
        ConditionExpression: `attribute_exists(${TABLE_KEYS.partitionKey})`,
        ExpressionAttributeValues: { ":favorite": favorite },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new AppError("not_found", { cause: error });
    throw error;
  }
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

export interface PosterFilter {
  model?: string;
  aspectRatio?: string;
  favorite?: boolean;
  /** "generate" or an operation id. */
  operation?: string;
  /** fold: originals only (posters not made from another that still exists); show (the default here): all. */
  versions?: "fold" | "show";
  /** Where it stands in review ("draft": never sent for review). */
  status?: PosterStatus;
  /** Only posters this member (OpenID subject) made: the studio's feed of "my results". */
  createdBy?: string;
}

function posterFilter(filter: PosterFilter): Filter | undefined {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.model) {
    parts.push("#model = :model");
    names["#model"] = "model";
    values[":model"] = filter.model;
  }
  if (filter.aspectRatio) {
    parts.push("#ratio = :ratio");
    names["#ratio"] = "aspectRatio";
    values[":ratio"] = filter.aspectRatio;
  }
  if (filter.favorite) {
    parts.push("#favorite = :favorite");
    names["#favorite"] = "favorite";
    values[":favorite"] = true;
  }
  if (filter.operation) {
    // Posters from before lineage have no `operation`: they were generated.
    parts.push(filter.operation === "generate" ? "(attribute_not_exists(#op) OR #op = :op)" : "#op = :op");
    names["#op"] = "operation";
    values[":op"] = filter.operation;
  }
  if (filter.status) {
    names["#status"] = "reviewStatus";
    if (filter.status === "draft") parts.push("attribute_not_exists(#status)");
    else {
      parts.push("#status = :status");
      values[":status"] = filter.status;
    }
  }
  if (filter.createdBy) {
    parts.push("#createdBy = :createdBy");
    names["#createdBy"] = "createdBy";
    values[":createdBy"] = filter.createdBy;
  }
  if (filter.versions === "fold") {
    parts.push("(attribute_not_exists(#parent) OR #gone = :gone)");
    names["#parent"] = "parentId";
    names["#gone"] = "parentGone";
    values[":gone"] = true;
  }
  return parts.length ? { expression: parts.join(" AND "), names, values } : undefined;
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
