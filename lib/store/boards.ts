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
import type { NotificationRecord } from "./notification-records";
import { notificationItem } from "./notifications";
import { keys, TABLE_KEYS } from "./table";
import { step, transact } from "./transactions";

// Boards: a named, ordered list of poster ids on one item. Every change is one conditional update, so concurrent
// adds from several people never lose each other's posters, and a reorder based on a stale view is refused.
// Changes take an `owner`, the member making them (no owner: an admin, who may change any board). Renaming, deleting
// and choosing editors are for the board's maker; adding, removing and reordering posters for its editors too. The
// permission is a condition of the write itself, so an editor removed a moment ago can't slip a change in.

const table = () => getConfig().table;

/** A board is a set of options to compare and send for review; at this size its page and its JSON stay small (a
 * function's answer is capped at 6 MB). Campaigns of hundreds of deliverables are campaigns, not boards. */
export const MAX_BOARD_POSTERS = 200;
const full = () =>
  new AppError("board_full", {
    message: `A board holds at most ${MAX_BOARD_POSTERS} posters: make another board for the rest.`,
  });
const exists = `attribute_exists(${TABLE_KEYS.partitionKey})`;

/** Who may make a change: the board's maker only, or its editors too. */
type Who = "maker" | "editors";

/** The condition that `owner` (if any) may make the change. */
function mayCondition(owner: string | undefined, who: Who) {
  if (!owner) return {};
  if (who === "maker") return madeBy(owner);
  return {
    ConditionExpression: "createdBy = :owner OR contains(editors, :owner)",
    ExpressionAttributeValues: { ":owner": owner },
  };
}

/** The condition that the board exists and `owner` (if any) may change it, to AND with a change's own condition. */
function existsAndMay(owner: string | undefined, who: Who, values: Record<string, unknown> = {}) {
  const may = mayCondition(owner, who);
  return {
    ConditionExpression: may.ConditionExpression ? `${exists} AND (${may.ConditionExpression})` : exists,
    ExpressionAttributeValues: { ...values, ...may.ExpressionAttributeValues },
  };
}

const ownerMay = (board: BoardRecord, owner: string | undefined, who: Who) =>
  !owner || board.createdBy === owner || (who === "editors" && Boolean(board.editors?.has(owner)));

/** After a refused update: a missing board or someone else's says so; otherwise the change's own condition failed. */
async function whyRefused(id: string, owner: string | undefined, who: Who): Promise<BoardRecord> {
  const current = await getBoard(id);
  if (!current) throw new AppError("board_not_found");
  if (!ownerMay(current, owner, who)) throw new AppError("forbidden");
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
    ...existsAndMay(owner, "maker", { ":name": name, ":now": new Date().toISOString(), ":one": 1 }),
  });
  if (board) return board;
  await whyRefused(id, owner, "maker");
  throw new AppError("conflict");
}

