import { describe, expect, it, vi } from "vitest";
import { POST as addKeyArt } from "@/app/api/campaigns/[id]/key-art/route";
import { DELETE as deleteCampaign, GET as getCampaign } from "@/app/api/campaigns/[id]/route";
import { POST as createCampaign } from "@/app/api/campaigns/route";
import { getObjectBytes } from "@/lib/aws/s3";
import { getComment } from "@/lib/store/comments";
import { getPoster } from "@/lib/store/posters";
import { getShare } from "@/lib/store/shares";
import { getTrashed } from "@/lib/store/trash";
import { sweep } from "@/lib/sweeper";
import { TRASH_DAYS } from "@/lib/trash-rules";
import { as, client } from "../support/api";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";
import { teamAs } from "../support/team";
import { trashAs } from "../support/trash";

// The trash, through the real route handlers on the offline stack: DELETE moves a poster there (out of the gallery,
// its boards and its campaign, its files and records kept), a restore brings it back where it was, only its maker or
// an admin may do either, and the sweeper purges what has been there TRASH_DAYS — files, records and comments, read
// back to be sure — even when a purge is cut off half-way.

// A purge that dies after its files went, before the comments did (a Lambda cut off): armed by a test.
const cut = vi.hoisted(() => ({ armed: false }));
vi.mock("@/lib/store/comments", async (original) => {
  const actual = await original<typeof import("@/lib/store/comments")>();
  return {
    ...actual,
    deleteCommentsOn: vi.fn(async (...args: Parameters<typeof actual.deleteCommentsOn>) => {
      if (cut.armed) {
        cut.armed = false;
        throw new Error("killed mid-purge");
      }
      return actual.deleteCommentsOn(...args);
    }),
  };
});

const local = withLocalStack();
const DAY = 86_400_000;

const poster = async (prompt: string, who: MemberName = "alice") => {
  const made = await as(who, () => client.createPoster({ prompt, model: "stability.stable-image-core-v1:1" }));
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.id as string;
};
const filesOf = async (id: string) => (await local.objectKeys()).filter((k) => k.startsWith(`posters/${id}/`));
const galleryIds = async (query = "") =>
  ((await client.listPosters(`?limit=100${query}`)).body.posters as { id: string }[]).map((p) => p.id);
const trashIds = async (who: MemberName) => {
  const page = await trashAs(who).list("?limit=100");
  expect(page.status).toBe(200);
  return (page.body.posters as { id: string }[]).map((p) => p.id);
};

