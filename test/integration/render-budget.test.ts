import { describe, expect, it } from "vitest";
import { POST as preview } from "@/app/api/posters/[id]/design/preview/route";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { as, client } from "../support/api";
import { clock } from "../support/clock";
import { authed, withLocalStack } from "../support/local-stack";

// Design renders cost CPU: each person gets a per-minute budget for them, apart from (and far below) the API's
// request cap, and the rest of the API keeps working when it is spent.
withLocalStack({ env: { ONESHEET_RENDERS_PER_MINUTE: "3" } });

const design = JSON.stringify({ template: "minimal", title: "Budget" });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const render = (id: string, as: "alice" | "bob" = "alice") =>
  preview(
    authed(`http://studio.test/api/posters/${id}/design/preview?width=160`, { method: "POST", body: design }, as),
    params(id),
  );

describe("design render budget", () => {
  it("answers 429 with Retry-After once a person's renders for the minute are spent; others and other routes go on", async () => {
    const poster = (await client.createPoster({ prompt: "a poster to design" })).body;
    // Counting happens per clock minute: start 1 s into one (the test's clock jumps there), so the window can't turn
    // over mid-test.
    clock.jumpIntoNext(60_000, 1000);

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await render(poster.id)).status);
    expect(statuses).toEqual([200, 200, 200]);

    const refused = await render(poster.id);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/design renders/);

    // Saving renders too, so it shares the budget.
    const save = await saveDesign(
      authed(`http://studio.test/api/posters/${poster.id}/design`, { method: "PUT", body: design }),
      params(poster.id),
    );
    expect(save.status).toBe(429);

    expect((await client.getPoster(poster.id)).status).toBe(200);
    const bobs = (await as("bob", () => client.createPoster({ prompt: "bob's poster" }))).body;
    expect((await render(bobs.id, "bob")).status).toBe(200);
  });
});