/** Appends a poster; adding one that is already there changes nothing. */
export async function addToBoard(id: string, posterId: string, owner?: string): Promise<BoardRecord> {
  const condition = existsAndMay(owner, "editors", {
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
  const current = await whyRefused(id, owner, "editors");
  if (current.posterIds.includes(posterId)) return current; // already on the board
  throw full();
}

/** Appends several posters in one write (those not there yet, in order), made on the board as it was read: a board
 * changed meanwhile is read again. */
export async function addManyToBoard(id: string, posterIds: readonly string[], owner?: string): Promise<BoardRecord> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await whyRefused(id, owner, "editors");
    const missing = [...new Set(posterIds)].filter((p) => !current.posterIds.includes(p));
    if (missing.length === 0) return current;
    if (current.posterIds.length + missing.length > MAX_BOARD_POSTERS) throw full();
    const condition = existsAndMay(owner, "editors", {
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
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await whyRefused(id, owner, "editors");
    const index = current.posterIds.indexOf(posterId);
    if (index < 0) return current;
    const condition = existsAndMay(owner, "editors", { ":id": posterId, ":now": new Date().toISOString(), ":one": 1 });
    const board = await update(id, {
      UpdateExpression: `REMOVE posterIds[${index}] SET updatedAt = :now, version = version + :one`,
      ConditionExpression: `${condition.ConditionExpression} AND posterIds[${index}] = :id`,
      ExpressionAttributeValues: condition.ExpressionAttributeValues,
    });
    if (board) return board;
  }
  throw new AppError("conflict");
}

/** Puts the board's posters in a new order (the same posters, from the version the caller saw) and, with `name`,
 * renames it in the same write (which only its maker may). */
export async function reorderBoard(
  id: string,
  posterIds: string[],
  version: number,
  owner?: string,
  name?: string,
): Promise<BoardRecord> {
  const who: Who = name === undefined ? "editors" : "maker";
  const current = await whyRefused(id, owner, who);
  const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
  if (current.version !== version || !same(current.posterIds, posterIds)) throw new AppError("conflict");
  const condition = existsAndMay(owner, who, {
    ":ids": posterIds,
    ":version": version,
    ":now": new Date().toISOString(),
    ":one": 1,
    ...(name === undefined ? {} : { ":name": name }),
  });
  const board = await update(id, {
    UpdateExpression: `SET posterIds = :ids, updatedAt = :now, version = version + :one${name === undefined ? "" : ", #name = :name"}`,
    ConditionExpression: `${condition.ConditionExpression} AND version = :version`,
    ...(name === undefined ? {} : { ExpressionAttributeNames: { "#name": "name" } }),
    ExpressionAttributeValues: condition.ExpressionAttributeValues,
  });
  if (board) return board;
  await whyRefused(id, owner, who); // an editor removed meanwhile is refused as such, not as a stale order
  throw new AppError("conflict");
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

/** A board takes a handful of editors: the people working on its campaign, not the whole team. */
export const MAX_BOARD_EDITORS = 20;

export type EditorRefusal = "not_found" | "forbidden" | "full";

/**
 * Makes `editor` an editor of the board, with the notification that tells them, in one transaction; with `owner`,
 * only if that member made the board. Adding someone who is an editor already changes nothing (and tells nobody).
 * Editors don't change the board's version: a reorder made meanwhile isn't refused for it.
 */
export async function addEditor(
  id: string,
  editor: string,
  owner: string | undefined,
  notice: NotificationRecord,
): Promise<EditorRefusal | undefined> {
  const condition = existsAndMay(owner, "maker", { ":editor": editor, ":max": MAX_BOARD_EDITORS });
  const result = await transact(`adding an editor to board ${id}`, [
    step("board", {
      Update: {
        TableName: table(),
        Key: keys.board(id),
        UpdateExpression: "ADD editors :set SET updatedAt = :now",
        ConditionExpression: `${condition.ConditionExpression} AND NOT contains(editors, :editor) AND (attribute_not_exists(editors) OR size(editors) < :max)`,
        ExpressionAttributeValues: {
          ...condition.ExpressionAttributeValues,
          ":set": new Set([editor]),
          ":now": new Date().toISOString(),
        },
      },
    }),
    step("notification", notificationItem(notice)),
  ]);
  if (result.ok) return undefined;
  const current = await getBoard(id);
  if (!current) return "not_found";
  if (!ownerMay(current, owner, "maker")) return "forbidden";
  if (current.editors?.has(editor)) return undefined;
  return "full";
}

/** Takes an editor off the board (its maker, or an admin); one who isn't an editor changes nothing. */
export async function removeEditor(id: string, editor: string, owner: string | undefined): Promise<BoardRecord> {
  const board = await update(id, {
    UpdateExpression: "DELETE editors :set SET updatedAt = :now",
    ...existsAndMay(owner, "maker", { ":set": new Set([editor]), ":now": new Date().toISOString() }),
  });
  if (board) return board;
  return whyRefused(id, owner, "maker");
}
