import { describe, expect, it } from "vitest";
import { POST as packRoute } from "@/app/api/posters/[id]/pack/route";
import { COMMENT_MAX } from "@/lib/comments/schema";
import { as, client } from "../support/api";
import { waitFor, withJobWorker } from "../support/jobs";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";
import { reviewer } from "../support/reviews";
import { teamAs } from "../support/team";

// Comments inside the team and the notifications they raise, through the real route handlers on the offline stack:
// threads with replies, resolve and reopen, @mentions of members only, capped plain text, reviewers' comments from
// review links in the same threads, and a finished job telling whoever asked.
withLocalStack();
withJobWorker();

const alice = teamAs("alice");
const bob = teamAs("bob");
const carol = teamAs("carol");
const admin = teamAs("admin");

// biome-ignore lint/suspicious/noExplicitAny: JSON under test
type Json = any;

const poster = async (prompt = "a harbor at night", who: MemberName = "alice") => {
  const made = await as(who, () => client.createPoster({ prompt, model: "stability.stable-image-core-v1:1" }));
  expect(made.status).toBe(201);
  return made.body.id as string;
};

const threadsOf = async (query: string, who = alice) => {
  const reply = await who.threads(query);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.threads as Json[];
};

const noticesOf = async (who: ReturnType<typeof teamAs>, query = "") =>
  (await who.notifications(query)).body.notifications as Json[];

/** Notifications of one kind about one thing (each test's own posters and boards keep them apart). */
const about = (notices: Json[], kind: string, path: string) =>
  notices.filter((n) => n.kind === kind && n.href.startsWith(path));

