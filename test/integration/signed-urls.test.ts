import { describe, expect, it } from "vitest";
import { client } from "../support/api";
import { clock } from "../support/clock";
import { withLocalStack } from "../support/local-stack";

// Signing windows through the API: two views of the same objects in one window carry byte-identical URLs (so the
// browser's cache serves the revisit), and no URL is handed out already expired or living past the documented bound
// (served at t with lifetime TTL and window W = TTL / 2: t + TTL − W < expiry ≤ t + TTL). A short lifetime makes
// windows pass within the test; s3rver enforces X-Amz-Date + X-Amz-Expires, as S3 does. The test's clock
// (test/support/clock.ts) jumps to the instants that matter rather than the test sleeping until them: s3rver reads
// the same clock, so "expired" is as S3 would judge it.
const TTL = 10;
const W = 5;
withLocalStack({ env: { ONESHEET_URL_TTL_SECONDS: String(TTL) } });

const windowOf = (ms: number) => Math.floor(ms / (W * 1000));

/** When a signed URL stops working, from its own X-Amz-Date and X-Amz-Expires. */
function expiryOf(url: string): number {
  const query = new URL(url).searchParams;
  const date = (query.get("X-Amz-Date") ?? "").replace(
    /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/,
    "$1-$2-$3T$4:$5:$6Z",
  );
  return Date.parse(date) + Number(query.get("X-Amz-Expires")) * 1000;
}

/** Every image URL the studio's views hand out for these posters, with when they were asked for. */
async function views(posterId: string, boardId: string) {
  const before = Date.now();
  const gallery = (await client.listPosters("?limit=24")).body.posters.map(
    (p: { thumbnailUrl: string }) => p.thumbnailUrl,
  );
  const poster = (await client.getPoster(posterId)).body;
  const board = (await client.getBoard(boardId)).body.posters.map((p: { thumbnailUrl: string }) => p.thumbnailUrl);
  const covers = (await client.listBoards()).body.boards.map((b: { coverUrl: string }) => b.coverUrl);
  const after = Date.now();
  const urls: string[] = [...gallery, poster.url, poster.downloadUrl, poster.thumbnailUrl, ...board, ...covers];
  return { before, after, urls, poster };
}

function expectWithinBounds(view: Awaited<ReturnType<typeof views>>) {
  for (const url of view.urls) {
    const expiry = expiryOf(url);
    expect(expiry, url).toBeLessThanOrEqual(view.after + TTL * 1000);
    expect(expiry, url).toBeGreaterThan(view.before + (TTL - W) * 1000);
  }
  expect(Date.parse(view.poster.urlExpiresAt)).toBe(expiryOf(view.poster.url));
}

describe("signing windows", () => {
  it("give the same URLs to views in one window, new ones in the next, none served expired or living too long", async () => {
    const made = [];
    for (const seed of [31, 32, 33])
      made.push((await client.createPoster({ prompt: `a quay at dusk ${seed}`, seed })).body);
    const board = (await client.createBoard("Quays")).body;
    for (const p of made) await client.addToBoard(board.id, p.id);

    // Start just after a window opens, so two views 1.5 s apart fall in the same window.
    clock.jumpIntoNext(W * 1000, 50);
    const first = await views(made[0].id, board.id);
    clock.jumpBy(1500);
    const second = await views(made[0].id, board.id);
    expect(windowOf(second.after)).toBe(windowOf(first.before));
    expect(second.urls).toEqual(first.urls);
    // One object, one URL across views: the gallery, the poster page, the board and the board's cover.
    expect(first.urls.filter((u) => u === first.poster.thumbnailUrl)).toHaveLength(4);
    for (const view of [first, second]) expectWithinBounds(view);
    for (const url of new Set(first.urls)) expect((await fetch(url)).status, url).toBe(200);

    // The next window signs anew; every URL still keeps to its bounds.
    clock.jumpIntoNext(W * 1000, 50);
    const third = await views(made[0].id, board.id);
    expectWithinBounds(third);
    expect(third.urls.filter((u) => first.urls.includes(u))).toEqual([]);
    for (const url of new Set(third.urls)) expect((await fetch(url)).status, url).toBe(200);

    // The bound is real: once the first view's expiry has passed, S3 refuses its URLs.
    clock.jumpTo(Math.max(Date.now(), expiryOf(first.poster.thumbnailUrl) + 100));
    expect((await fetch(first.poster.thumbnailUrl)).status).toBe(403);
  }, 60_000);
});
