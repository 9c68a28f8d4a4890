import { createHash, randomBytes } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DELETE as revokeMemberToken } from "@/app/api/members/[sub]/tokens/[id]/route";
import { GET as listMemberTokens } from "@/app/api/members/[sub]/tokens/route";
import { DELETE as deletePoster } from "@/app/api/posters/[id]/route";
import { GET as listPosters } from "@/app/api/posters/route";
import { DELETE as revokeOwnToken } from "@/app/api/tokens/[id]/route";
import { GET as listOwnTokens } from "@/app/api/tokens/route";
import { awsClients } from "@/lib/aws/clients";
import { getConfig } from "@/lib/aws/config";
import { tokenCreateSchema } from "@/lib/models";
import { upsertMember } from "@/lib/store/members";
import { keys } from "@/lib/store/table";
import { createToken, MAX_TOKENS_PER_MEMBER } from "@/lib/store/tokens";
import { as, client } from "../support/api";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";

// Personal API tokens: all of them listed and revocable, a cap per person, expiry, and admins' reach.
withLocalStack();

const SITE = "http://studio.test";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const works = async (token: string) =>
  (await listPosters(new Request(`${SITE}/api/posters`, { headers: bearer(token) }), {})).status;
const ownTokens = async (token: string) =>
  (await (await listOwnTokens(new Request(`${SITE}/api/tokens`, { headers: bearer(token) }), {})).json()) as {
    tokens: { id: string; expiresAt: string | null }[];
  };
const memberTokens = (sub: string, as: MemberName) =>
  listMemberTokens(authed(`${SITE}/api/members/${sub}/tokens`, {}, as), { params: Promise.resolve({ sub }) });
const revokeAs = (sub: string, id: string, as: MemberName) =>
  revokeMemberToken(authed(`${SITE}/api/members/${sub}/tokens/${id}`, { method: "DELETE" }, as), {
    params: Promise.resolve({ sub, id }),
  });

