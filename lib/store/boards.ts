import "server-only";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { AppError } from "../errors";
import { isConditionFailure, madeBy, parseItem } from "./items";
import { type BoardRecord, boardRecordSchema } from "./records";

export type { BoardRecord } from "./records";

import { newId } from "../ids";
import { queryListing } from "./listing";
import { keys, TABLE_KEYS } from "./table";

// Boards: a named, ordered list of poster ids on one item. Every change is one conditional update, so concurrent
// adds from several people never lose each other's posters, and a reorder based on a stale view is refused.
// Changes take an `owner`: only the board's maker may make them (no owner: an admin, who may change any board).

const table = () => getConfig().table;

/** A board is a set of options to compare and send for review; at this size its page and its JSON stay small (a
 * function's answer is capped at 6 MB). Campaigns of hundreds of deliverables are campaigns, not boards. */
export const MAX_BOARD_POSTERS = 200;
const full = () =>
  new AppError("board_full", {
    message: `A board holds at most ${MAX_BOARD_POSTERS} posters: make another board for the rest.`,
  });
const exists = `attribute_exists(${TABLE_KEYS.partitionKey})`;

/** The condition that the board exists and `owner` (if any) made it, to AND with a change's own condition. */
function existsAndMadeBy(owner: string | undefined, values: Record<string, unknown> = {}) {
  const made = madeBy(owner);
  return {
    ConditionExpression: made.ConditionExpression ? `${exists} AND (${made.ConditionExpression})` : exists,
    ExpressionAttributeValues: { ...values, ...made.ExpressionAttributeValues },
  };
}

const ownerMay = (board: BoardRecord, owner: string | undefined) => !owner || board.createdBy === owner;

/** After a refused update: a missing board or someone else's says so; otherwise the change's own condition failed. */
async function whyRefused(id: string, owner: string | undefined): Promise<BoardRecord> {
  const current = await getBoard(id);
  if (!current) throw new AppError("board_not_found");
  if (!ownerMay(current, owner)) throw new AppError("forbidden");
  return current;
}

