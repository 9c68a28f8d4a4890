import "server-only";
import { DeleteCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { isConditionFailure } from "./items";
import { keys, TABLE_KEYS } from "./table";

// Rate limits kept in DynamoDB, so they hold across every Lambda instance.

const table = () => getConfig().table;

// A slot left by a generation that never released it (a crashed function) is free again after this long: longer
// than the function's 60 s limit, so a live generation never loses its slot.
const STALE_SLOT_MS = 90_000;

/** Takes one of `max` in-flight slots for the user; returns a release function, or undefined when all are taken. */
export async function acquireSlot(
  user: string,
  max: number,
  holder: string,
): Promise<(() => Promise<void>) | undefined> {
  const now = Date.now();
  for (let slot = 0; slot < max; slot++) {
    try {
      await awsClients().dynamo.send(
        new PutCommand({
          TableName: table(),
          Item: { ...keys.inFlightSlot(user, slot), holder, startedAt: now },
          ConditionExpression: `attribute_not_exists(${TABLE_KEYS.partitionKey}) OR startedAt < :stale`,
          ExpressionAttributeValues: { ":stale": now - STALE_SLOT_MS },
        }),
      );
      return async () => {
        await awsClients()
          .dynamo.send(
            new DeleteCommand({
              TableName: table(),
              Key: keys.inFlightSlot(user, slot),
              ConditionExpression: "holder = :holder",
              ExpressionAttributeValues: { ":holder": holder },
            }),
          )
          .catch((error) => {
            if (!isConditionFailure(error)) throw error;
          });
      };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  return undefined;
}

/** Counts a request in the user's current minute; returns the seconds to wait when the minute is full. */
export async function countRequest(user: string, perMinute: number): Promise<number | undefined> {
  const now = Date.now();
  const minute = Math.floor(now / 60_000);
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.rateWindow(user, minute),
        UpdateExpression: `SET requests = if_not_exists(requests, :zero) + :one, #ttl = :ttl`,
        ConditionExpression: "attribute_not_exists(requests) OR requests < :max",
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
