import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { awsClients } from "@/lib/aws/clients";
import { getConfig } from "@/lib/aws/config";
import { keys } from "@/lib/store/table";
import { as, client } from "../support/api";
import { authed, withLocalStack } from "../support/local-stack";

// The gallery's search (words of the prompt, any case), maker and board filters, and per-person favourites,
// through the real route handlers. One stack for this file: it holds only these posters.
withLocalStack();

const CORE = "stability.stable-image-core-v1:1";

async function poster(prompt: string) {
  const reply = await client.createPoster({ prompt, model: CORE });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; createdBy: string };
}

/** Makes an item look like one written before search and per-person favourites existed. */
async function makeLegacy(id: string, favorite?: boolean) {
  await awsClients().dynamo.send(
    new UpdateCommand({
      TableName: getConfig().table,
      Key: keys.poster(id),
      UpdateExpression: favorite === undefined ? "REMOVE promptSearch" : "REMOVE promptSearch SET favorite = :f",
      ...(favorite === undefined ? {} : { ExpressionAttributeValues: { ":f": favorite } }),
    }),
  );
}

/** Every id the listing returns for `query`, following the cursor one at a time. */
async function all(query: string) {
  const ids: string[] = [];
  let cursor = "";
  do {
    const reply = await client.listPosters(`?limit=1${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(reply.status).toBe(200);
    ids.push(...reply.body.posters.map((p: { id: string }) => p.id));
    cursor = reply.body.nextCursor ?? "";
  } while (cursor);
  return ids;
}

describe("gallery filters", () => {
  it("searches the prompt's words in any case, on new and older posters", async () => {
    const a = await poster("A Lone Detective on a rainy HARBOR at midnight");
    const b = await poster("harbor lights, a ship at dawn");
    const c = await poster("Harbor at night, a detective waits");
    const d = await poster("a desert showdown");
    await makeLegacy(c.id);
    expect(await all("&q=harbor")).toEqual([c.id, b.id, a.id]);
    expect(await all("&q=HARBOR%20Detective")).toEqual([c.id, a.id]);
    expect(await all("&q=detective%20desert")).toEqual([]);
    expect(await all("&q=%20%20SHOWDOWN%20")).toEqual([d.id]);
    // The search text never shows in the API.
    const listed = (await client.listPosters("?q=showdown")).body.posters[0];
    expect(listed).not.toHaveProperty("promptSearch");
    expect((await client.listPosters(`?q=${"x".repeat(201)}`)).status).toBe(400);
  });

  it("filters by who made it, and by board in the board's order, with the other filters", async () => {
    const mine = await poster("maker test, alice's comet");
    const theirs = await as("bob", () => poster("maker test, bob's comet"));
    expect(await all("&q=maker%20test&maker=me")).toEqual([mine.id]);
    expect(await as("bob", () => all("&q=maker%20test&maker=me"))).toEqual([theirs.id]);
    expect(await as("bob", () => all(`&q=maker%20test&maker=${encodeURIComponent(mine.createdBy)}`))).toEqual([
      mine.id,
    ]);

    const others = [await poster("board filter one"), await poster("board filter two")];
    const board = (await client.createBoard("Board filter")).body;
    for (const id of [others[1]?.id, mine.id, others[0]?.id] as string[]) await client.addToBoard(board.id, id);
    expect(await all(`&boardId=${board.id}`)).toEqual([others[1]?.id, mine.id, others[0]?.id]);
    expect(await all(`&boardId=${board.id}&q=board%20filter`)).toEqual([others[1]?.id, others[0]?.id]);
    expect(await as("bob", () => all(`&boardId=${board.id}&maker=me`))).toEqual([]);
    expect((await client.listPosters("?boardId=AAAAAAAAAAAAAAAA")).status).toBe(404);
    const page = (await client.listPosters(`?limit=1&boardId=${board.id}`)).body;
    expect((await client.listPosters(`?limit=1&cursor=${page.nextCursor}`)).status).toBe(400);
  });
});

describe("favourites", () => {
  const favourites = async () => all("&favorite=true&q=favourite%20test");

  it("are each member's own", async () => {
    const [one, two] = [await poster("favourite test one"), await poster("favourite test two")];
    expect((await client.favorite(one.id, true)).body.favorite).toBe(true);
    expect((await as("bob", () => client.favorite(two.id, true))).body.favorite).toBe(true);

    expect(await favourites()).toEqual([one.id]);
    expect(await as("bob", favourites)).toEqual([two.id]);
    expect((await client.getPoster(two.id)).body.favorite).toBe(false);
    expect((await as("bob", () => client.getPoster(two.id))).body.favorite).toBe(true);

    // Bob stars the one Alice starred, then unstars it: hers stays.
    await as("bob", () => client.favorite(one.id, true));
    expect(await as("bob", favourites)).toEqual([two.id, one.id]);
    await as("bob", () => client.favorite(one.id, false));
    expect(await favourites()).toEqual([one.id]);
    expect((await client.getPoster(one.id)).body).not.toHaveProperty("favoritedBy");
    expect((await client.favorite("AAAAAAAAAAAAAAAA", true)).status).toBe(404);
  });

  it("from before they were per person count as the maker's, and fold in on the next change", async () => {
    const old = await poster("favourite test legacy");
    await makeLegacy(old.id, true);
    expect(await favourites()).toContain(old.id);
    expect(await as("bob", favourites)).not.toContain(old.id);
    expect((await as("bob", () => client.getPoster(old.id))).body.favorite).toBe(false);

    await as("bob", () => client.favorite(old.id, true));
    expect(await favourites()).toContain(old.id);
    expect(await as("bob", favourites)).toContain(old.id);
    await client.favorite(old.id, false);
    expect(await favourites()).not.toContain(old.id);
    expect(await as("bob", favourites)).toContain(old.id);
  });
});

describe("board covers", () => {
  it("show the board's first designed poster, composed, else its first poster", async () => {
    const [plain, designed] = [await poster("cover plain"), await poster("cover designed")];
    const board = (await client.createBoard("Cover test")).body;
    await client.addToBoard(board.id, plain.id);
    await client.addToBoard(board.id, designed.id);
    const cover = async () =>
      (await client.listBoards()).body.boards.find((b: { id: string }) => b.id === board.id).coverUrl as string;
    expect(new URL(await cover()).pathname).toContain(`/posters/${plain.id}/thumb`);

    const body = JSON.stringify({ template: "classic", title: "Neon Tide", scrim: 0 });
    const url = `http://studio.test/api/posters/${designed.id}/design`;
    const saved = await saveDesign(authed(url, { method: "PUT", body }), {
      params: Promise.resolve({ id: designed.id }),
    });
    expect(saved.status).toBe(200);
    expect(new URL(await cover()).pathname).toMatch(new RegExp(`/posters/${designed.id}/composed-[^/]+\\.webp$`));
  });
});
