import "server-only";
import { randomBytes } from "node:crypto";
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { parseItem } from "./items";
import { type LedgerEntry, ledgerEntrySchema, type Reservation, reservationSchema } from "./records";

export type { LedgerEntry, Reservation } from "./records";

import { keys } from "./table";
import { step, type TransactItem } from "./transactions";

// The spending ledger, in integer cents per UTC day. A price is reserved before Bedrock is called: the day's team
// total and the person's total go up by conditional updates that only succeed within the caps (so concurrent
// requests on any number of Lambdas can't overshoot), and a reservation item records what is pending. Settling
// removes that item and either leaves an entry (charged) or takes the price back off the totals (refunded), so once
// everything is settled the totals equal the sum of the day's entries. The sweeper settles what a crash left.

export const utcDay = (date = new Date()) => date.toISOString().slice(0, 10);

const table = () => getConfig().table;

const addTo = (key: Record<string, string>, cents: number, capCents?: number): TransactItem => ({
  Update: {
    TableName: table(),
    Key: key,
    UpdateExpression: "SET spentCents = if_not_exists(spentCents, :zero) + :cents",
    ExpressionAttributeValues: {
      ":zero": 0,
      ":cents": cents,
      ...(capCents === undefined ? {} : { ":room": capCents - cents }),
    },
    ...(capCents === undefined
      ? {}
      : { ConditionExpression: "attribute_not_exists(spentCents) OR spentCents <= :room" }),
  },
});

/** Raises the team total and the person's within their caps (each refuses by name), and records the reservation. */
export function reserveItems(r: Reservation, teamCapCents: number, userCapCents?: number) {
  return [
    step("team total", addTo(keys.ledgerTotal(r.day), r.cents, teamCapCents)),
    step("member total", addTo(keys.ledgerUser(r.day, r.user), r.cents, userCapCents)),
    step("reservation", { Put: { TableName: table(), Item: { ...keys.reservation(r.startedAt, r.id), ...r } } }),
  ];
}

// Removing the reservation is conditional, so that a generation and the sweeper can't both settle it: whoever
// comes second sees the condition fail.
const settled = (r: Reservation) =>
  step("reservation", {
    Delete: {
      TableName: table(),
      Key: keys.reservation(r.startedAt, r.id),
      ConditionExpression: "attribute_exists(pk)",
    },
  });

function entryItem(r: Reservation, entry: ChargeDetails) {
  const at = new Date().toISOString();
  const id = randomBytes(8).toString("base64url");
  const item: LedgerEntry = { id, day: r.day, at, user: entry.who, model: entry.model, cents: r.cents };
  if (entry.posterId) item.posterId = entry.posterId;
  return step("ledger entry", { Put: { TableName: table(), Item: { ...keys.ledgerEntry(r.day, at, id), ...item } } });
}

export interface ChargeDetails {
  who: string;
  model: string;
  posterId?: string;
}

/** Charged: an entry, and the reservation gone (the step that can refuse: settled by someone else already). */
export const chargeItems = (r: Reservation, entry: ChargeDetails) => [entryItem(r, entry), settled(r)];

/** Refunded: the price off both totals, and the reservation gone (the step that can refuse). */
export const refundItems = (r: Reservation) => [
  step("team total", addTo(keys.ledgerTotal(r.day), -r.cents)),
  step("member total", addTo(keys.ledgerUser(r.day, r.user), -r.cents)),
  settled(r),
];

/** Charged after the sweeper had already refunded it (a generation that outlived its timeout): put the price back. */
export const lateChargeItems = (r: Reservation, entry: ChargeDetails) => [
  step("team total", addTo(keys.ledgerTotal(r.day), r.cents)),
  step("member total", addTo(keys.ledgerUser(r.day, r.user), r.cents)),
  entryItem(r, entry),
];

/** Reservations started before `before`, oldest first. */
export async function reservationsBefore(before: Date): Promise<Reservation[]> {
  const found: Reservation[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await awsClients().dynamo.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: "pk = :pk AND sk < :before",
        ExpressionAttributeValues: { ":pk": keys.reservation("", "").pk, ":before": before.toISOString() },
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(page.Items ?? []).map((item) => parseItem(reservationSchema, item, "reservation")));
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

export async function spentCents(key: Record<string, string>): Promise<number> {
  const { Item } = await awsClients().dynamo.send(new GetCommand({ TableName: table(), Key: key }));
  return Number(Item?.spentCents ?? 0);
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
    entries.push(...(page.Items ?? []).map((item) => parseItem(ledgerEntrySchema, item, "ledger entry")));
    start = page.LastEvaluatedKey;
  } while (start);
  return entries;
}
