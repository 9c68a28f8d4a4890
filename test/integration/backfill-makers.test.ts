import { randomBytes } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { awsClients } from "@/lib/aws/clients";
import { getConfig } from "@/lib/aws/config";
import { backfillMakers } from "@/lib/maintenance/backfill-makers";
import { artKeys } from "@/lib/storage";
import { keys } from "@/lib/store/table";
import { as, client } from "../support/api";
import { withLocalStack } from "../support/local-stack";

// Records from before OneSheet recorded makers, written as the old code wrote them (no createdBy), against the real
// offline table. Before the backfill they are not passed on as anyone's: reading one is a 500 (its schema wants a
// maker). After it they are the admin's: other members can't change them, the admin can. It runs once.

withLocalStack();

const id = () => randomBytes(12).toString("base64url");
const put = (item: Record<string, unknown>) =>
  awsClients().dynamo.send(new PutCommand({ TableName: getConfig().table, Item: item }));

async function legacyPoster(): Promise<string> {
  const posterId = id();
  const createdAt = new Date().toISOString();
  await put({
    ...keys.poster(posterId),
    ...keys.posterListing(createdAt, posterId),
    id: posterId,
    prompt: "a poster from before makers",
    model: "stability.sd3-5-large-v1:0",
    aspectRatio: "2:3",
    params: {},
    seed: 1,
    width: 832,
    height: 1216,
    bytes: 1000,
    price: 0.08,
    createdAt,
    ...artKeys(posterId),
  });
  return posterId;
}

async function legacyBoard(): Promise<string> {
  const boardId = id();
  const now = new Date().toISOString();
  await put({
    ...keys.board(boardId),
    ...keys.boardListing(now, boardId),
    id: boardId,
    name: "Old picks",
    posterIds: [],
    createdAt: now,
    updatedAt: now,
    version: 0,
  });
  return boardId;
}

describe("npm run backfill: makers (lib/maintenance/backfill-makers.ts)", () => {
  it("gives records without a maker to the admin, once; until then they are refused, never anyone's", async () => {
    const posterId = await legacyPoster();
    const boardId = await legacyBoard();
    const mine = (await client.createBoard("Alice's own")).body;

    // Unreadable as they are: a 500 with a request id, not a record anyone may change.
    const refused = await as("bob", () => client.getPoster(posterId));
    expect(refused.status).toBe(500);
    expect(refused.body.error).toMatchObject({ code: "internal" });
    expect(refused.body.error.requestId).toEqual(expect.any(String));
    expect((await as("bob", () => client.patchBoard(boardId, { name: "Bob's now" }))).status).toBe(500);
    // A delete is refused by its maker condition, and the record read to say why fails its schema: a 500 too.
    expect((await as("bob", () => client.deletePoster(posterId))).status).toBe(500);

    const first = await backfillMakers({ admin: { sub: "admin", name: "The admin" } });
    expect(first).toMatchObject({ status: "done", admin: "admin" });
    expect(first.changed).toBeGreaterThanOrEqual(2);

    const poster = (await client.getPoster(posterId)).body;
    expect(poster).toMatchObject({ createdBy: "admin", createdByName: "The admin" });
    // A member who didn't make them may not change them; the admin (their maker now) may.
    expect((await as("bob", () => client.deletePoster(posterId))).status).toBe(403);
    expect((await as("bob", () => client.patchBoard(boardId, { name: "Bob's now" }))).status).toBe(403);
    expect((await as("admin", () => client.patchBoard(boardId, { name: "The admin's" }))).status).toBe(200);
    // What had a maker keeps it.
    expect((await client.getBoard(mine.id)).body.createdBy).toBe(mine.createdBy);

    // Again: it has run, and says when; forced, it finds nothing left without a maker.
    expect(await backfillMakers({ admin: { sub: "bob", name: "Bob" } })).toEqual({ ...first, status: "already-ran" });
    const forced = await backfillMakers({ admin: { sub: "bob", name: "Bob" }, force: true });
    expect(forced).toMatchObject({ status: "done", changed: 0 });
    expect((await client.getPoster(posterId)).body.createdBy).toBe("admin");
    expect((await as("admin", () => client.deletePoster(posterId))).status).toBe(204);
  });
});
