import { describe, expect, it } from "vitest";
import { POST as preview } from "@/app/api/posters/[id]/design/preview/route";
import { DELETE as removeDesign, PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { as, client } from "../support/api";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";

// The maker of a poster or board (or an admin) changes, shares and revokes it; the rest of the team views it.
withLocalStack();

const SITE = "http://studio.test";
const design = { template: "minimal", title: "Harbor Lights", scrim: 0 };
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const put = (id: string, who: MemberName) =>
  saveDesign(
    authed(`${SITE}/api/posters/${id}/design`, { method: "PUT", body: JSON.stringify(design) }, who),
    params(id),
  );
const remove = (id: string, who: MemberName) =>
  removeDesign(authed(`${SITE}/api/posters/${id}/design`, { method: "DELETE" }, who), params(id));
const previewAs = (id: string, who: MemberName) =>
  preview(
    authed(`${SITE}/api/posters/${id}/design/preview`, { method: "POST", body: JSON.stringify(design) }, who),
    params(id),
  );
const code = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

const alicesPoster = async (prompt: string) => {
  const reply = await client.createPoster({ prompt, model: "stability.stable-image-core-v1:1" });
  expect(reply.status).toBe(201);
  return reply.body.id as string;
};

describe("boards belong to their maker", () => {
  it("refuses another member's rename, reorder, add, remove and delete with 403, and changes nothing", async () => {
    const [a, b] = [await alicesPoster("own a"), await alicesPoster("own b")];
    const board = (await client.createBoard("Alice's picks")).body;
    await client.addToBoard(board.id, a);
    await client.addToBoard(board.id, b);
    await client.createShare({ boardId: board.id });

    await as("bob", async () => {
      const bobs = await alicesPoster("bob's own");
      const attempts = [
        await client.patchBoard(board.id, { name: "Bob was here" }),
        await client.patchBoard(board.id, { posterIds: [b, a], version: 2 }),
        await client.addToBoard(board.id, bobs),
        await client.removeFromBoard(board.id, a),
        await client.deleteBoard(board.id),
      ];
      for (const reply of attempts) {
        expect(reply.status).toBe(403);
        expect(reply.body.error.code).toBe("forbidden");
      }
      expect((await client.getBoard(board.id)).status).toBe(200); // viewing is open to the team
    });

    const after = (await client.getBoard(board.id)).body;
    expect(after).toMatchObject({ name: "Alice's picks", version: 2 });
    expect(after.posters.map((p: { id: string }) => p.id)).toEqual([a, b]);
    expect((await client.listShares(`boardId=${board.id}`)).body.shares).toHaveLength(1);

    // Missing boards still say so, to anyone.
    await as("bob", async () => {
      expect((await client.patchBoard("AAAAAAAAAAAAAAAA", { name: "x" })).status).toBe(404);
      expect((await client.deleteBoard("AAAAAAAAAAAAAAAA")).status).toBe(404);
    });
  });

  it("lets an admin change and delete anyone's board", async () => {
    const a = await alicesPoster("admin a");
    const board = (await client.createBoard("For the admin")).body;
    await as("admin", async () => {
      expect((await client.addToBoard(board.id, a)).status).toBe(200);
      expect((await client.patchBoard(board.id, { name: "Tidied" })).body.name).toBe("Tidied");
      expect((await client.removeFromBoard(board.id, a)).status).toBe(200);
      expect((await client.deleteBoard(board.id)).status).toBe(204);
    });
  });
});

describe("poster designs belong to the poster's maker", () => {
  it("refuses another member's save or removal with 403; previews stay open", async () => {
    const id = await alicesPoster("designed by alice");
    expect((await put(id, "alice")).status).toBe(200);
    const before = (await client.getPoster(id)).body;

    const denied = await put(id, "bob");
    expect(denied.status).toBe(403);
    expect(await code(denied)).toBe("forbidden");
    const removal = await remove(id, "bob");
    expect(removal.status).toBe(403);
    expect((await previewAs(id, "bob")).status).toBe(200);
    expect((await client.getPoster(id)).body.design).toEqual(before.design);

    expect((await put(id, "admin")).status).toBe(200);
    expect((await remove(id, "admin")).status).toBe(204);
  });
});

describe("share links", () => {
  it("only the target's maker or an admin creates links to it or lists them", async () => {
    const id = await alicesPoster("not bob's to share");
    const board = (await client.createBoard("Not bob's either")).body;
    const mine = (await client.createShare({ posterId: id, showPrompt: true })).body;

    await as("bob", async () => {
      for (const target of [{ posterId: id }, { boardId: board.id }]) {
        const reply = await client.createShare({ ...target, showPrompt: true });
        expect(reply.status).toBe(403);
        expect(reply.body.error.code).toBe("forbidden");
      }
      const listing = await client.listShares(`posterId=${id}`);
      expect(listing.status).toBe(403);
      expect(JSON.stringify(listing.body)).not.toContain(mine.token);
      expect((await client.listShares(`boardId=${board.id}`)).status).toBe(403);
    });

    await as("admin", async () => {
      expect((await client.listShares(`posterId=${id}`)).body.shares).toHaveLength(1);
      expect((await client.createShare({ posterId: id })).status).toBe(201);
    });
    expect((await client.listShares(`posterId=${id}`)).body.shares).toHaveLength(2);
  });

  it("lets the target's maker revoke any link to it, the link's maker theirs, and nobody else", async () => {
    const id = await alicesPoster("links by others");
    const byAdmin = (await as("admin", () => client.createShare({ posterId: id }))).body;
    const byAlice = (await client.createShare({ posterId: id })).body;

    await as("bob", async () => {
      expect((await client.revokeShare(byAdmin.token)).status).toBe(403);
      expect((await client.revokeShare(byAlice.token)).status).toBe(403);
    });
    expect((await client.revokeShare(byAdmin.token)).status).toBe(204); // alice, the poster's maker
    expect((await client.listShares(`posterId=${id}`)).body.shares).toHaveLength(1);

    // Bob's link to his own board: alice, who made neither, can't revoke it; bob can.
    const bobsBoard = (await as("bob", () => client.createBoard("Bob's board"))).body;
    const bobsLink = (await as("bob", () => client.createShare({ boardId: bobsBoard.id }))).body;
    expect((await client.revokeShare(bobsLink.token)).status).toBe(403);
    expect((await as("bob", () => client.revokeShare(bobsLink.token))).status).toBe(204);
  });
});
