import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as spendingRoute } from "@/app/api/spending/route";
import { DEFAULT_MODEL_ID, getModel } from "@/lib/models";
import { recentSpending, spendingToday } from "@/lib/spending";
import { chargeItems, type Reservation, reserveItems, utcDay } from "@/lib/store/ledger";
import { transact } from "@/lib/store/transactions";
import { client } from "../support/api";
import { authed, withLocalStack } from "../support/local-stack";

// The daily cap, enforced atomically in DynamoDB: set to three images' worth, ten at once must give exactly three.
const price = getModel(DEFAULT_MODEL_ID).priceCents / 100;
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

// Charges written straight to the ledger on past days, as generations of those days would have left them.
const dayAgo = (n: number) => utcDay(new Date(Date.now() - n * 86_400_000));
async function charged(daysAgo: number, who: string, cents: number) {
  const r: Reservation = {
    id: randomUUID(),
    day: dayAgo(daysAgo),
    user: who,
    cents,
    startedAt: new Date().toISOString(),
  };
  expect(await transact("reserving", reserveItems(r, 1_000_000))).toEqual({ ok: true });
  expect(await transact("charging", chargeItems(r, { who, model: DEFAULT_MODEL_ID }))).toEqual({ ok: true });
}

describe("GET /api/spending", () => {
  it("totals the last 30 days per day (oldest first, quiet days at zero) and per person, whatever ?days is", async () => {
    await charged(1, "bob@example.com", 8);
    await charged(1, "bob@example.com", 20);
    await charged(1, "carol@example.com", 4);
    await charged(29, "carol@example.com", 8);
    await charged(30, "bob@example.com", 500); // a day too old for the totals

    const response = await spendingRoute(authed("http://studio.test/api/spending?days=2"), {});
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.days.map((d: { day: string }) => d.day)).toEqual([dayAgo(0), dayAgo(1)]);

    expect(body.perDay).toHaveLength(30);
    expect(body.perDay[0]).toEqual({ day: dayAgo(29), images: 1, totalUsd: 0.08 });
    expect(body.perDay[28]).toEqual({ day: dayAgo(1), images: 3, totalUsd: 0.32 });
    expect(body.perDay[29].day).toBe(dayAgo(0));
    expect(body.perDay[10]).toEqual({ day: dayAgo(19), images: 0, totalUsd: 0 });

    const member = (who: string) => body.perMember.find((m: { who: string }) => m.who === who);
    expect(member("bob@example.com")).toEqual({ who: "bob@example.com", images: 2, totalUsd: 0.28 });
    expect(member("carol@example.com")).toEqual({ who: "carol@example.com", images: 2, totalUsd: 0.12 });
    const byPeople = body.perMember.reduce((sum: number, m: { totalUsd: number }) => sum + m.totalUsd, 0);
    const byDays = body.perDay.reduce((sum: number, d: { totalUsd: number }) => sum + d.totalUsd, 0);
    expect(byPeople).toBeCloseTo(byDays);
    const totals = body.perMember.map((m: { totalUsd: number }) => m.totalUsd);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });
});
