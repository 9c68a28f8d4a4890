import { describe, expect, it } from "vitest";
import { client } from "../support/api";
import { clock } from "../support/clock";
import { authed, withLocalStack } from "../support/local-stack";

// Per-person rate limits, kept in DynamoDB so they hold across Lambda instances.
withLocalStack({ env: { ONESHEET_MAX_IN_FLIGHT: "2", ONESHEET_REQUESTS_PER_MINUTE: "12" } });

describe("rate limits", () => {
  it("allow only N generations in flight at once, and free the slots afterwards", async () => {
    const replies = await Promise.all(
      Array.from({ length: 3 }, (_, i) => client.createPoster({ prompt: `[latency:800] slot ${i}` })),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 429]);
    expect(replies.find((r) => r.status === 429)?.body.error.code).toBe("too_many_in_flight");
    expect((await client.createPoster({ prompt: "after the others" })).status).toBe(201);
  });

  it("cap API requests per minute with Retry-After", async () => {
    // Counting happens per clock minute: start 1 s into one (the test's clock jumps there), so the window can't turn
    // over mid-test.
    clock.jumpIntoNext(60_000, 1000);
    const { GET } = await import("@/app/api/posters/route");
    let response: Response | undefined;
    let allowed = 0;
    for (let i = 0; i < 13; i++) {
      response = await GET(authed("http://studio.test/api/posters?limit=1"), {});
      if (response.status !== 200) break;
      allowed++;
    }
    expect(allowed).toBeLessThanOrEqual(12);
    if (!response) throw new Error("no request made");
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    // A generation counts in the same minute (in its admission write, not the generic check).
    const refused = await client.createPoster({ prompt: "one too many this minute" });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
  });
});