describe("DELETE moves a poster to the trash", () => {
  it("takes it out of the gallery and its boards, keeps its files and comments, and lists it in its maker's trash", async () => {
    const id = await poster("trash me");
    const other = await poster("stay on the board");
    const board = (await client.createBoard("Trash board")).body;
    await client.addToBoard(board.id, id);
    await client.addToBoard(board.id, other);
    const comment = await teamAs("alice").comment({ posterId: id, body: "before the trash" });
    expect(comment.status).toBe(201);
    const files = await filesOf(id);
    expect(files.length).toBeGreaterThanOrEqual(2);

    const before = Date.now();
    expect((await client.deletePoster(id)).status).toBe(204);
    expect((await client.getPoster(id)).status).toBe(404);
    expect(await galleryIds()).not.toContain(id);
    expect((await client.getBoard(board.id)).body.posters.map((p: { id: string }) => p.id)).toEqual([other]);
    // A trashed poster takes no comments (it is gone for everything that reads posters).
    expect((await teamAs("alice").comment({ posterId: id, body: "while trashed" })).status).toBe(404);
    // Nothing of it is gone yet: its files read back, its comment is there.
    expect(await filesOf(id)).toEqual(files);
    for (const key of files) expect((await getObjectBytes(key)).byteLength).toBeGreaterThan(0);
    expect(await getComment(comment.body.id)).toBeDefined();

    const listed = (await trashAs("alice").list()).body.posters.find((p: { id: string }) => p.id === id);
    expect(listed).toMatchObject({ id, prompt: "trash me", createdBy: "alice" });
    expect(Date.parse(listed.trashedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(listed.purgeAt) - Date.parse(listed.trashedAt)).toBe(TRASH_DAYS * DAY);
    expect(listed.thumbnailUrl).toMatch(/^http/);
    // Bob's trash has only his; the admin's has everyone's.
    expect(await trashIds("bob")).not.toContain(id);
    expect(await trashIds("admin")).toContain(id);
    // Deleting it again: it isn't a poster any more.
    expect((await client.deletePoster(id)).status).toBe(404);
  });

  it("brings it back with a restore, where it was in the gallery and on its board; a second restore is a no-op", async () => {
    const older = await poster("restore: older");
    const id = await poster("restore: me");
    const newer = await poster("restore: newer");
    const board = (await client.createBoard("Restore board")).body;
    for (const p of [older, id, newer]) await client.addToBoard(board.id, p);
    expect((await client.deletePoster(id)).status).toBe(204);

    const restored = await trashAs("alice").restore(id);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body).toMatchObject({ id, prompt: "restore: me" });
    expect((await client.getPoster(id)).status).toBe(200);
    const gallery = await galleryIds();
    expect(gallery.slice(gallery.indexOf(newer), gallery.indexOf(newer) + 3)).toEqual([newer, id, older]);
    expect((await client.getBoard(board.id)).body.posters.map((p: { id: string }) => p.id)).toEqual([older, id, newer]);
    expect(await trashIds("alice")).not.toContain(id);
    expect(await getTrashed(id)).toBeUndefined();

    const again = await trashAs("alice").restore(id);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
    expect(await galleryIds()).toContain(id);
  });

  it("404s a restore of a poster that never was, and of an id of the wrong shape", async () => {
    expect((await trashAs("alice").restore("AAAAAAAAAAAAAAAA")).status).toBe(404);
    expect((await trashAs("alice").restore("../../etc")).status).toBe(404);
    expect((await trashAs("alice").purge("AAAAAAAAAAAAAAAA")).status).toBe(404);
  });

  it("lets only the maker or an admin trash, restore and delete now", async () => {
    const id = await poster("alice's own");
    expect((await as("bob", () => client.deletePoster(id))).status).toBe(403);
    expect((await client.getPoster(id)).status).toBe(200);
    expect((await client.deletePoster(id)).status).toBe(204);

    const bob = await trashAs("bob").restore(id);
    expect(bob.status).toBe(403);
    expect(bob.body.error.code).toBe("forbidden");
    expect((await trashAs("bob").purge(id)).status).toBe(403);
    expect(await getTrashed(id)).toBeDefined();

    expect((await trashAs("admin").restore(id)).status).toBe(200);
    expect((await as("admin", () => client.deletePoster(id))).status).toBe(204);
    // Trashed by the admin, it is still in its maker's trash, with who moved it there.
    const listed = (await trashAs("alice").list()).body.posters.find((p: { id: string }) => p.id === id);
    expect(listed).toBeDefined();
    expect((await trashAs("admin").purge(id)).status).toBe(204);
    expect(await getTrashed(id)).toBeUndefined();
    expect(await filesOf(id)).toEqual([]);
  });

  it("lets its versions stand as originals while it is away, naming it as in the trash, and folds them back on restore", async () => {
    const parent = await poster("a parent to trash");
    const made = await client.createPoster({ operation: "remove-background", source: { posterId: parent } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const child = made.body.id as string;
    expect(await galleryIds("&versions=fold")).not.toContain(child);

    expect((await client.deletePoster(parent)).status).toBe(204);
    expect((await client.getPoster(child)).body).toMatchObject({
      parentId: parent,
      parentGone: true,
      parentInTrash: true,
    });
    expect(await galleryIds("&versions=fold")).toContain(child);

    expect((await trashAs("alice").restore(parent)).status).toBe(200);
    const back = (await client.getPoster(parent)).body;
    expect(back.versions).toEqual([child]);
    expect(back.versionCount).toBe(1);
    const version = (await client.getPoster(child)).body;
    expect(version.parentGone).toBeUndefined();
    expect(version.parentInTrash).toBeUndefined();
    expect(await galleryIds("&versions=fold")).not.toContain(child);

    // A version trashed and restored goes back among its parent's versions, counted once.
    expect((await client.deletePoster(child)).status).toBe(204);
    expect((await client.getPoster(parent)).body).toMatchObject({ versions: [], versionCount: 0 });
    expect((await trashAs("alice").restore(child)).status).toBe(200);
    expect((await client.getPoster(parent)).body).toMatchObject({ versions: [child], versionCount: 1 });

    // Both in the trash, the version first to come back (as an original), then the parent: counted once, folded.
    expect((await client.deletePoster(parent)).status).toBe(204);
    expect((await client.deletePoster(child)).status).toBe(204);
    expect((await trashAs("alice").restore(parent)).status).toBe(200);
    expect((await client.getPoster(parent)).body).toMatchObject({ versions: [] });
    expect((await trashAs("alice").restore(child)).status).toBe(200);
    expect((await client.getPoster(parent)).body).toMatchObject({ versions: [child], versionCount: 1 });
    expect((await client.getPoster(child)).body.parentGone).toBeUndefined();
  });

  it("leaves its campaign's key art while away and comes back to it; key art of a campaign deleted meanwhile comes back free", async () => {
    const site = "http://studio.test";
    const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
    const made = await createCampaign(
      authed(`${site}/api/campaigns`, {
        method: "POST",
        body: JSON.stringify({ name: "Trash campaign", title: "Lighthouse" }),
      }),
      {},
    );
    expect(made.status).toBe(201);
    const campaign = ((await made.json()) as { id: string }).id;
    const keyArtOf = async () => {
      const reply = await getCampaign(authed(`${site}/api/campaigns/${campaign}`), ctx(campaign));
      return ((await reply.json()) as { keyArt: { id: string }[] }).keyArt.map((p) => p.id);
    };
    const id = await poster("key art to trash");
    const added = await addKeyArt(
      authed(`${site}/api/campaigns/${campaign}/key-art`, { method: "POST", body: JSON.stringify({ posterId: id }) }),
      ctx(campaign),
    );
    expect(added.status).toBe(200);
    expect(await keyArtOf()).toEqual([id]);

    expect((await client.deletePoster(id)).status).toBe(204);
    expect(await keyArtOf()).toEqual([]);
    expect((await trashAs("alice").restore(id)).status).toBe(200);
    expect(await keyArtOf()).toEqual([id]);
    expect((await getPoster(id))?.campaign).toMatchObject({ id: campaign, role: "key-art" });

    expect((await client.deletePoster(id)).status).toBe(204);
    const dropped = await deleteCampaign(
      authed(`${site}/api/campaigns/${campaign}`, { method: "DELETE" }),
      ctx(campaign),
    );
    expect(dropped.status).toBe(204);
    expect((await trashAs("alice").restore(id)).status).toBe(200);
    expect((await getPoster(id))?.campaign).toBeUndefined();
  });

  it("deletes now, for good: files, records and comments read back as gone", async () => {
    const id = await poster("delete me now");
    const comment = await teamAs("alice").comment({ posterId: id, body: "on a poster deleted for good" });
    const share = await client.createShare({ posterId: id, expiresInDays: 7 });
    expect(share.status).toBe(201);
    expect((await client.deletePoster(id)).status).toBe(204);
    expect(await getShare(share.body.token)).toBeDefined();
    expect((await trashAs("alice").purge(id)).status).toBe(204);
    expect(await getShare(share.body.token)).toBeUndefined();
    expect(await filesOf(id)).toEqual([]);
    expect(await getComment(comment.body.id)).toBeUndefined();
    expect(await getTrashed(id)).toBeUndefined();
    expect((await trashAs("alice").restore(id)).status).toBe(404);
    expect((await trashAs("alice").purge(id)).status).toBe(404);
  });
});

// The sweeper runs at a time it is given: days from now, as its scheduled run would be (moving the worker's clock by
// days would put the S3 signer outside s3rver's allowed skew).
describe("the sweeper's purge", () => {
  it("keeps a poster trashed for less than 30 days, files and all, and purges it after", async () => {
    const id = await poster("swept after thirty days");
    const kept = await poster("never trashed");
    const comment = await teamAs("bob").comment({ posterId: id, body: "a colleague's note" });
    expect((await client.deletePoster(id)).status).toBe(204);
    const files = await filesOf(id);

    // 29 days on: the orphan check counts a trashed poster as existing, and the purge leaves it alone.
    const early = await sweep(Date.now() + (TRASH_DAYS - 1) * DAY);
    expect(early.purged).toEqual([]);
    expect(early.orphans.filter((k) => k.includes(id))).toEqual([]);
    expect(await filesOf(id)).toEqual(files);
    expect((await trashAs("alice").restore(id)).status).toBe(200);
    expect((await client.deletePoster(id)).status).toBe(204);

    const late = await sweep(Date.now() + (TRASH_DAYS + 1) * DAY);
    expect(late.purged).toContain(id);
    expect(await filesOf(id)).toEqual([]);
    for (const key of files) await expect(getObjectBytes(key)).rejects.toThrow();
    expect(await getComment(comment.body.id)).toBeUndefined();
    expect(await getTrashed(id)).toBeUndefined();
    expect(await trashIds("alice")).not.toContain(id);
    expect((await trashAs("alice").restore(id)).status).toBe(404);
    // What wasn't in the trash is untouched.
    expect((await client.getPoster(kept)).status).toBe(200);
    expect((await filesOf(kept)).length).toBeGreaterThanOrEqual(2);
    // Idempotent: nothing left to purge.
    expect((await sweep(Date.now() + (TRASH_DAYS + 1) * DAY)).purged).toEqual([]);
  });

  it("finishes a purge that was killed half-way on the next sweep, and refuses a restore meanwhile", async () => {
    const id = await poster("killed mid-purge");
    const comment = await teamAs("alice").comment({ posterId: id, body: "outlives the first attempt" });
    expect((await client.deletePoster(id)).status).toBe(204);
    const later = Date.now() + (TRASH_DAYS + 1) * DAY;

    cut.armed = true;
    const first = await sweep(later);
    expect(first.purged).not.toContain(id);
    // Cut off after its files went and before its comments did: half done, and no longer restorable.
    expect(await filesOf(id)).toEqual([]);
    expect(await getComment(comment.body.id)).toBeDefined();
    expect((await getTrashed(id))?.purging).toBeDefined();
    expect((await trashAs("alice").restore(id)).status).toBe(404);

    // A "Delete now" cut off half-way is finished too, whatever its age: the sweep at the present time.
    const second = await sweep();
    expect(second.purged).toContain(id);
    expect(await getComment(comment.body.id)).toBeUndefined();
    expect(await getTrashed(id)).toBeUndefined();
  });
});
