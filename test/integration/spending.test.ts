import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL_ID, getModel } from "@/lib/models";
import { recentSpending, spendingToday } from "@/lib/spending";
import { client } from "../support/api";
import { withLocalStack } from "../support/local-stack";

// The daily cap, enforced atomically in DynamoDB: set to three images' worth, ten at once must give exactly three.
const price = getModel(DEFAULT_MODEL_ID).pricePerImage;
withLocalStack({ env: { ONESHEET_DAILY_BUDGET_USD: String(price * 3), ONESHEET_MAX_IN_FLIGHT: "20" } });

describe("the daily budget", () => {
  it("lets exactly the budget through when ten generations race for it, and refunds failures", async () => {
    // A failed generation first: it must not use up any of the budget.
    const failed = await client.createPoster({ prompt: "[fault:unavailable] refund me" });
    expect(failed.status).toBe(503);
    expect((await spendingToday("team")).teamSpent).toBe(0);

    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => client.createPoster({ prompt: `[latency:300] race ${i}` })),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 402)).toHaveLength(7);
    const refused = replies.find((r) => r.status === 402);
    expect(refused?.body.error.code).toBe("budget_exceeded");
    expect(refused?.body.error.message).toMatch(
      /^Today's team budget of \$0\.24 is spent: it resets at midnight UTC, in /,
    );

    const today = await spendingToday("team");
    expect(today.teamSpent).toBeCloseTo(price * 3);
    const [day] = await recentSpending(1);
    expect(day?.entries).toHaveLength(3);
    expect(day?.totalUsd).toBeCloseTo(price * 3);
    const made = replies
      .filter((r) => r.status === 201)
      .map((r) => r.body.id)
      .sort();
    expect(day?.entries.map((e) => e.posterId).sort()).toEqual(made);
    expect((await client.listPosters("?limit=100")).body.posters).toHaveLength(3);
  });
});
