import { describe, expect, it } from "vitest";
import { resolveShare, sharedImageUrl } from "@/lib/shares";
import { createShare, SHARE_TOKEN } from "@/lib/store/shares";
import { client } from "../support/api";
import { withLocalStack } from "../support/local-stack";

// Boards and share links through the real route handlers, against the offline stack.
withLocalStack();

const poster = async (prompt: string) => {
  const reply = await client.createPoster({ prompt, model: "stability.stable-image-core-v1:1" });
  expect(reply.status).toBe(201);
  return reply.body.id as string;
};

describe("boards", () => {
  it("keeps posters in order, allows a poster on several boards, and never deletes posters with a board", async () => {
    const [a, b, c] = [await poster("board a"), await poster("board b"), await poster("board c")];
    const one = (await client.createBoard("Midnight Harbor — teaser options")).body;
    const two = (await client.createBoard("Second campaign")).body;
    for (const id of [a, b, c]) await client.addToBoard(one.id, id);
    await client.addToBoard(two.id, a);
    await client.addToBoard(one.id, a); // already there: no duplicate

    let board = (await client.getBoard(one.id)).body;
    expect(board.posters.map((p: { id: string }) => p.id)).toEqual([a, b, c]);

    board = (await client.patchBoard(one.id, { posterIds: [c, a, b], version: board.version })).body;
    expect(board.posters.map((p: { id: string }) => p.id)).toEqual([c, a, b]);
    board = (await client.removeFromBoard(one.id, a)).body;
    expect(board.posters.map((p: { id: string }) => p.id)).toEqual([c, b]);
    board = (await client.patchBoard(one.id, { name: "  Renamed  " })).body;
    expect(board.name).toBe("Renamed");

    expect((await client.deleteBoard(one.id)).status).toBe(204);
    expect((await client.getBoard(one.id)).status).toBe(404);
    for (const id of [a, b, c]) expect((await client.getPoster(id)).status).toBe(200);
    expect((await client.getBoard(two.id)).body.posters).toHaveLength(1);
  });

  it("loses no poster when many are added at once", async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => poster(`concurrent ${i}`)));
    const board = (await client.createBoard("Concurrent adds")).body;
    const replies = await Promise.all(ids.map((id) => client.addToBoard(board.id, id)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const after = (await client.getBoard(board.id)).body;
    expect([...after.posters.map((p: { id: string }) => p.id)].sort()).toEqual([...ids].sort());
    expect(after.version).toBe(8);
  });

  it("refuses a reorder made from a stale version or with other posters (409), and bad names (400)", async () => {
    const [a, b] = [await poster("stale a"), await poster("stale b")];
    const board = (await client.createBoard("Stale")).body;
    await client.addToBoard(board.id, a);
    await client.addToBoard(board.id, b);
    expect((await client.patchBoard(board.id, { posterIds: [b, a], version: 0 })).status).toBe(409);
    expect((await client.patchBoard(board.id, { posterIds: [a], version: 2 })).status).toBe(409);
    expect((await client.patchBoard(board.id, { posterIds: [b, a] })).body.error.fields.version).toBeDefined();
    // A rename with a refused reorder is refused with it: one write, both or neither.
    expect((await client.patchBoard(board.id, { name: "Renamed", posterIds: [b, a], version: 0 })).status).toBe(409);
    expect((await client.getBoard(board.id)).body.name).toBe("Stale");
    const both = await client.patchBoard(board.id, { name: "Renamed", posterIds: [b, a], version: 2 });
    expect(both.body).toMatchObject({ name: "Renamed", version: 3 });
    expect(both.body.posters.map((p: { id: string }) => p.id)).toEqual([b, a]);
    const blank = await client.createBoard("   ");
    expect(blank.status).toBe(400);
    expect(blank.body.error.fields).toEqual({ name: "Name the board." });
    expect((await client.addToBoard(board.id, "nope")).status).toBe(404);
  });

  it("drops a deleted poster from its boards", async () => {
    const [a, b] = [await poster("vanish a"), await poster("vanish b")];
    const board = (await client.createBoard("Vanishing")).body;
    await client.addToBoard(board.id, a);
    await client.addToBoard(board.id, b);
    await client.deletePoster(a);
    expect((await client.getBoard(board.id)).body.posters.map((p: { id: string }) => p.id)).toEqual([b]);
  });
});

