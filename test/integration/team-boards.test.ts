import { describe, expect, it } from "vitest";
import { as, client } from "../support/api";
import { withLocalStack } from "../support/local-stack";
import { teamAs } from "../support/team";

// The team directory and team boards, through the real route handlers on the offline stack: a board's maker (or an
// admin) chooses its editors; editors add, remove and reorder its posters; everyone else only looks.
withLocalStack();

const alice = teamAs("alice");
const bob = teamAs("bob");
const carol = teamAs("carol");
const admin = teamAs("admin");

async function boardWith(name: string, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const made = await client.createPoster({ prompt: `${name} ${i}`, model: "stability.stable-image-core-v1:1" });
    expect(made.status).toBe(201);
    ids.push(made.body.id);
  }
  const board = (await client.createBoard(name)).body;
  for (const id of ids) expect((await client.addToBoard(board.id, id)).status).toBe(200);
  return { id: board.id as string, ids };
}

const reorder = (id: string, posterIds: string[], version: number) => client.patchBoard(id, { posterIds, version });

describe("GET /api/members", () => {
  it("lists the team by name with a handle each, and no emails", async () => {
    const reply = await bob.members();
    expect(reply.status).toBe(200);
    expect(reply.body.members).toEqual([
      { sub: "admin", name: "admin", handle: "admin" },
      { sub: "alice", name: "alice", handle: "alice" },
      { sub: "bob", name: "bob", handle: "bob" },
      { sub: "carol", name: "carol", handle: "carol" },
    ]);
    expect(JSON.stringify(reply.body)).not.toContain("@onesheet.local");
  });
});

describe("board editors", () => {
  it("only the board's maker (or an admin) adds and removes them, and only team members", async () => {
    const board = await boardWith("Editors chosen", 1);
    const refused = await bob.addEditor(board.id, "bob");
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");

    const added = await alice.addEditor(board.id, "bob");
    expect(added.status).toBe(200);
    expect(added.body.editors).toEqual([{ sub: "bob", name: "bob" }]);
    expect((await alice.addEditor(board.id, "bob")).body.editors).toHaveLength(1); // again: no change
    // An editor may arrange the posters, not choose the other editors.
    expect((await bob.addEditor(board.id, "carol")).status).toBe(403);

    const stranger = await alice.addEditor(board.id, "nobody-signed-in");
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.fields.memberSub).toMatch(/no team member/);
    const maker = await alice.addEditor(board.id, "alice");
    expect(maker.status).toBe(400);
    expect(maker.body.error.fields.memberSub).toMatch(/maker/);
    expect((await alice.addEditor(board.id, "")).status).toBe(400);
    expect((await alice.addEditor(board.id, 42)).body.error.fields.memberSub).toMatch(/Say who/);
    expect((await alice.addEditor("A".repeat(16), "bob")).status).toBe(404);

    // An admin may choose editors of anyone's board; the listing says who edits each board.
    expect((await admin.addEditor(board.id, "carol")).body.editors.map((e: { sub: string }) => e.sub)).toEqual([
      "bob",
      "carol",
    ]);
    const listed = (await client.listBoards()).body.boards.find((b: { id: string }) => b.id === board.id);
    expect(listed.editors.sort()).toEqual(["bob", "carol"]);

    expect((await bob.removeEditor(board.id, "carol")).status).toBe(403);
    const removed = await alice.removeEditor(board.id, "carol");
    expect(removed.status).toBe(200);
    expect(removed.body.editors).toEqual([{ sub: "bob", name: "bob" }]);
    expect((await alice.removeEditor(board.id, "carol")).status).toBe(200); // not an editor: no change
  });

  it("an editor reorders, adds and removes posters; a viewer is refused; an editor taken off is refused again", async () => {
    const board = await boardWith("Team board", 3);
    const [a, b, c] = board.ids as [string, string, string];
    const before = (await client.getBoard(board.id)).body;

    // Before being made an editor, bob only looks.
    expect((await as("bob", () => reorder(board.id, [c, b, a], before.version))).status).toBe(403);
    expect((await alice.addEditor(board.id, "bob")).status).toBe(200);

    const moved = await as("bob", () => reorder(board.id, [c, a, b], before.version));
    expect(moved.status).toBe(200);
    expect(moved.body.posters.map((p: { id: string }) => p.id)).toEqual([c, a, b]);
    // A stale order is still a conflict, for an editor as for the maker.
    expect((await as("bob", () => reorder(board.id, [a, b, c], before.version))).status).toBe(409);

    const bobs = await as("bob", () =>
      client.createPoster({ prompt: "bob's option", model: "stability.stable-image-core-v1:1" }),
    );
    const grown = await as("bob", () => client.addToBoard(board.id, bobs.body.id));
    expect(grown.status).toBe(200);
    expect(grown.body.posters).toHaveLength(4);
    const shrunk = await as("bob", () => client.removeFromBoard(board.id, a));
    expect(shrunk.status).toBe(200);
    expect(shrunk.body.posters.map((p: { id: string }) => p.id)).toEqual([c, b, bobs.body.id]);

    // Renaming, deleting and sharing stay the maker's.
    expect((await as("bob", () => client.patchBoard(board.id, { name: "Bob's now" }))).status).toBe(403);
    const renameAndReorder = await as("bob", () =>
      client.patchBoard(board.id, { name: "Bob's now", posterIds: [b, c, bobs.body.id], version: shrunk.body.version }),
    );
    expect(renameAndReorder.status).toBe(403);
    expect((await as("bob", () => client.deleteBoard(board.id))).status).toBe(403);
    expect((await as("bob", () => client.createShare({ boardId: board.id }))).status).toBe(403);

    // Carol is no editor: she views, and every change is refused.
    const now = (await as("carol", () => client.getBoard(board.id))).body;
    expect(now.posters).toHaveLength(3);
    expect((await as("carol", () => reorder(board.id, [b, c, bobs.body.id], now.version))).status).toBe(403);
    expect((await as("carol", () => client.addToBoard(board.id, a))).status).toBe(403);
    expect((await as("carol", () => client.removeFromBoard(board.id, b))).status).toBe(403);
    expect((await carol.addEditor(board.id, "carol")).status).toBe(403);

    // Taken off, bob is a viewer again.
    expect((await alice.removeEditor(board.id, "bob")).status).toBe(200);
    expect((await as("bob", () => reorder(board.id, [b, c, bobs.body.id], now.version))).status).toBe(403);
    expect((await as("bob", () => client.addToBoard(board.id, a))).status).toBe(403);
    expect((await client.getBoard(board.id)).body.posters.map((p: { id: string }) => p.id)).toEqual([
      c,
      b,
      bobs.body.id,
    ]);
  });

  it("tells a member they were made an editor, once", async () => {
    const board = await boardWith("Told", 0);
    await alice.addEditor(board.id, "carol");
    await alice.addEditor(board.id, "carol");
    const told = (await carol.notifications()).body.notifications.filter(
      (n: { kind: string; href: string }) => n.kind === "editor" && n.href === `/boards/${board.id}`,
    );
    expect(told).toHaveLength(1);
    expect(told[0].text).toBe("alice made you an editor of the board “Told”");
  });
});