async function update(id: string, input: Omit<ConstructorParameters<typeof UpdateCommand>[0], "TableName" | "Key">) {
  try {
    const { Attributes } = await awsClients().dynamo.send(
      new UpdateCommand({ TableName: table(), Key: keys.board(id), ReturnValues: "ALL_NEW", ...input }),
    );
    return parseItem(boardRecordSchema, Attributes ?? {}, "board");
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

export async function createBoard(name: string, createdBy: string): Promise<BoardRecord> {
  const now = new Date().toISOString();
  const board: BoardRecord = {
    id: newId(),
    name,
    posterIds: [],
    createdBy,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  await awsClients().dynamo.send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.board(board.id), ...keys.boardListing(now, board.id), ...board },
      ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey})`,
    }),
  );
  return board;
}

export async function getBoard(id: string): Promise<BoardRecord | undefined> {
  const { Item } = await awsClients().dynamo.send(new GetCommand({ TableName: table(), Key: keys.board(id) }));
  return Item ? parseItem(boardRecordSchema, Item, "board") : undefined;
}

export async function listBoards(options: { limit: number; cursor?: string }) {
  const { items, nextCursor } = await queryListing({ partition: keys.boardListing("", "").gsi1pk, ...options });
  return { boards: items.map((item) => parseItem(boardRecordSchema, item, "board")), nextCursor };
}

export async function renameBoard(id: string, name: string, owner?: string): Promise<BoardRecord> {
  const board = await update(id, {
    UpdateExpression: "SET #name = :name, updatedAt = :now, version = version + :one",
    ExpressionAttributeNames: { "#name": "name" },
    ...existsAndMadeBy(owner, { ":name": name, ":now": new Date().toISOString(), ":one": 1 }),
  });
  if (board) return board;
  await whyRefused(id, owner);
  throw new AppError("conflict");
}

/** Appends a poster; adding one that is already there changes nothing. */
export async function addToBoard(id: string, posterId: string, owner?: string): Promise<BoardRecord> {
  const condition = existsAndMadeBy(owner, {
    ":one_id": [posterId],
    ":id": posterId,
    ":now": new Date().toISOString(),
    ":one": 1,
    ":max": MAX_BOARD_POSTERS,
  });
  const board = await update(id, {
    UpdateExpression: "SET posterIds = list_append(posterIds, :one_id), updatedAt = :now, version = version + :one",
    ConditionExpression: `${condition.ConditionExpression} AND NOT contains(posterIds, :id) AND size(posterIds) < :max`,
    ExpressionAttributeValues: condition.ExpressionAttributeValues,
  });
  if (board) return board;
  const current = await whyRefused(id, owner);
  if (current.posterIds.includes(posterId)) return current; // already on the board
  throw full();
}

/** Appends several posters in one write (those not there yet, in order), made on the board as it was read: a board
 * changed meanwhile is read again. */
export async function addManyToBoard(id: string, posterIds: readonly string[], owner?: string): Promise<BoardRecord> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await whyRefused(id, owner);
    const missing = [...new Set(posterIds)].filter((p) => !current.posterIds.includes(p));
    if (missing.length === 0) return current;
    if (current.posterIds.length + missing.length > MAX_BOARD_POSTERS) throw full();
    const condition = existsAndMadeBy(owner, {
      ":ids": missing,
      ":now": new Date().toISOString(),
      ":one": 1,
      ":version": current.version,
    });
    const board = await update(id, {
      UpdateExpression: "SET posterIds = list_append(posterIds, :ids), updatedAt = :now, version = version + :one",
      ConditionExpression: `${condition.ConditionExpression} AND version = :version`,
      ExpressionAttributeValues: condition.ExpressionAttributeValues,
    });
    if (board) return board;
  }
  throw new AppError("conflict");
}

export async function removeFromBoard(id: string, posterId: string, owner?: string): Promise<BoardRecord> {
  // Remove by position, on condition that the position still holds that poster; retry if someone moved it.
  // (A board's maker never changes, so checking it on the item just read is enough.)
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await getBoard(id);
    if (!current) throw new AppError("board_not_found");
    if (!ownerMay(current, owner)) throw new AppError("forbidden");
    const index = current.posterIds.indexOf(posterId);
    if (index < 0) return current;
    const board = await update(id, {
      UpdateExpression: `REMOVE posterIds[${index}] SET updatedAt = :now, version = version + :one`,
      ConditionExpression: `posterIds[${index}] = :id`,
      ExpressionAttributeValues: { ":id": posterId, ":now": new Date().toISOString(), ":one": 1 },
    });
    if (board) return board;
  }
  throw new AppError("conflict");
}

/** Sets a new order: it must hold exactly the board's posters, as of the version the client saw. */
/** Puts the board's posters in a new order (the same posters, from the version the caller saw) and, with `name`,
 * renames it in the same write. */
export async function reorderBoard(
  id: string,
  posterIds: string[],
  version: number,
  owner?: string,
  name?: string,
): Promise<BoardRecord> {
  const current = await getBoard(id);
  if (!current) throw new AppError("board_not_found");
  if (!ownerMay(current, owner)) throw new AppError("forbidden");
  const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
  if (current.version !== version || !same(current.posterIds, posterIds)) throw new AppError("conflict");
  const board = await update(id, {
    UpdateExpression: `SET posterIds = :ids, updatedAt = :now, version = version + :one${name === undefined ? "" : ", #name = :name"}`,
    ConditionExpression: "version = :version",
    ...(name === undefined ? {} : { ExpressionAttributeNames: { "#name": "name" } }),
    ExpressionAttributeValues: {
      ":ids": posterIds,
      ":version": version,
      ":now": new Date().toISOString(),
      ":one": 1,
      ...(name === undefined ? {} : { ":name": name }),
    },
  });
  if (!board) throw new AppError("conflict");
  return board;
}

/** Deletes a board; with `owner`, only one that person made. */
export async function deleteBoard(id: string, owner?: string): Promise<boolean | "forbidden"> {
  try {
    const { Attributes } = await awsClients().dynamo.send(
      new DeleteCommand({ TableName: table(), Key: keys.board(id), ReturnValues: "ALL_OLD", ...madeBy(owner) }),
    );
    return Boolean(Attributes);
  } catch (error) {
    // The maker condition also fails on a board that isn't there: that one is "not found", not someone else's.
    if (isConditionFailure(error)) return (await getBoard(id)) ? "forbidden" : false;
    throw error;
  }
}
