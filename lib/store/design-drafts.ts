import "server-only";
import { DeleteCommand, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { getConfig } from "../aws/config";
import { type DesignDraftRecord, designDraftRecordSchema } from "./draft-records";
import { isConditionFailure, parseItem } from "./items";
import { keys, TABLE_KEYS } from "./table";
import type { TransactItem } from "./transactions";

export type { DesignDraftRecord } from "./draft-records";

// A poster's design draft: one small item beside the poster's (POSTER#<id> / DESIGN_DRAFT), written with a condition
// on its revision so a save made on a stale copy is refused rather than silently overwriting newer work. A draft
// nobody touches for 30 days goes by TTL (so does one left behind by a deleted poster).

const KEEP_S = 30 * 24 * 60 * 60;

export async function getDraft(posterId: string): Promise<DesignDraftRecord | undefined> {
  const { Item } = await awsClients().dynamo.send(
    new GetCommand({ TableName: getConfig().table, Key: keys.designDraft(posterId), ConsistentRead: true }),
  );
  return Item ? parseItem(designDraftRecordSchema, Item, "design draft") : undefined;
}

/** Writes the next revision of the draft: only while the stored one is `baseRevision` (none: only while there is
 * no draft). "conflict" when it isn't — someone saved another revision since, or Save committed it. */
export async function putDraft(
  draft: Omit<DesignDraftRecord, "revision">,
  baseRevision: number | undefined,
): Promise<DesignDraftRecord | "conflict"> {
  const record = designDraftRecordSchema.parse({ ...draft, revision: (baseRevision ?? 0) + 1 });
  try {
    await awsClients().dynamo.send(
      new UpdateCommand({
        TableName: getConfig().table,
        Key: keys.designDraft(record.posterId),
        UpdateExpression:
          "SET posterId = :poster, design = :design, revision = :revision, savedAt = :at, savedBy = :by, #ttl = :ttl",
        ConditionExpression:
          baseRevision === undefined ? `attribute_not_exists(${TABLE_KEYS.partitionKey})` : "revision = :base",
        ExpressionAttributeNames: { "#ttl": TABLE_KEYS.ttlAttribute },
        ExpressionAttributeValues: {
          ":poster": record.posterId,
          ":design": record.design,
          ":revision": record.revision,
          ":at": record.savedAt,
          ":by": record.savedBy,
          ":ttl": Math.floor(Date.parse(record.savedAt) / 1000) + KEEP_S,
          ...(baseRevision === undefined ? {} : { ":base": baseRevision }),
        },
      }),
    );
    return record;
  } catch (error) {
    if (isConditionFailure(error)) return "conflict";
    throw error;
  }
}

export async function deleteDraft(posterId: string): Promise<void> {
  await awsClients().dynamo.send(new DeleteCommand({ TableName: getConfig().table, Key: keys.designDraft(posterId) }));
}

/** The draft's deletion as a step of the transaction that commits (or removes) the poster's design: no condition, so
 * it is the same whether or not there was a draft. */
export const draftDeletion = (posterId: string): TransactItem => ({
  Delete: { TableName: getConfig().table, Key: keys.designDraft(posterId) },
});
