import { describe, expect, it } from "vitest";
import { GET as list, POST } from "@/app/api/posters/route";
import type { PosterPage, PosterView } from "@/lib/api-types";
import type { ErrorBody } from "@/lib/errors";
import { MODELS } from "@/lib/models";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";

// The studio's feed: GET /api/posters?mine=true lists only the caller's posters, newest first, paged.
withLocalStack();

async function create(prompt: string, as: MemberName): Promise<PosterView> {
  const body = JSON.stringify({ prompt, model: MODELS[2].id });
  const response = await POST(authed("http://localhost/api/posters", { method: "POST", body }, as), {});
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as PosterView;
}

const listAs = (as: MemberName, query: string) => list(authed(`http://localhost/api/posters${query}`, {}, as), {});

describe("GET /api/posters?mine=true", () => {
  it("lists only the caller's posters, newest first, across pages", async () => {
    const bobs: string[] = [];
    const alices = Promise.all([0, 1, 2].map((i) => create(`alice's harbor ${i}`, "alice")));
    for (let i = 0; i < 3; i++) bobs.push((await create(`bob's harbor ${i}`, "bob")).id);
    await alices;
    const seen: PosterPage["posters"] = [];
    let cursor: string | null = null;
    do {
      const response = await listAs("bob", `?mine=true&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as PosterPage;
      seen.push(...page.posters);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((p) => p.id)).toEqual([...bobs].reverse());
    expect(new Set(seen.map((p) => p.createdBy))).toEqual(new Set(["bob"]));

    // Without the filter, everyone's posters are listed, as before.
    const all = (await (await listAs("bob", "?limit=100")).json()) as PosterPage;
    expect(new Set(all.posters.map((p) => p.createdBy))).toEqual(new Set(["alice", "bob"]));
  }, 60_000);

  it("refuses a mine that isn't true or false", async () => {
    const response = await listAs("alice", "?mine=yes");
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("invalid_input");
    expect(error.fields?.mine).toBe("mine is true (only your posters) or false.");
  });
});
