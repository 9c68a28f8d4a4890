import "server-only";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { awsClients } from "../aws/clients";
import { AppError } from "../errors";

// One all-or-nothing write of several items, each under a name that says what it is ("team total", "slot",
// "parent"). A refused condition is an answer, not an error: the result names the steps whose condition failed, so
// callers ask `refused.has("slot")` instead of counting positions in a list that other code builds.

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** One item of a transaction, and what it is. */
export interface Step<N extends string = string> {
  name: N;
  item: TransactItem;
}

export const step = <N extends string>(name: N, item: TransactItem): Step<N> => ({ name, item });

/** Items that share a name (a job step's records, say): any of them failing refuses that name. */
export const steps = <N extends string>(name: N, items: readonly TransactItem[]): Step<N>[] =>
  items.map((item) => ({ name, item }));

export type TransactionResult<N extends string> =
  | { ok: true }
  | {
      ok: false;
      /** The names of the steps whose condition failed. */
      refused: ReadonlySet<N>;
      /** Each step and its cancellation code, for the logs. */
      detail: string;
    };

const CONFLICT_RETRIES = 5;

/**
 * Runs the steps as one transaction. `what` names the write in errors. Conditions that failed come back as
 * `refused`; a cancellation for any other reason (a conflict that outlasted the retries, throttling, a bad item) is
 * thrown: contention and throttling as "unavailable" (try again), anything else as an internal error naming the step.
 */
export async function transact<N extends string>(
  what: string,
  list: readonly Step<N>[],
): Promise<TransactionResult<N>> {
  for (let attempt = 0; ; attempt++) {
    try {
      await awsClients().dynamo.send(new TransactWriteCommand({ TransactItems: list.map((s) => s.item) }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = list.map((_, i) => error.CancellationReasons?.[i]?.Code ?? "None");
      const detail = list.map((s, i) => `${s.name}=${codes[i]}`).join(", ");
      // DynamoDB cancels a transaction that meets another one on the same item (the day's total is on every
      // admission): that is contention, not a refusal, so it is tried again after a short random pause.
      if (codes.includes("TransactionConflict") && attempt < CONFLICT_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * 2 ** attempt));
        continue;
      }
      const other = codes.filter((c) => c !== "None" && c !== "ConditionalCheckFailed");
      if (other.length > 0) {
        const cause = new Error(`${what} was cancelled: ${detail}`);
        if (other.every((c) => c === "TransactionConflict" || c === "ThrottlingError"))
          throw new AppError("unavailable", { cause });
        throw new AppError("internal", { cause });
      }
      const refused = new Set(list.filter((_, i) => codes[i] === "ConditionalCheckFailed").map((s) => s.name));
      return { ok: false, refused, detail };
    }
  }
}

/** For a write whose refusal means the code is wrong, not that the world changed: it says which step refused. */
export function mustCommit<N extends string>(what: string, result: TransactionResult<N>): void {
  if (!result.ok) throw new Error(`${what} was refused: ${result.detail}`);
}