describe("threads", () => {
  it("a comment with a pin, replies in order; a reply of a reply, a pinned reply or a board pin is refused", async () => {
    const id = await poster();
    const first = await bob.comment({ posterId: id, body: "The title is too low", pin: { x: 0.5, y: 0.8 } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      posterId: id,
      author: { sub: "bob", name: "bob", outside: false },
      body: "The title is too low",
      pin: { x: 0.5, y: 0.8 },
      mentions: [],
    });
    const reply = await alice.comment({ posterId: id, body: "Moving it up", parentId: first.body.id });
    expect(reply.status).toBe(201);
    expect((await carol.comment({ posterId: id, body: "Agreed", parentId: first.body.id })).status).toBe(201);
    await alice.comment({ posterId: id, body: "A second thread" });

    const threads = await threadsOf(`posterId=${id}`);
    expect(threads.map((t) => t.body)).toEqual(["The title is too low", "A second thread"]);
    expect(threads[0].replies.map((r: Json) => [r.author.name, r.body, r.parentId])).toEqual([
      ["alice", "Moving it up", first.body.id],
      ["carol", "Agreed", first.body.id],
    ]);
    expect(threads[0]).toMatchObject({ resolved: false, mayResolve: true });

    const deeper = await carol.comment({ posterId: id, body: "Nested?", parentId: reply.body.id });
    expect(deeper.status).toBe(400);
    expect(deeper.body.error.fields.parentId).toMatch(/first comment/);
    const pinnedReply = await carol.comment({
      posterId: id,
      body: "Here",
      parentId: first.body.id,
      pin: { x: 0, y: 0 },
    });
    expect(pinnedReply.body.error.fields.pin).toMatch(/reply has no pin/);
    const boardId = (await client.createBoard("Pinless")).body.id;
    const boardPin = await carol.comment({ boardId, body: "Here", pin: { x: 0.1, y: 0.1 } });
    expect(boardPin.body.error.fields.pin).toMatch(/board/);
    expect((await carol.comment({ posterId: id, body: "x", pin: { x: 1.5, y: 0 } })).status).toBe(400);

    // Threads belong to what they are on.
    const other = await poster("another poster");
    const elsewhere = await carol.comment({ posterId: other, body: "Wrong place", parentId: first.body.id });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.code).toBe("comment_not_found");
    expect((await carol.comment({ posterId: id, body: "?", parentId: "A".repeat(16) })).status).toBe(404);
    expect((await carol.comment({ posterId: "A".repeat(16), body: "?" })).status).toBe(404);
    expect((await carol.comment({ boardId: "A".repeat(16), body: "?" })).body.error.code).toBe("board_not_found");
    expect((await carol.comment({ posterId: id, boardId, body: "both" })).body.error.fields.posterId).toMatch(/or/);
    expect((await carol.comment({ posterId: id, body: "?", color: "red" })).body.error.fields.color).toMatch(/Unknown/);
    expect((await threadsOf(`posterId=${id}`))[0].replies).toHaveLength(2);
    expect((await alice.threads("")).status).toBe(400);
  });

  it("resolve and reopen: whoever started it, the maker, a board's editors, an admin; nobody else", async () => {
    const id = await poster();
    const thread = (await bob.comment({ posterId: id, body: "Logo is blurry" })).body;
    const reply = (await carol.comment({ posterId: id, body: "Yes", parentId: thread.id })).body;

    const refused = await carol.resolve(thread.id, { resolved: true });
    expect(refused.status).toBe(403);
    expect((await threadsOf(`posterId=${id}`, carol))[0].mayResolve).toBe(false);

    const resolved = await bob.resolve(thread.id, { resolved: true });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id: thread.id, resolved: true, resolvedBy: "bob" });
    expect(resolved.body.replies).toHaveLength(1);
    expect(Date.parse(resolved.body.resolvedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await threadsOf(`posterId=${id}`))[0]).toMatchObject({ resolved: true, resolvedBy: "bob" });

    const reopened = await alice.resolve(thread.id, { resolved: false }); // the poster's maker
    expect(reopened.status).toBe(200);
    expect(reopened.body.resolved).toBe(false);
    expect(reopened.body.resolvedBy).toBeUndefined();
    expect((await admin.resolve(thread.id, { resolved: true })).body.resolvedBy).toBe("admin");

    expect((await alice.resolve(reply.id, { resolved: true })).body.error.fields.resolved).toMatch(/first comment/);
    expect((await alice.resolve("A".repeat(16), { resolved: true })).status).toBe(404);
    expect((await alice.resolve(thread.id, { resolved: "yes" })).body.error.fields.resolved).toMatch(/true/);

    // On a board, its editors may resolve too.
    const boardId = (await client.createBoard("Resolvable")).body.id;
    const onBoard = (await alice.comment({ boardId, body: "Which one leads?" })).body;
    expect((await carol.resolve(onBoard.id, { resolved: true })).status).toBe(403);
    await alice.addEditor(boardId, "carol");
    expect((await carol.resolve(onBoard.id, { resolved: true })).status).toBe(200);
  });

  it("bodies are plain text: capped, never empty, control and bidi characters removed, markup kept as typed", async () => {
    const id = await poster();
    const longest = await alice.comment({ posterId: id, body: "x".repeat(COMMENT_MAX) });
    expect(longest.status).toBe(201);
    const over = await alice.comment({ posterId: id, body: "x".repeat(COMMENT_MAX + 1) });
    expect(over.status).toBe(400);
    expect(over.body.error.fields.body).toBe("Keep the comment under 2,000 characters.");
    expect((await alice.comment({ posterId: id, body: "  \n " })).body.error.fields.body).toMatch(/Write a comment/);
    expect((await alice.comment({ posterId: id })).body.error.fields.body).toMatch(/Write a comment/);

    const markup = '<img src=x onerror="alert(1)"> & <b>bold</b>';
    const sneaky = `${markup}\u202e\u0007 tail\r\nnext`;
    const made = await alice.comment({ posterId: id, body: sneaky });
    expect(made.body.body).toBe(`${markup} tail\nnext`);
    const listed = (await threadsOf(`posterId=${id}`)).at(-1);
    expect(listed.body).toBe(`${markup} tail\nnext`);
    expect((await threadsOf(`posterId=${id}`)).map((t) => t.body.length)).toEqual([COMMENT_MAX, listed.body.length]);
  });
});

