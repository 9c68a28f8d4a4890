import { describe, expect, it } from "vitest";
import { resolveShare, sharedImageUrl } from "@/lib/shares";
import { createShare } from "@/lib/store/shares";
import { as, client } from "../support/api";
import { clock } from "../support/clock";
import { withLocalStack } from "../support/local-stack";
import { reviewer, team } from "../support/reviews";

// Review and approval on shared links, through the real route handlers, against the offline stack.
const stack = withLocalStack();

const poster = async (prompt: string) => {
  const reply = await client.createPoster({ prompt, model: "stability.stable-image-core-v1:1" });
  expect(reply.status).toBe(201);
  return reply.body.id as string;
};

async function boardOf(name: string, count: number) {
  const ids = [];
  for (let i = 0; i < count; i++) ids.push(await poster(`${name} option ${i}`));
  const board = (await client.createBoard(name)).body;
  for (const id of ids) await client.addToBoard(board.id, id);
  return { boardId: board.id as string, ids };
}

const reviewLink = async (boardId: string, extra: object = {}) => {
  const reply = await client.createShare({ boardId, review: true, ...extra });
  expect(reply.status).toBe(201);
  return reply.body.token as string;
};

let address = 1;
/** A fresh client address, so the per-address limit of one test doesn't spill into another. */
const fresh = () => ({ "x-forwarded-for": `10.1.${Math.floor(address / 250)}.${address++ % 250}` });

