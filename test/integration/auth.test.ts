import { describe, expect, it } from "vitest";
import { GET as listPosters } from "@/app/api/posters/route";
import { DELETE as revokeTokenRoute } from "@/app/api/tokens/[id]/route";
import { POST as createTokenRoute, GET as listTokensRoute } from "@/app/api/tokens/route";
import { createToken } from "@/lib/store/tokens";
import { as, client } from "../support/api";
import { authed, withLocalStack } from "../support/local-stack";

// Sign-in for the API: personal tokens, and who may delete what.
withLocalStack();

const list = (headers: Record<string, string>) =>
  listPosters(new Request("http://studio.test/api/posters", { headers }), {});

describe("API authentication", () => {
  it("refuses requests without credentials or with a bad token, as JSON 401", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer os_nope" },
      { authorization: "Basic YWxpY2U6eA==" },
    ];
    for (const headers of attempts) {
      const response = await list(headers);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    }
  });

  it("accepts a token until it is revoked, then answers 401 at once", async () => {
    const { token, record } = await createToken({ sub: "dana", email: "dana@onesheet.local" }, "batch script");
    const headers = { authorization: `Bearer ${token}` };
    expect((await list(headers)).status).toBe(200);

    const mine = await listTokensRoute(new Request("http://studio.test/api/tokens", { headers }), {});
    const body = (await mine.json()) as { tokens: { id: string; prefix: string }[] };
    expect(body.tokens.map((t) => t.id)).toEqual([record.id]);
    expect(JSON.stringify(body)).not.toContain(token); // never shown again

    const revoked = await revokeTokenRoute(
      new Request(`http://studio.test/api/tokens/${record.id}`, { method: "DELETE", headers }),
      {
        params: Promise.resolve({ id: record.id }),
      },
    );
    expect(revoked.status).toBe(204);
    expect((await list(headers)).status).toBe(401);
  });

  it("creates tokens only from a signed-in session, never from another token", async () => {
    const response = await createTokenRoute(
      authed("http://studio.test/api/tokens", { method: "POST", body: '{"name":"x"}' }),
      {},
    );
    expect(response.status).toBe(403);
  });
});

describe("ownership", () => {
  it("lets members delete only their own posters and links; admins any", async () => {
    const mine = (await client.createPoster({ prompt: "alice's poster" })).body;
    const link = (await client.createShare({ posterId: mine.id })).body;

    await as("bob", async () => {
      const denied = await client.deletePoster(mine.id);
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe("forbidden");
      expect((await client.revokeShare(link.token)).status).toBe(403);
    });
    expect((await client.getPoster(mine.id)).status).toBe(200);

    await as("admin", async () => {
      expect((await client.revokeShare(link.token)).status).toBe(204);
      expect((await client.deletePoster(mine.id)).status).toBe(204);
    });

    const own = (await client.createPoster({ prompt: "deleted by its maker" })).body;
    expect((await client.deletePoster(own.id)).status).toBe(204);
  });

  it("records who made posters, boards and links", async () => {
    const poster = (await as("bob", () => client.createPoster({ prompt: "bob's" }))).body;
    const { getPoster } = await import("@/lib/store/posters");
    expect((await getPoster(poster.id))?.createdBy).toBe("bob");
  });
});
