import "server-only";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { isConditionFailure } from "./items";
import { keys, TABLE_KEYS } from "./table";
import { step } from "./transactions";

// Rate limits kept in DynamoDB, so they hold across every Lambda instance.

const table = () => getConfig().table;

/** Takes in-flight slot `slot` of the user for `holder`. The lease lasts as long as a generation may: one whose
 * function crashed frees its slot by then, and a live one can't outlast it (it times out first). */
export function takeSlotItem(user: string, slot: number, holder: string, leaseMs: number, now = Date.now()) {
  return step("slot", {
    Put: {
      TableName: table(),
      Item: { ...keys.inFlightSlot(user, slot), holder, startedAt: now, leaseEnds: now + leaseMs },
      ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey}) OR leaseEnds < :now`,
      ExpressionAttributeValues: { ":now": now },
    },
  });
}

/** Gives the slot back, unless its lease ran out and someone else holds it now. */
export function releaseSlotItem(user: string, slot: number, holder: string) {
  return step("slot", {
    Delete: {
      TableName: table(),
      Key: keys.inFlightSlot(user, slot),
      ConditionExpression: "holder = :holder",
      ExpressionAttributeValues: { ":holder": holder },
    },
  });
}

function minuteWindow(user: string, perMinute: number, now: number) {
  const minute = Math.floor(now / 60_000);
  return {
    TableName: table(),
    Key: keys.rateWindow(user, minute),
    UpdateExpression: `SET requests = if_not_exists(requests, :zero) + :one, #ttl = :ttl`,
    ConditionExpression: "attribute_not_exists(requests) OR requests < :max",
    ExpressionAttributeNames: { "#ttl": TABLE_KEYS.ttlAttribute },
    ExpressionAttributeValues: { ":zero": 0, ":one": 1, ":max": perMinute, ":ttl": (minute + 2) * 60 },
  };
}

/** Seconds until the user's current minute turns over: the wait when it is full. */
export const secondsToNextMinute = (now = Date.now()) =>
  Math.max(1, Math.ceil((Math.floor(now / 60_000 + 1) * 60_000 - now) / 1000));

/** Counts a request in the user's current minute, as part of a larger write. */
export const countRequestItem = (user: string, perMinute: number, now = Date.now()) =>
  step("request count", { Update: minuteWindow(user, perMinute, now) });

/** Counts a request in the user's current minute; returns the seconds to wait when the minute is full. */
export async function countRequest(user: string, perMinute: number): Promise<number | undefined> {
  const now = Date.now();
  try {
    await awsClients().dynamo.send(new UpdateCommand(minuteWindow(user, perMinute, now)));
    return undefined;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return secondsToNextMinute(now);
  }
}

/** Counts one piece of expensive `work` in the user's current minute; returns the seconds to wait when its budget is
 * spent. Kept apart from the request counter: a cheap request never uses up the budget for expensive ones. */
export async function countWork(user: string, work: string, perMinute: number): Promise<number | undefined> {
  const now = Date.now();
  const minute = Math.floor(now / 60_000);
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.workWindow(user, work, minute),
        UpdateExpression: "SET done = if_not_exists(done, :zero) + :one, #ttl = :ttl",
        ConditionExpression: "attribute_not_exists(done) OR done < :max",
        ExpressionAttributeNames: { "#ttl": TABLE_KEYS.ttlAttribute },
        ExpressionAttributeValues: { ":zero": 0, ":one": 1, ":max": perMinute, ":ttl": (minute + 2) * 60 },
      }),
    );
    return undefined;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000));
  }
}