describe("review links", () => {
  it("take reviews, list only their own, and set the poster's status with who and when", async () => {
    const { boardId, ids } = await boardOf("Status", 2);
    const [a, b] = ids as [string, string];
    expect((await client.getPoster(a)).body.status).toBe("draft");
    const token = await reviewLink(boardId);
    const other = await reviewLink(boardId);
    const sent = (await client.getPoster(a)).body;
    expect(sent).toMatchObject({ status: "in_review", statusBy: "alice" });

    const approve = await reviewer.post(token, { posterId: b, name: "Dana (VP)", verdict: "approve" }, fresh());
    expect(approve.status).toBe(201);
    expect(approve.body).toMatchObject({ posterId: b, label: "B", name: "Dana (VP)", verdict: "approve" });
    const pinned = { posterId: a, name: "Dana (VP)", comment: "Bigger title here", pin: { x: 0.25, y: 0.75 } };
    expect((await reviewer.post(token, pinned, fresh())).status).toBe(201);
    expect((await client.getPoster(b)).body).toMatchObject({ status: "approved", statusBy: "Dana (VP)" });
    expect((await client.getPoster(a)).body.status).toBe("in_review"); // a comment alone decides nothing

    await reviewer.post(other, { posterId: b, name: "Sam", verdict: "changes", comment: "Too dark" }, fresh());
    const latest = (await client.getPoster(b)).body;
    expect(latest).toMatchObject({ status: "changes_requested", statusBy: "Sam" });
    expect(Date.parse(latest.statusAt)).toBeGreaterThan(Date.now() - 60_000);

    const mine = (await reviewer.list(token)).body.reviews;
    expect(mine.map((r: { label: string }) => r.label)).toEqual(["A", "B"]); // newest first
    expect(mine[0].pin).toEqual({ x: 0.25, y: 0.75 });
    expect(JSON.stringify(mine)).not.toContain("Sam");
    expect((await reviewer.list(other)).body.reviews).toHaveLength(1);

    const onBoard = (await team.boardReviews(boardId)).body.reviews;
    expect(onBoard).toHaveLength(3);
    expect(onBoard[0]).toMatchObject({ name: "Sam", boardId, boardName: "Status" });
    expect(JSON.stringify(onBoard)).not.toContain(token);
    expect(
      (await client.listPosters("?status=changes_requested")).body.posters.map((p: { id: string }) => p.id),
    ).toEqual([b]);
    expect((await client.listPosters("?status=in_review")).body.posters.map((p: { id: string }) => p.id)).toContain(a);
    expect((await client.listPosters("?status=nope")).status).toBe(400);
  });

  it("refuse reviews on links that only show (403), and unknown, revoked, expired links (404)", async () => {
    const { boardId, ids } = await boardOf("Refusals", 1);
    const body = { posterId: ids[0], name: "Dana", verdict: "approve" };
    const plain = (await client.createShare({ boardId })).body.token;
    expect((await reviewer.post(plain, body, fresh())).status).toBe(403);
    expect((await reviewer.post(plain, body, fresh())).body.error.code).toBe("review_not_allowed");
    expect((await reviewer.list(plain)).status).toBe(403);
    expect((await reviewer.post("A".repeat(32), body, fresh())).status).toBe(404);
    expect((await reviewer.post("nonsense", body, fresh())).status).toBe(404);

    const revoked = await reviewLink(boardId);
    expect((await reviewer.post(revoked, body, fresh())).status).toBe(201);
    expect((await client.revokeShare(revoked)).status).toBe(204);
    expect((await reviewer.post(revoked, body, fresh())).status).toBe(404);
    expect((await reviewer.list(revoked)).status).toBe(404);
    // The team keeps what came back before the link was revoked.
    expect((await team.boardReviews(boardId)).body.reviews).toHaveLength(1);

    const expired = await createShare({
      target: "board",
      targetId: boardId,
      showPrompt: false,
      createdBy: "alice",
      review: true,
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect((await reviewer.post(expired.token, body, fresh())).status).toBe(404);
    expect((await reviewer.list(expired.token)).status).toBe(404);

    const poster = await client.createShare({ posterId: ids[0], review: true });
    expect(poster.status).toBe(400);
    expect(poster.body.error.fields.review).toMatch(/boards/);
  });

  it("refuse posters that aren't on the link's board, and never show other boards", async () => {
    const { boardId } = await boardOf("Mine", 1);
    const { ids: elsewhere } = await boardOf("Elsewhere", 1);
    const token = await reviewLink(boardId);
    const wrong = await reviewer.post(token, { posterId: elsewhere[0], name: "Dana", verdict: "approve" }, fresh());
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe("poster_not_on_link");
    expect((await client.getPoster(elsewhere[0] as string)).body.status).toBe("draft");
    expect((await team.boardReviews("A".repeat(16))).status).toBe(404);
  });

  it("treat reviewer text as untrusted: caps, control and bidi characters, HTML kept as text", async () => {
    const { boardId, ids } = await boardOf("Untrusted", 1);
    const token = await reviewLink(boardId);
    const posterId = ids[0];
    const long = await reviewer.post(token, { posterId, name: "Dana", comment: "x".repeat(2001) }, fresh());
    expect(long.status).toBe(400);
    expect(long.body.error.fields.comment).toMatch(/2,000/);
    const name = await reviewer.post(token, { posterId, name: "n".repeat(61), verdict: "approve" }, fresh());
    expect(name.body.error.fields.name).toMatch(/60/);
    expect((await reviewer.post(token, { posterId, name: "  ", verdict: "approve" }, fresh())).status).toBe(400);
    expect((await reviewer.post(token, { posterId, name: "Dana" }, fresh())).body.error.fields.comment).toBeDefined();
    const badPin = { posterId, name: "Dana", comment: "here", pin: { x: 1.5, y: 0 } };
    expect((await reviewer.post(token, badPin, fresh())).status).toBe(400);
    expect((await reviewer.post(token, { posterId, name: "D", verdict: "maybe" }, fresh())).status).toBe(400);
    expect((await reviewer.post(token, "{", fresh())).body.error.code).toBe("invalid_json");
    const huge = JSON.stringify({ posterId, name: "Dana", comment: "y".repeat(70_000) });
    expect((await reviewer.post(token, huge, fresh())).status).toBe(413);

    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const sneaky = { posterId, name: "Da\u202Ena\u0007", comment: `${html}\u2066 ok`, verdict: "changes" };
    const saved = await reviewer.post(token, sneaky, fresh());
    expect(saved.status).toBe(201);
    expect(saved.body.name).toBe("Dana");
    expect(saved.body.comment).toBe(`${html} ok`); // stored as text; React escapes it wherever it is shown
    expect((await reviewer.list(token)).body.reviews).toHaveLength(1); // nothing written by the refusals
  });

  it("accept the share page's own Origin or none, and refuse another site's", async () => {
    const { boardId, ids } = await boardOf("Origins", 1);
    const token = await reviewLink(boardId);
    const body = { posterId: ids[0], name: "Dana", verdict: "approve" };
    const evil = await reviewer.post(token, body, { ...fresh(), origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe("bad_origin");
    expect((await reviewer.post(token, body, { ...fresh(), origin: "http://studio.test" })).status).toBe(201);
  });

  it("answer floods with 429, per address and per link", async () => {
    const { boardId, ids } = await boardOf("Flood", 1);
    const token = await reviewLink(boardId);
    const body = { posterId: ids[0], name: "Bot", comment: "spam" };
    // Counts are per clock minute: start 1 s into one (the test's clock jumps there), so the whole flood lands in the
    // same minute.
    clock.jumpIntoNext(60_000, 1000);
    const one = fresh();
    const fromOne = await Promise.all(Array.from({ length: 21 }, () => reviewer.post(token, body, one)));
    expect(fromOne.filter((r) => r.status === 201)).toHaveLength(20);
    const limited = fromOne.find((r) => r.status === 429);
    expect(limited?.body.error.code).toBe("rate_limited");
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);

    // Many addresses on one link: the link's own budget (60 a minute, 20 already spent) runs out.
    const many = await Promise.all(Array.from({ length: 41 }, () => reviewer.post(token, body, fresh())));
    expect(many.filter((r) => r.status === 201)).toHaveLength(40);
    expect(many.filter((r) => r.status === 429)).toHaveLength(1);
    // Another link is unaffected.
    expect((await reviewer.post(await reviewLink(boardId), body, fresh())).status).toBe(201);
  }, 60_000);
});

describe("as sent (snapshot) and live links", () => {
  it("keep the order, labels, name and composed images of the moment they were sent", async () => {
    const { boardId, ids } = await boardOf("Teaser options", 2);
    const [a, b] = ids as [string, string];
    const sent = await reviewLink(boardId, { snapshot: true });
    const live = await reviewLink(boardId);
    const bytes = async (token: string, posterId: string) =>
      Buffer.from(await (await fetch((await sharedImageUrl(token, { posterId })) as string)).arrayBuffer());
    const before = await bytes(sent, a);

    // Later edits: a design on A, the board renamed and reordered, then B taken off it.
    expect((await team.saveDesign(a, { template: "minimal", title: "Midnight" })).status).toBe(200);
    const board = (await client.getBoard(boardId)).body;
    await client.patchBoard(boardId, { name: "Renamed", posterIds: [b, a], version: board.version });
    await client.removeFromBoard(boardId, b);

    const snapshot = await resolveShare(sent);
    expect(snapshot).toMatchObject({ title: "Teaser options", snapshot: true, review: true, sharedBy: "alice" });
    expect(snapshot?.posters.map((p) => [p.id, p.label])).toEqual([
      [a, "A"],
      [b, "B"],
    ]);
    expect((await bytes(sent, a)).equals(before)).toBe(true);
    expect((await bytes(live, a)).equals(before)).toBe(false); // the live link shows the design

    const current = await resolveShare(live);
    expect(current).toMatchObject({ title: "Renamed", snapshot: false });
    expect(current?.posters.map((p) => [p.id, p.label])).toEqual([[a, "A"]]);
    // B is still on the board as sent, so it can be reviewed there, but not on the live link.
    expect((await reviewer.post(sent, { posterId: b, name: "Dana", verdict: "approve" }, fresh())).status).toBe(201);
    expect((await reviewer.post(live, { posterId: b, name: "Dana", verdict: "approve" }, fresh())).status).toBe(404);

    // Revoking the link removes its copies; the posters' own files stay.
    const copies = (keys: string[]) => keys.filter((k) => k.startsWith(`shares/${sent}/`));
    expect(copies(await stack.objectKeys())).toHaveLength(4);
    expect((await client.revokeShare(sent)).status).toBe(204);
    expect(copies(await stack.objectKeys())).toEqual([]);
    expect((await client.getPoster(a)).status).toBe(200);
  });

  it("lets the team read every review newest first, since a time, in pages", async () => {
    const { boardId, ids } = await boardOf("Inbox", 1);
    const token = await reviewLink(boardId);
    const since = new Date().toISOString();
    for (const word of ["one", "two", "three"]) {
      await reviewer.post(token, { posterId: ids[0], name: "Dana", comment: word }, fresh());
    }
    const first = (await team.reviews(`?since=${since}&limit=2`)).body;
    expect(first.reviews.map((r: { comment: string }) => r.comment)).toEqual(["three", "two"]);
    const rest = (await team.reviews(`?since=${since}&limit=2&cursor=${first.nextCursor}`)).body;
    expect(rest.reviews.map((r: { comment: string }) => r.comment)).toEqual(["one"]);
    expect(rest.nextCursor).toBeNull();
    expect((await team.reviews("?since=yesterday")).status).toBe(400);
    expect((await as("bob", () => team.reviews())).status).toBe(200);
  });
});