/** A token as the app wrote them before the cap: a person may have hundreds. */
async function legacyToken(sub: string, createdAt: string) {
  const token = `os_${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  const id = hash.slice(0, 16);
  const record = { id, sub, email: `${sub}@onesheet.local`, name: "old", prefix: token.slice(0, 9), createdAt };
  await awsClients().dynamo.send(
    new PutCommand({
      TableName: getConfig().table,
      Item: { ...keys.token(hash), ...keys.tokenListing(sub, createdAt, id), hash, ...record },
    }),
  );
  return { token, id };
}

afterEach(() => vi.useRealTimers());

describe("API tokens", () => {
  it("lists and revokes every token of a person, not only the newest 100", async () => {
    const made: { token: string; id: string }[] = [];
    for (let i = 0; i < 105; i++)
      made.push(await legacyToken("hoarder", new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString()));
    const [oldest, newest] = [made[0] as (typeof made)[0], made[104] as (typeof made)[0]];
    const listed = await ownTokens(newest.token);
    expect(listed.tokens).toHaveLength(105);
    expect(listed.tokens.map((t) => t.id)).toContain(oldest.id);

    const revoked = await revokeOwnToken(
      new Request(`${SITE}/api/tokens/${oldest.id}`, { method: "DELETE", headers: bearer(newest.token) }),
      { params: Promise.resolve({ id: oldest.id }) },
    );
    expect(revoked.status).toBe(204);
    expect(await works(oldest.token)).toBe(401);
  });

  it(`caps live tokens at ${MAX_TOKENS_PER_MEMBER} a person with a clear error, also when created at once`, async () => {
    const owner = { sub: "dave", email: "dave@onesheet.local" };
    const first = await createToken(owner, "first");
    for (let i = 1; i < MAX_TOKENS_PER_MEMBER; i++) await createToken(owner, `script ${i}`);
    await expect(createToken(owner, "one too many")).rejects.toMatchObject({ code: "token_limit", status: 409 });

    expect((await revokeAs("dave", first.record.id, "admin")).status).toBe(204);
    await createToken(owner, "in the freed place");
    expect((await ownTokens(first.token)).tokens).toBeUndefined(); // revoked: 401 body

    const burst = { sub: "erin", email: "erin@onesheet.local" };
    const results = await Promise.allSettled(
      Array.from({ length: MAX_TOKENS_PER_MEMBER + 6 }, (_, i) => createToken(burst, `burst ${i}`)),
    );
    const made = results.filter((r) => r.status === "fulfilled");
    expect(made.length).toBeLessThanOrEqual(MAX_TOKENS_PER_MEMBER);
    const kept = await memberTokens("erin", "admin");
    expect(((await kept.json()) as { tokens: unknown[] }).tokens).toHaveLength(made.length);
  });

  it("refuses an expired token with the same 401 as a revoked one, and lists when each expires", async () => {
    const { token, record } = await createToken({ sub: "frank", email: "frank@onesheet.local" }, "weekly", {
      expiresInDays: 7,
    });
    const forever = await createToken({ sub: "frank", email: "frank@onesheet.local" }, "forever");
    expect(Date.parse(record.expiresAt ?? "") - Date.parse(record.createdAt)).toBe(7 * 86_400_000);
    expect(await works(token)).toBe(200);
    const listed = (await ownTokens(token)).tokens;
    expect(listed.find((t) => t.id === record.id)?.expiresAt).toBe(record.expiresAt);
    expect(listed.find((t) => t.id === forever.record.id)?.expiresAt).toBeNull();

    vi.useFakeTimers({ toFake: ["Date"], now: Date.parse(record.createdAt) + 7 * 86_400_000 + 1000 });
    const refused = await listPosters(new Request(`${SITE}/api/posters`, { headers: bearer(token) }), {});
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    expect(await works(forever.token)).toBe(200);
  });

  it("takes an expiry of 1 to 365 whole days, or none", () => {
    for (const ok of [
      { name: "a" },
      { name: "a", expiresInDays: null },
      { name: "a", expiresInDays: 1 },
      { name: "a", expiresInDays: 365 },
    ])
      expect(tokenCreateSchema.safeParse(ok).success).toBe(true);
    for (const bad of [0, 366, 1.5, "7"]) {
      const result = tokenCreateSchema.safeParse({ name: "a", expiresInDays: bad });
      expect(result.success).toBe(false);
    }
  });

  it("lets an admin list and revoke a member's tokens; other members get 403", async () => {
    const { token, record } = await createToken({ sub: "alice", email: "alice@onesheet.local" }, "alice's script");
    expect((await memberTokens("alice", "bob")).status).toBe(403);
    expect((await revokeAs("alice", record.id, "bob")).status).toBe(403);
    expect(await works(token)).toBe(200);

    expect((await memberTokens("alice", "alice")).status).toBe(200);
    const seen = (await (await memberTokens("alice", "admin")).json()) as { tokens: { id: string }[] };
    expect(seen.tokens.map((t) => t.id)).toContain(record.id);
    expect((await revokeAs("alice", record.id, "admin")).status).toBe(204);
    expect(await works(token)).toBe(401);
    expect((await revokeAs("alice", record.id, "admin")).status).toBe(404);
  });

  it("gives admin rights by email to a token only when the member's email was verified at sign-in", async () => {
    const poster = (await client.createPoster({ prompt: "alice's, not for impostors" })).body;
    await upsertMember({ sub: "impostor", email: "admin@onesheet.local", name: "Impostor", emailVerified: false });
    const { token } = await createToken({ sub: "impostor", email: "admin@onesheet.local" }, "sneaky");
    const attempt = await deletePoster(
      new Request(`${SITE}/api/posters/${poster.id}`, { method: "DELETE", headers: bearer(token) }),
      { params: Promise.resolve({ id: poster.id }) },
    );
    expect(attempt.status).toBe(403);
    expect((await client.getPoster(poster.id)).status).toBe(200);
    // The verified admin (same address, verified at sign-in) still is one.
    await as("admin", async () => expect((await client.deletePoster(poster.id)).status).toBe(204));
  });
});
