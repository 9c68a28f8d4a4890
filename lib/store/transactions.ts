import "server-only";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";

// One all-or-nothing write of several items. A refusal is an answer, not an error: the reason code of each item
// (in order) comes back so the caller can tell which condition failed.

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

const CONFLICT_RETRIES = 5;

/** undefined when every item was written; otherwise each item's cancellation code ("None" for those that were fine). */
export async function transactWrite(items: TransactItem[]): Promise<string[] | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      await awsClients().dynamo.send(new TransactWriteCommand({ TransactItems: items }));
      return undefined;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((r) => r.Code ?? "None");
      // DynamoDB cancels a transaction that meets another one on the same item (the day's total is on every
      // admission): that is contention, not a refusal, so it is tried again after a short random pause.
      if (codes.includes("TransactionConflict") && attempt < CONFLICT_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * 2 ** attempt));
        continue;
      }
      return codes;
    }
  }
}

export const failed = (codes: readonly string[] | undefined, index: number) =>
  codes?.[index] === "ConditionalCheckFailed";
