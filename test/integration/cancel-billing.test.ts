import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/posters/route";
import { DEFAULT_MODEL_ID, getModel } from "@/lib/models";
import { recentSpending, spendingToday } from "@/lib/spending";
import { getPoster } from "@/lib/store/posters";
import { as, client } from "../support/api";
import { authed, withLocalStack } from "../support/local-stack";
import { interceptPosterWrites } from "../support/poster-writes";

// Cancelling after the model answered: the studio's Cancel arrives while the poster is being stored. Seams on the
// S3 upload and on the table write let the cancel arrive at exactly that step.
const cancel = vi.hoisted(() => ({
  at: undefined as "upload" | "item" | undefined,
  controller: new AbortController(),
}));

vi.mock("@/lib/aws/s3", async (original) => {
  const actual = await original<typeof import("@/lib/aws/s3")>();
  return {
    ...actual,
    putObject: vi.fn(async (key: string, body: Uint8Array, type: string, signal?: AbortSignal) => {
      if (cancel.at === "upload") cancel.controller.abort();
      return actual.putObject(key, body, type, signal);
    }),
  };
});

const local = withLocalStack();
// The table write lands, then the cancel comes before the answer does: a call that was given the signal rejects
// (as the SDK does) although the item is in the table.
beforeAll(() =>
  interceptPosterWrites({
    after(options) {
      if (cancel.at !== "item") return;
      cancel.controller.abort();
      options?.abortSignal?.throwIfAborted();
    },
  }),
);
const price = getModel(DEFAULT_MODEL_ID).priceCents / 100;

async function cancelledPost(at: "upload" | "item") {
  cancel.at = at;
  cancel.controller = new AbortController();
  const body = JSON.stringify({ prompt: `cancelled while storing (${at})` });
  try {
    return await POST(
      authed("http://studio.test/api/posters", { method: "POST", body, signal: cancel.controller.signal }),
      {},
    );
  } finally {
    cancel.at = undefined;
  }
}

describe("cancelling after the model answered", () => {
  it("keeps a poster whose item was written, images and all, and charges it", async () => {
    await cancelledPost("item");
    const { posters } = (await client.listPosters()).body;
    expect(posters).toHaveLength(1);
    const record = await getPoster(posters[0].id);
    expect(await local.objectKeys()).toEqual([record?.imageKey, record?.thumbKey].sort());
    expect((await fetch(posters[0].thumbnailUrl)).status).toBe(200);

    const [day] = await recentSpending(1);
    expect(day?.entries.map((e) => e.posterId)).toEqual([posters[0].id]);
    expect((await spendingToday("alice")).teamSpent).toBeCloseTo(price);
  });

  it("stores nothing when cancelled during the upload, but charges what AWS billed", async () => {
    const before = await local.objectKeys();
    const response = await cancelledPost("upload");
    expect(response.status).toBe(499);
    expect(await local.objectKeys()).toEqual(before);
    expect((await client.listPosters()).body.posters).toHaveLength(1);

    const [day] = await recentSpending(1);
    expect(day?.entries).toHaveLength(2);
    expect(day?.entries.filter((e) => e.posterId === undefined)).toHaveLength(1);
    const today = await spendingToday("alice");
    expect(today.teamSpent).toBeCloseTo(price * 2);
    expect(today.teamSpent).toBeCloseTo(day?.totalUsd ?? -1);
  });
});

describe("today's spending", () => {
  it("tells each person what they spent even without a personal cap", async () => {
    expect((await as("bob", () => client.createPoster({ prompt: "bob's own" }))).status).toBe(201);
    const bob = await spendingToday("bob");
    expect(bob.userBudget).toBeNull();
    expect(bob.userSpent).toBeCloseTo(price);
    expect((await spendingToday("alice")).userSpent).toBeCloseTo(price * 2);
  });
});
