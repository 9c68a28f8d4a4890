import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getConfig } from "@/lib/aws/config";
import { step, transact } from "@/lib/store/transactions";
import { withLocalStack } from "../support/local-stack";

// Named transactions against the real offline DynamoDB: a refusal says which named step's condition failed (not a
// position in a list), and nothing of a refused transaction is written.

withLocalStack();

const table = () => getConfig().table;
const put = (pk: string, condition?: string) => ({
  Put: {
    TableName: table(),
    Item: { pk, sk: "T", at: Date.now() },
    ...(condition ? { ConditionExpression: condition } : {}),
  },
});

describe("transact (lib/store/transactions.ts)", () => {
  it("names the steps whose condition failed, and writes none of the others", async () => {
    const taken = `TEST#${randomUUID()}`;
    const there = `TEST#${randomUUID()}`;
    const fresh = `TEST#${randomUUID()}`;
    expect(await transact("first write", [step("taken", put(taken)), step("there", put(there))])).toEqual({ ok: true });

    const result = await transact("second write", [
      step("fresh", put(fresh, "attribute_not_exists(pk)")),
      step("taken", put(taken, "attribute_not_exists(pk)")),
      step("check", {
        ConditionCheck: {
          TableName: table(),
          Key: { pk: there, sk: "T" },
          ConditionExpression: "attribute_exists(pk)",
        },
      }),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([...result.refused]).toEqual(["taken"]);
    expect(result.detail).toBe("fresh=None, taken=ConditionalCheckFailed, check=None");
    // All or nothing: the step that was fine was not written.
    expect(await transact("fresh alone", [step("fresh", put(fresh, "attribute_not_exists(pk)"))])).toEqual({
      ok: true,
    });
  });
});
