import "server-only";
import type { ZodSafeParseResult } from "zod";
import { errorFacts } from "../error-facts";
import { AppError } from "../errors";
import { TABLE_KEYS } from "./table";

// Helpers shared by the stores: items carry their key attributes; records handed to the app don't.

const KEY_ATTRIBUTES = new Set<string>([
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  TABLE_KEYS.ttlAttribute,
  ...TABLE_KEYS.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
]);

function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k)));
}

export function isConditionFailure(error: unknown): boolean {
  return errorFacts(error).name === "ConditionalCheckFailedException";
}

/** For a change only the item's maker may make: a condition on `createdBy`. No owner: no condition (an admin). */
export function madeBy(owner?: string) {
  return owner ? { ConditionExpression: "createdBy = :owner", ExpressionAttributeValues: { ":owner": owner } } : {};
}

/** An item read back, checked against its entity's schema: a record that isn't what the code expects is logged and
 * answered as a 500 (with the request id), never passed on. */
export function parseItem<T>(
  schema: { safeParse(value: unknown): ZodSafeParseResult<T> },
  item: Record<string, unknown>,
  what: string,
): T {
  const parsed = schema.safeParse(withoutKeys(item));
  if (parsed.success) return parsed.data;
  console.error(
    JSON.stringify({
      msg: "record failed its schema",
      what,
      key: `${item.pk}/${item.sk}`,
      issues: parsed.error.issues,
    }),
  );
  throw new AppError("internal", { cause: new Error(`${what} ${String(item.pk)} failed its schema`) });
}