describe("mentions and notifications", () => {
  it("a mention raises one notification, for the mentioned member only", async () => {
    const id = await poster("mention poster");
    const since = new Date().toISOString();
    const made = await alice.comment({ posterId: id, body: "@carol can you check the billing? cc dana@agency.com" });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.mentions).toEqual([{ sub: "carol", handle: "carol", name: "carol" }]);

    const carols = about(await noticesOf(carol), "mention", `/posters/${id}`);
    expect(carols).toHaveLength(1);
    expect(carols[0]).toMatchObject({
      kind: "mention",
      read: false,
      text: "alice mentioned you on a poster",
      excerpt: "@carol can you check the billing? cc dana@agency.com",
      href: `/posters/${id}#comment-${made.body.id}`,
    });
    for (const other of [alice, bob, admin]) {
      expect((await noticesOf(other, `?since=${since}`)).filter((n) => n.href.startsWith(`/posters/${id}`))).toEqual(
        [],
      );
    }
  });

  it("a mention of anyone not on the team is refused naming them, and nothing is written", async () => {
    const id = await poster();
    const refused = await alice.comment({ posterId: id, body: "@carol and @zed and @Yolanda: thoughts?" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("invalid_input");
    expect(refused.body.error.fields.body).toMatch(/^@zed and @yolanda aren't anyone on the team/);
    expect(await threadsOf(`posterId=${id}`)).toEqual([]);
    expect(about(await noticesOf(carol), "mention", `/posters/${id}`)).toEqual([]);
    const one = await alice.comment({ posterId: id, body: "ask @zed." });
    expect(one.body.error.fields.body).toMatch(/^@zed isn't anyone on the team/);
  });

  it("a reply tells the thread's people, except whoever wrote it; mentioned, they hear once", async () => {
    const id = await poster("reply poster");
    const thread = (await bob.comment({ posterId: id, body: "Too dark?" })).body;
    await carol.comment({ posterId: id, body: "A bit", parentId: thread.id });
    await alice.comment({ posterId: id, body: "@carol brightening it", parentId: thread.id });
    await bob.comment({ posterId: id, body: "Thanks", parentId: thread.id });

    const path = `/posters/${id}`;
    expect(about(await noticesOf(bob), "reply", path)).toHaveLength(2); // carol's and alice's, not his own
    expect(about(await noticesOf(carol), "reply", path)).toHaveLength(1); // bob's; alice's mentioned her instead
    expect(about(await noticesOf(carol), "mention", path)).toHaveLength(1);
    expect(about(await noticesOf(alice), "reply", path)).toHaveLength(1); // bob's, after hers
    expect(about(await noticesOf(admin), "reply", path)).toHaveLength(0);
    expect(about(await noticesOf(bob), "reply", path)[0].text).toBe("alice replied in a thread on a poster");
    // Her own comments tell nobody about themselves: a member mentioning themselves isn't told either.
    await alice.comment({ posterId: id, body: "note to self @alice" });
    expect(about(await noticesOf(alice), "mention", path)).toHaveLength(0);
  });

  it("?since= lists only newer ones; marking read by id or all; another's ids are refused", async () => {
    const id = await poster("read poster");
    await alice.comment({ posterId: id, body: "@bob one" });
    const middle = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await alice.comment({ posterId: id, body: "@bob two" });
    await alice.comment({ posterId: id, body: "@bob three" });
    const newer = await noticesOf(bob, `?since=${middle}`);
    expect(newer.map((n) => n.excerpt)).toEqual(["@bob three", "@bob two"]);
    expect((await bob.notifications("?since=yesterday")).status).toBe(400);
    expect((await bob.notifications("?limit=0")).status).toBe(400);

    const page = (await bob.notifications("?limit=2")).body;
    expect(page.notifications).toHaveLength(2);
    const rest = (await bob.notifications(`?limit=2&cursor=${page.nextCursor}`)).body;
    expect(rest.notifications[0].excerpt).toBe("@bob one");
    expect((await bob.notifications("?cursor=garbage")).body.error.code).toBe("invalid_cursor");

    const unread = page.unread as number;
    expect(unread).toBeGreaterThanOrEqual(3);
    const marked = await bob.markRead({ ids: [newer[0].id] });
    expect(marked.status).toBe(200);
    expect(marked.body.unread).toBe(unread - 1);
    expect((await noticesOf(bob, `?since=${middle}`)).map((n) => n.read)).toEqual([true, false]);

    const alices = (await noticesOf(alice))[0];
    const theirs = await bob.markRead({ ids: [alices?.id ?? "A".repeat(16)] });
    expect(theirs.status).toBe(400);
    expect(theirs.body.error.fields.ids).toMatch(/No notification of yours/);
    expect((await bob.markRead({ ids: [] })).status).toBe(400);
    expect((await bob.markRead({ everything: true })).status).toBe(400);

    expect((await bob.markRead({ all: true })).body.unread).toBe(0);
    expect((await bob.notifications()).body.notifications.every((n: Json) => n.read)).toBe(true);
  });
});

describe("reviewers' comments", () => {
  it("appear in the poster's threads as an outside reviewer's; the team replies and resolves; the board's people hear", async () => {
    const id = await poster("reviewed poster");
    const boardId = (await client.createBoard("Sent for review")).body.id;
    await client.addToBoard(boardId, id);
    await alice.addEditor(boardId, "bob");
    const token = (await client.createShare({ boardId, review: true })).body.token;

    const pinned = {
      posterId: id,
      name: "Dana (agency)",
      verdict: "changes",
      comment: "Bigger title",
      pin: { x: 0.3, y: 0.2 },
    };
    expect((await reviewer.post(token, pinned, { "x-forwarded-for": "10.9.0.1" })).status).toBe(201);
    expect(
      (await reviewer.post(token, { posterId: id, name: "Sam", verdict: "approve" }, { "x-forwarded-for": "10.9.0.2" }))
        .status,
    ).toBe(201);

    const [thread, ...others] = await threadsOf(`posterId=${id}`);
    expect(others).toEqual([]); // a verdict alone starts no thread
    expect(thread).toMatchObject({
      author: { name: "Dana (agency)", outside: true },
      body: "Bigger title",
      pin: { x: 0.3, y: 0.2 },
      review: { label: "A", boardId, boardName: "Sent for review", verdict: "changes" },
      resolved: false,
      mayResolve: true,
    });
    expect(thread.author.sub).toBeUndefined();
    expect(JSON.stringify(thread)).not.toContain(token);

    expect((await alice.comment({ posterId: id, body: "Done in v2", parentId: thread.id })).status).toBe(201);
    expect((await bob.resolve(thread.id, { resolved: false })).status).toBe(403); // an editor of the board, not of the poster
    expect((await alice.resolve(thread.id, { resolved: true })).body.resolved).toBe(true);

    // The board's maker and its editor hear of both reviews; nobody else does.
    for (const who of [alice, bob]) {
      const reviews = (await noticesOf(who)).filter((n) => n.kind === "review" && n.text.includes("Sent for review"));
      expect(reviews.map((n) => n.text).sort()).toEqual([
        "Dana (agency) (reviewer) asked for changes to option A of “Sent for review”",
        "Sam (reviewer) approved option A of “Sent for review”",
      ]);
      expect(reviews.find((n) => n.excerpt)?.href).toBe(`/posters/${id}#comment-${thread.id}`);
    }
    expect((await noticesOf(carol)).filter((n) => n.kind === "review" && n.text.includes("Sent for review"))).toEqual(
      [],
    );
  });
});

describe("jobs", () => {
  it("a finished format pack tells whoever asked for it, once", async () => {
    const id = await poster("pack poster");
    const response = await packRoute(
      authed(`http://studio.test/api/posters/${id}/pack`, {
        method: "POST",
        body: JSON.stringify({ formats: ["one-sheet"] }),
      }),
      { params: Promise.resolve({ id }) },
    );
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    const told = await waitFor(
      async () => (await noticesOf(alice)).filter((n) => n.kind === "job" && n.href === `/posters/${id}#pack`),
      (found) => found.length > 0,
    );
    expect(told).toHaveLength(1);
    expect(told[0].text).toBe("Your format pack is ready");
    expect(jobId).toMatch(/^[\w-]{16}$/);
    expect((await noticesOf(bob)).filter((n) => n.kind === "job")).toEqual([]);
  });
});
