import { describe, expect, it } from "vitest";
import { posterModelLabel } from "@/lib/models";
import { resolveShare } from "@/lib/shares";
import { recentSpending } from "@/lib/spending";
import { deletePoster } from "@/lib/store/posters";
import { client } from "../support/api";
import { withLocalStack } from "../support/local-stack";
import { interceptPosterWrites } from "../support/poster-writes";

// The gallery's listing with derived versions folded into their originals or shown, across pages, with the
// per-poster version count kept by the writes themselves. One stack for this file: it holds only these posters.
withLocalStack();

const CORE = "stability.stable-image-core-v1:1";
const CUT_OUT = "us.stability.stable-image-remove-background-v1:0";

type Made = { id: string; parentId?: string; operation: string };
const made: Made[] = [];

async function original(prompt: string, aspectRatio = "1:1") {
  const reply = await client.createPoster({ prompt, model: CORE, aspectRatio });
  expect(reply.status).toBe(201);
  made.push({ id: reply.body.id, operation: "generate" });
  return reply.body.id as string;
}

async function derived(parentId: string, operation: string, inputs: object = {}) {
  const reply = await client.createPoster({ operation, source: { posterId: parentId }, ...inputs });
  expect(reply.status).toBe(201);
  made.push({ id: reply.body.id, parentId, operation });
  return reply.body.id as string;
}

/** Every id the listing returns for `query`, following the cursor two at a time. */
async function all(query: string) {
  const ids: string[] = [];
  let cursor = "";
  do {
    const reply = await client.listPosters(`?limit=2${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(reply.status).toBe(200);
    ids.push(...reply.body.posters.map((p: { id: string }) => p.id));
    cursor = reply.body.nextCursor ?? "";
  } while (cursor);
  return ids;
}

const newestFirst = (keep: (m: Made) => boolean) =>
  made
    .filter(keep)
    .map((m) => m.id)
    .reverse();

/** The count a gallery tile shows ("+N versions"), as the listing carries it. */
const countOf = async (id: string) => {
  const { posters } = (await client.listPosters("?limit=100")).body;
  const listed = posters.find((p: { id: string }) => p.id === id);
  if (!listed) throw new Error(`${id} is not listed`);
  return listed.versionCount ?? 0;
};

describe("gallery versions", () => {
  it("folds versions into their originals by default and shows them on request, across pages", async () => {
    const parents: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = await original(`versions ${i}`, i % 2 ? "2:3" : "1:1");
      parents.push(id);
      // Versions are interleaved with originals, so folded pages must skip them to stay full.
      if (i % 2 === 0) await derived(id, "remove-background");
    }
    await derived(parents[1] as string, "reframe", { aspectRatio: "1:1" });
    await derived(parents[1] as string, "remove-background");

    const originals = newestFirst((m) => !m.parentId);
    expect(await all("")).toEqual(originals);
    expect(await all("&versions=fold")).toEqual(originals);
    expect(await all("&versions=show")).toEqual(newestFirst(() => true));

    const first = (await client.listPosters("?limit=3")).body;
    expect(first.posters).toHaveLength(3);
    expect(first.nextCursor).toBeTruthy();
  });

  it("filters by operation (generate includes posters made before lineage) and by image service as model", async () => {
    expect(await all("&operation=remove-background")).toEqual(newestFirst((m) => m.operation === "remove-background"));
    expect(await all("&operation=generate")).toEqual(newestFirst((m) => m.operation === "generate"));
    // An explicit fold keeps only originals: versions made by Cut out all have parents here.
    expect(await all("&operation=remove-background&versions=fold")).toEqual([]);
    expect(await all(`&model=${encodeURIComponent(CUT_OUT)}&versions=show`)).toEqual(
      newestFirst((m) => m.operation === "remove-background"),
    );
    expect((await client.listPosters("?operation=sharpen")).status).toBe(400);
    expect((await client.listPosters("?versions=collapse")).status).toBe(400);
  });

  it("counts each poster's versions on its item, one fewer when a version is deleted (once)", async () => {
    const parent = made.find((m) => m.operation === "generate" && made.filter((v) => v.parentId === m.id).length === 2);
    if (!parent) throw new Error("no poster with two versions");
    expect(await countOf(parent.id)).toBe(2);
    const [reframed, cut] = made.filter((m) => m.parentId === parent.id);
    const view = (await client.getPoster(parent.id)).body;
    expect(view.versionCount).toBe(2);
    expect(view.versions).toEqual([reframed?.id, cut?.id]);

    expect((await client.deletePoster(cut?.id as string)).status).toBe(204);
    expect(await countOf(parent.id)).toBe(1);
    expect((await client.deletePoster(cut?.id as string)).status).toBe(404);
    expect(await countOf(parent.id)).toBe(1);
    made.splice(
      made.findIndex((m) => m.id === cut?.id),
      1,
    );
  });

  it("puts versions on boards and share pages like any other poster", async () => {
    const version = made.find((m) => m.operation === "reframe");
    if (!version) throw new Error("no reframed version");
    const board = (await client.createBoard("Develop options")).body;
    expect((await client.addToBoard(board.id, version.id)).status).toBe(200);
    const onBoard = (await client.getBoard(board.id)).body.posters[0];
    expect(onBoard).toMatchObject({ id: version.id, operation: "reframe", parentId: version.parentId });
    const share = (await client.createShare({ posterId: version.id, showPrompt: true })).body;
    const shared = await resolveShare(share.token);
    expect(shared?.posters[0]).toMatchObject({ id: version.id, model: "us.stability.stable-outpaint-v1:0" });
    expect(posterModelLabel(shared?.posters[0]?.model ?? "")).toBe("Stable Outpaint");
  });

  it("lists the versions of a deleted parent as originals, and leaves no item behind for the parent", async () => {
    const parent = await original("parent to delete");
    const child = await derived(parent, "remove-background");
    expect(await all("&versions=fold")).not.toContain(child);

    expect((await client.deletePoster(parent)).status).toBe(204);
    expect((await client.getPoster(parent)).status).toBe(404);
    expect((await client.getPoster(child)).body).toMatchObject({ parentId: parent, parentGone: true });
    expect((await all("&versions=fold"))[0]).toBe(child);
    // Deleting the version now touches no parent: nothing is created under the deleted parent's key.
    expect((await client.deletePoster(child)).status).toBe(204);
    expect((await client.getPoster(parent)).status).toBe(404);
  });

  it("keeps a version whose parent is deleted while it is made, as an original, and charges it once", async () => {
    const parent = await original("deleted mid-run");
    let deleted = false;
    interceptPosterWrites({
      async before() {
        if (deleted) return;
        deleted = true;
        await deletePoster(parent);
      },
    });
    const reply = await client.createPoster({ operation: "remove-background", source: { posterId: parent } });
    expect(reply.status).toBe(201);
    expect(deleted).toBe(true);
    const child = (await client.getPoster(reply.body.id)).body;
    expect(child).toMatchObject({ parentId: parent, parentGone: true });
    expect((await client.getPoster(parent)).status).toBe(404);
    expect((await all("&versions=fold"))[0]).toBe(reply.body.id);
    const charged = (await recentSpending(1))[0]?.entries.filter((e) => e.posterId === reply.body.id);
    expect(charged).toHaveLength(1);
  });
});