describe("share links", () => {
  it("are app URLs with at least 128 bits of CSPRNG token, and revoke at once", async () => {
    const id = await poster("shared poster");
    const reply = await client.createShare({ posterId: id, expiresInDays: 7 });
    expect(reply.status).toBe(201);
    const share = reply.body;
    expect(share.token).toMatch(SHARE_TOKEN);
    expect(Buffer.from(share.token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(share.url).toBe(`http://studio.test/s/${share.token}`);
    expect(share.url).not.toContain("X-Amz");
    expect(Date.parse(share.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    const tokens = new Set(
      await Promise.all(
        Array.from({ length: 50 }, async () => (await client.createShare({ posterId: id })).body.token),
      ),
    );
    expect(tokens.size).toBe(50);

    const content = await resolveShare(share.token);
    expect(content?.posters.map((p) => p.id)).toEqual([id]);
    expect(content?.posters[0]).not.toHaveProperty("prompt"); // the sharer didn't choose to show it
    // Both stored sizes, narrowest first, for the page's srcset: the thumbnail and the full image.
    const sources = content?.posters[0]?.sources ?? [];
    expect(sources.map((s) => s.width)).toEqual([320, content?.posters[0]?.width]);
    expect(sources.map((s) => new URL(s.url).pathname.split(".").pop())).toEqual(["webp", "png"]);
    const full = await fetch((await sharedImageUrl(share.token)) as string);
    expect(full.headers.get("content-type")).toBe("image/png");
    const download = await fetch((await sharedImageUrl(share.token, { posterId: id, download: true })) as string);
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="onesheet-poster.png"');
    const other = await poster("not in this share");
    expect(await sharedImageUrl(share.token, { posterId: other })).toBeUndefined();

    expect((await client.listShares(`posterId=${id}`)).body.shares).toHaveLength(51);
    expect((await client.revokeShare(share.token)).status).toBe(204);
    expect(await resolveShare(share.token)).toBeUndefined();
    expect((await client.revokeShare(share.token)).status).toBe(404);
    expect((await client.listShares(`posterId=${id}`)).body.shares).toHaveLength(50);
  });

  it("resolve to nothing for unknown, expired and deleted targets alike", async () => {
    const id = await poster("expiring share");
    const expired = await createShare({
      target: "poster",
      targetId: id,
      showPrompt: true,
      createdBy: "alice",
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(await resolveShare(expired.token)).toBeUndefined();
    expect((await client.listShares(`posterId=${id}`)).body.shares).toEqual([]);
    expect(await resolveShare("A".repeat(32))).toBeUndefined();
    expect(await resolveShare("../../etc/passwd")).toBeUndefined();

    const live = (await client.createShare({ posterId: id, showPrompt: true })).body;
    expect((await resolveShare(live.token))?.posters[0]?.prompt).toBe("expiring share");
    await client.deletePoster(id);
    expect(await resolveShare(live.token)).toBeUndefined();
    expect(await sharedImageUrl(live.token)).toBeUndefined();
  });

  it("show a board as it is now", async () => {
    const [a, b] = [await poster("live a"), await poster("live b")];
    const board = (await client.createBoard("Live board")).body;
    await client.addToBoard(board.id, a);
    const share = (await client.createShare({ boardId: board.id })).body;
    expect((await resolveShare(share.token))?.posters.map((p) => p.id)).toEqual([a]);
    await client.addToBoard(board.id, b);
    await client.removeFromBoard(board.id, a);
    const now = await resolveShare(share.token);
    expect(now?.title).toBe("Live board");
    expect(now?.posters.map((p) => p.id)).toEqual([b]);
  });

  it("validate their request with field messages", async () => {
    const both = await client.createShare({ posterId: "x", boardId: "y" });
    expect(both.status).toBe(400);
    expect(both.body.error.fields.posterId).toBe("Share either a poster (posterId) or a board (boardId).");
    const long = await client.createShare({ posterId: "x", expiresInDays: 400 });
    expect(long.body.error.fields.expiresInDays).toBe("A link can last at most 365 days.");
    expect((await client.createShare({ posterId: "AAAAAAAAAAAAAAAA" })).status).toBe(404);
  });
});

describe("gallery listing", () => {
  it("filters by model, ratio and favourites across pages without gaps or duplicates", async () => {
    const made: string[] = [];
    for (let i = 0; i < 12; i++) {
      const reply = await client.createPoster({
        prompt: `filter ${i}`,
        model: i % 3 === 0 ? "stability.stable-image-ultra-v1:1" : "stability.stable-image-core-v1:1",
        aspectRatio: i % 2 ? "16:9" : "2:3",
      });
      made.push(reply.body.id);
      if (i % 4 === 0) expect((await client.favorite(reply.body.id, true)).body.favorite).toBe(true);
    }
    const all = async (query: string) => {
      const ids: string[] = [];
      let cursor = "";
      do {
        const page = (await client.listPosters(`?limit=2${query}${cursor ? `&cursor=${cursor}` : ""}`)).body;
        ids.push(...page.posters.map((p: { id: string }) => p.id));
        cursor = page.nextCursor ?? "";
      } while (cursor);
      return ids;
    };
    const expected = (keep: (i: number) => boolean) => made.filter((_, i) => keep(i)).reverse();
    expect(await all("&model=stability.stable-image-ultra-v1:1")).toEqual(expected((i) => i % 3 === 0));
    expect(await all("&aspectRatio=16:9&model=stability.stable-image-core-v1:1")).toEqual(
      expected((i) => i % 2 === 1 && i % 3 !== 0),
    );
    expect(await all("&favorite=true")).toEqual(expected((i) => i % 4 === 0));
    expect((await client.favorite(made[0] as string, "yes")).status).toBe(400);
    expect((await client.listPosters("?model=dall-e")).status).toBe(400);
  });

  it("lists summaries with a thumbnail URL only", async () => {
    const { posters } = (await client.listPosters("?limit=1")).body;
    expect(posters[0]).toHaveProperty("thumbnailUrl");
    expect(posters[0]).not.toHaveProperty("url");
    const thumb = await fetch(posters[0].thumbnailUrl);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect((await thumb.arrayBuffer()).byteLength).toBeLessThanOrEqual(25 * 1024);
  });
});
