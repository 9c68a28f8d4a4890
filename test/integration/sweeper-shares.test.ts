import { describe, expect, it } from "vitest";
import { sweep } from "@/lib/sweeper";
import { client } from "../support/api";
import { withLocalStack } from "../support/local-stack";

// A board shared "as sent" copies its images under shares/{token}/. Revoking removes them at once; a link that simply
// expires is only removed from the table (DynamoDB's TTL), so the sweeper must take its copies.
const local = withLocalStack();
const DAY = 24 * 60 * 60 * 1000;
const copies = async (token: string) => (await local.objectKeys()).filter((k) => k.startsWith(`shares/${token}/`));

describe("the sweeper and the copies of boards shared as sent", () => {
  it("removes the copies of an expired link, and keeps those of a live one", async () => {
    const ids: string[] = [];
    for (const prompt of ["option one, a harbor", "option two, a lighthouse"]) {
      const made = await client.createPoster({ prompt });
      expect(made.status).toBe(201);
      ids.push(made.body.id);
    }
    const board = await client.createBoard("Sent for review");
    for (const id of ids) expect((await client.addToBoard(board.body.id, id)).status).toBe(200);
    const share = async (expiresInDays: number) => {
      const made = await client.createShare({ boardId: board.body.id, review: true, snapshot: true, expiresInDays });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return made.body.token as string;
    };
    const short = await share(1);
    const long = await share(30);
    expect(await copies(short)).toHaveLength(4);

    // Today both links are live: nothing of theirs is touched.
    expect((await sweep()).orphans.filter((k) => k.startsWith("shares/"))).toEqual([]);
    expect(await copies(short)).toHaveLength(4);

    // Two days on, the one-day link has expired: its copies go, the 30-day link's stay, the posters too.
    const later = await sweep(Date.now() + 2 * DAY);
    expect(later.orphans.every((k) => k.startsWith(`shares/${short}/`))).toBe(true);
    expect(later.orphans).toHaveLength(4);
    expect(await copies(short)).toHaveLength(0);
    expect(await copies(long)).toHaveLength(4);
    expect((await client.listPosters()).body.posters).toHaveLength(2);
  });
});
