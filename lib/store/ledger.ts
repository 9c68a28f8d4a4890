import "server-only";
import { randomBytes } from "node:crypto";
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { isConditionFailure, withoutKeys } from "./items";
import { keys } from "./table";

// The spending ledger, in integer cents per UTC day. A price is reserved before Bedrock is called, with a conditional
// update that only succeeds while the day's total stays within the cap, so concurrent requests on any number of
// Lambdas can't overshoot; it is refunded if the generation fails, and a charged generation leaves an entry.

export interface LedgerEntry {
  id: string;
  day: string;
  at: string;
  user: string;
  model: string;
  cents: number;
  posterId: string;
}

export const utcDay = (date = new Date()) => date.toISOString().slice(0, 10);

const table = () => getConfig().table;

/** Adds `cents` to a running total if it stays within `capCents`; false when it would not. */
export async function reserveCents(key: Record<string, string>, cents: number, capCents: number): Promise<boolean> {
  if (cents > capCents) return false;
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: key,
        UpdateExpression: "SET spentCents = if_not_exists(spentCents, :zero) + :cents",
        ConditionExpression: "attribute_not_exists(spentCents) OR spentCents <= :room",
        ExpressionAttributeValues: { ":zero": 0, ":cents": cents, ":room": capCents - cents },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function refundCents(key: Record<string, string>, cents: number): Promise<void> {
  await awsClients().dynamo.send(
    new UpdateCommand({
      TableName: table(),
      Key: key,
      UpdateExpression: "SET spentCents = spentCents - :cents",
      ExpressionAttributeValues: { ":cents": cents },
    }),
  );
}

export async function spentCents(key: Record<string, string>): Promise<number> {
  const { Item } = await awsClients().dynamo.send(new GetCommand({ TableName: table(), Key: key }));
  return Number(Item?.spentCents ?? 0);
}

export async function recordEntry(entry: Omit<LedgerEntry, "id">): Promise<void> {
  const id = randomBytes(8).toString("base64url");
  await awsClients().dynamo.send(
    new PutCommand({ TableName: table(), Item: { ...keys.ledgerEntry(entry.day, entry.at, id), id, ...entry } }),
  );
}

/** Every entry of a day, oldest first. */
export async function dayEntries(day: string): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await awsClients().dynamo.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :entry)",
        ExpressionAttributeValues: { ":pk": keys.ledgerTotal(day).pk, ":entry": "ENTRY#" },
        ExclusiveStartKey: start,
      }),
    );
    entries.push(...(page.Items ?? []).map((item) => withoutKeys<LedgerEntry>(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  return entries;
}
