import "server-only";
import { TABLE_KEYS } from "./table";

// Helpers shared by the stores: items carry their key attributes; records handed to the app don't.

const KEY_ATTRIBUTES = new Set<string>([
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  TABLE_KEYS.ttlAttribute,
  ...TABLE_KEYS.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
]);

export function withoutKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k))) as T;
}

export function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string })?.name === "ConditionalCheckFailedException";
}

/** Ids and tokens are url-safe random strings of a fixed length; anything else can't exist. */
export const RANDOM_ID = /^[A-Za-z0-9_-]{16}$/;

/** For a delete that only the item's maker may do: a condition on `createdBy` (items from before makers were
 * recorded are anyone's). No owner: no condition (an admin). */
export function madeBy(owner?: string) {
  return owner
    ? {
        ConditionExpression: "attribute_not_exists(createdBy) OR createdBy = :owner",
        ExpressionAttributeValues: { ":owner": owner },
      }
    : {};
}
