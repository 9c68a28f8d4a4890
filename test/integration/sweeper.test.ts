import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_MODEL_ID, getModel } from "@/lib/models";
import { recentSpending, spendingToday } from "@/lib/spending";
import { handler } from "@/lib/sweeper-handler";
import { client } from "../support/api";
import { clock } from "../support/clock";
import { withLocalStack } from "../support/local-stack";
import { interceptPosterWrites } from "../support/poster-writes";

// A generation killed mid-way (kill -9, a Lambda cut off) is simulated by freezing it at the storage step: the real
// code has taken its slot, reserved its price and uploaded its images, and the item write never returns — all its
// work from then on is simply never done, as in a crash. The sweeper must put right what it left.
const crash = vi.hoisted(() => ({ frozen: false, held: 0, gate: undefined as Promise<void> | undefined }));

vi.mock("@/lib/aws/s3", async (original) => {
  const actual = await original<typeof import("@/lib/aws/s3")>();
  return {
    ...actual,
    putObject: vi.fn(async (...args: Parameters<typeof actual.putObject>) => {
      await actual.putObject(...args);
      if (crash.gate) await crash.gate; // a slow one: the upload landed, its answer comes after the timeout
    }),
  };
});

const TIMEOUT_MS = 1500;
const local = withLocalStack({
  env: { ONESHEET_GENERATION_TIMEOUT_MS: String(TIMEOUT_MS), ONESHEET_MAX_IN_FLIGHT: "1" },
});
// The process is gone at the item write: nothing after this point ever runs.
beforeAll(() =>
  interceptPosterWrites({
    before: () => {
      if (!crash.frozen) return undefined;
      crash.held++;
      return new Promise<void>(() => {});
    },
  }),
);
const price = getModel(DEFAULT_MODEL_ID).priceCents / 100;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ledgerMatchesTotals() {
  const [day] = await recentSpending(1);
  return { team: (await spendingToday("alice")).teamSpent, ledger: day?.totalUsd ?? 0 };
}

describe("the sweeper, after a crash mid-generation", () => {
  it("removes the orphaned images, refunds the reservation and the slot comes free within the timeout", async () => {
    const kept = await client.createPoster({ prompt: "a poster that was made before the crash" });
    expect(kept.status).toBe(201);

    crash.frozen = true;
    void client.createPoster({ prompt: "killed while storing" }); // abandoned, like the dead process's request
    // Frozen at its item write (not merely uploaded: unfreezing before the write is reached would let it through).
    await vi.waitUntil(() => crash.held === 1, { timeout: 5000, interval: 20 });
    expect(await local.objectKeys()).toHaveLength(4);
    crash.frozen = false;

    // What the crash left: two objects with no item, the price on the totals with no entry, the one slot held.
    expect((await client.listPosters()).body.posters).toHaveLength(1);
    expect(await ledgerMatchesTotals()).toEqual({ team: price * 2, ledger: price });
    expect((await client.createPoster({ prompt: "while the slot is held" })).status).toBe(429);

    // Too young to be sure it's dead: left alone.
    expect(await handler()).toEqual({ orphans: 0, refunded: 0, jobsResent: 0, jobsGivenUp: 0, purged: 0 });
    expect(await local.objectKeys()).toHaveLength(4);

    // Past the timeout, by the clock the sweeper and the slot's lease read (the test's clock jumps there).
    clock.jumpBy(TIMEOUT_MS + 200);
    expect(await handler()).toEqual({ orphans: 2, refunded: 1, jobsResent: 0, jobsGivenUp: 0, purged: 0 });
    const keys = await local.objectKeys();
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => k.startsWith(`posters/${kept.body.id}/`))).toBe(true);
    const after = await ledgerMatchesTotals();
    expect(after.team).toBeCloseTo(after.ledger);
    expect(after.team).toBeCloseTo(price);

    // The slot's lease ended with the timeout: the next generation goes through.
    expect((await client.createPoster({ prompt: "after the crash" })).status).toBe(201);
    expect(await handler()).toEqual({ orphans: 0, refunded: 0, jobsResent: 0, jobsGivenUp: 0, purged: 0 });
  });

  it("charges a generation that outlived its timeout after the sweeper refunded it, and keeps none of it", async () => {
    let finish = () => {};
    crash.gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const slow = client.createPoster({ prompt: "outlived its timeout" });
    await vi.waitUntil(async () => (await local.objectKeys()).length === 6, { timeout: 5000, interval: 50 });
    // A real wait, not a jump of the clock: the generation's own deadline is a timer, and it must really have run
    // out for the late answer to be refused.
    await wait(TIMEOUT_MS + 200);
    expect(await handler()).toEqual({ orphans: 2, refunded: 1, jobsResent: 0, jobsGivenUp: 0, purged: 0 });
    crash.gate = undefined;
    finish();
    // Too late to commit objects the sweeper may have taken: a timeout, nothing kept, but the model answered.
    expect((await slow).body.error?.code).toBe("timeout");
    expect(await local.objectKeys()).toHaveLength(4);
    expect((await client.listPosters()).body.posters).toHaveLength(2);
    const after = await ledgerMatchesTotals();
    expect(after.team).toBeCloseTo(after.ledger);
    expect(after.team).toBeCloseTo(price * 3);
  });
});
