import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import sharp from "sharp";
import { type Bundle, type LambdaResult, sessionCookie, startBundle } from "./bundle";

// Lambda caps a buffered function's answer at 6 MB (OpenNext's default wrapper is the buffered one, and SST makes the
// Function URL buffered to match), and binary bodies are base64-encoded on the way. This drives every route the
// bundle serves with the worst case the app allows — the largest art, a board at its cap, a link with every review
// it lists, a pack of every placement, a busy week of spending — and fails on any answer that could pass the cap:
// big files must be handed out as signed S3 URLs, never passed through the function. A route the table below
// doesn't cover fails the test too, so a new route gets its worst case written down.

const LAMBDA_LIMIT = 6 * 1024 * 1024;
/** Binary answers (a design preview) stay under this: the function is no file server. */
const BINARY_LIMIT = 1_000_000;

let bundle: Bundle;
let token: string;
let cookie: string;
const ids = {} as {
  big: string;
  board: string;
  share: string;
  job: string;
  export: string;
  token: string;
  version: string;
  campaign: string;
  comment: string;
  firstEditor: string;
  lastEditor: string;
};

interface Call {
  method?: string;
  path: string;
  query?: string;
  body?: unknown;
  /** Pages are for signed-in browsers (a session cookie); the API takes the token. */
  browser?: boolean;
  /** What it must answer (the worst case must really have been served, not refused). */
  status: number | number[];
}

// Every route of the app (app-paths-manifest.json), and the call that makes its largest answer.
const ROUTES: Record<string, () => Call | Call[]> = {
  "/": () => ({ path: "/", browser: true, status: 200 }),
  "/account": () => ({ path: "/account", browser: true, status: 200 }),
  "/boards": () => ({ path: "/boards", browser: true, status: 200 }),
  "/boards/[id]": () => ({ path: `/boards/${ids.board}`, browser: true, status: 200 }),
  "/campaigns": () => ({ path: "/campaigns", browser: true, status: 200 }),
  // The campaign at its caps (50 markets, 12 key art, 50 × 20 cells made), on its matrix.
  "/campaigns/[id]": () => ({ path: `/campaigns/${ids.campaign}`, query: "tab=matrix", browser: true, status: 200 }),
  "/compare": () => ({
    path: "/compare",
    query: `ids=${ids.big},${ids.version},${ids.big},${ids.version}`,
    browser: true,
    status: 200,
  }),
  "/develop": () => ({ path: "/develop", browser: true, status: 200 }),
  "/gallery": () => ({ path: "/gallery", browser: true, status: 200 }),
  "/posters/[id]": () => ({ path: `/posters/${ids.big}`, browser: true, status: 200 }),
  "/posters/[id]/design": () => ({ path: `/posters/${ids.big}/design`, browser: true, status: 200 }),
  "/reviews": () => ({ path: "/reviews", browser: true, status: 200 }),
  "/spending": () => ({ path: "/spending", browser: true, status: 200 }),
  "/_global-error": () => ({ path: "/no-such-page", browser: true, status: 404 }),
  "/_not-found": () => ({ path: "/no-such-page", browser: true, status: 404 }),
  "/dev/develop-kit": () => ({ path: "/dev/develop-kit", browser: true, status: 404 }),
  "/icon.svg": () => ({ path: "/icon.svg", status: 200 }),
  "/signin": () => ({ path: "/signin", status: 200 }),
  "/signout": () => ({ path: "/signout", browser: true, status: 200 }),
  "/s/[token]": () => ({ path: `/s/${ids.share}`, status: 200 }),
  "/s/[token]/image": () => ({ path: `/s/${ids.share}/image`, query: `poster=${ids.big}`, status: 302 }),
  "/s/[token]/download": () => ({ path: `/s/${ids.share}/download`, query: `poster=${ids.big}`, status: 302 }),
  "/api/[...path]": () => ({ path: "/api/no/such/route", status: 404 }),
  "/api/auth/[...nextauth]": () => ({ path: "/api/auth/providers", status: 200 }),
  "/api/health": () => ({ path: "/api/health", status: 200 }),
  "/api/boards": () => ({ path: "/api/boards", query: "limit=100", status: 200 }),
  "/api/boards/[id]": () => ({ path: `/api/boards/${ids.board}`, status: 200 }),
  "/api/boards/[id]/posters": () => ({
    method: "POST",
    path: `/api/boards/${ids.board}/posters`,
    body: { posterId: ids.big },
    status: [200, 409],
  }),
  "/api/boards/[id]/posters/[posterId]": () => ({
    method: "DELETE",
    path: `/api/boards/${ids.board}/posters/AAAAAAAAAAAAAAAA`,
    status: [200, 404],
  }),
  "/api/boards/[id]/reviews": () => ({ path: `/api/boards/${ids.board}/reviews`, status: 200 }),
  "/api/jobs/[id]": () => ({ path: `/api/jobs/${ids.job}`, status: 200 }),
  "/api/jobs/[id]/zip": () => ({ path: `/api/jobs/${ids.job}/zip`, status: 302 }),
  "/api/members/[sub]/tokens": () => ({ path: "/api/members/lambda/tokens", status: 200 }),
  "/api/members/[sub]/tokens/[id]": () => ({
    method: "DELETE",
    path: "/api/members/lambda/tokens/AAAAAAAAAAAAAAAA",
    status: [204, 404],
  }),
  "/api/posters": () => [
    { path: "/api/posters", query: "limit=100&versions=show", status: 200 },
    { method: "POST", path: "/api/posters", body: { prompt: "the largest answer a generation gives" }, status: 201 },
  ],
  "/api/posters/[id]": () => ({ path: `/api/posters/${ids.big}`, status: 200 }),
  "/api/posters/[id]/design": () => ({
    method: "PUT",
    path: `/api/posters/${ids.big}/design`,
    body: DESIGN,
    status: 200,
  }),
  "/api/posters/[id]/design/logo": () => ({
    method: "POST",
    path: `/api/posters/${ids.big}/design/logo`,
    body: { uploadId: "AAAAAAAAAAAAAAAAAAAAAA" },
    status: 404,
  }),
  // The largest preview there is: the widest the route allows, of noisy art that PNG can't shrink.
  "/api/posters/[id]/design/preview": () => ({
    method: "POST",
    path: `/api/posters/${ids.big}/design/preview`,
    query: "width=1200",
    body: DESIGN,
    status: 200,
  }),
  // The canvas's layers of the same: the composed preview and the ground, each bounded as the preview is, and a
  // transparent picture per layer.
  "/api/posters/[id]/design/canvas": () => ({
    method: "POST",
    path: `/api/posters/${ids.big}/design/canvas`,
    query: "width=1200",
    body: DESIGN,
    status: 200,
  }),
  "/api/posters/[id]/exports": () => ({ path: `/api/posters/${ids.big}/exports`, status: 200 }),
  "/api/posters/[id]/exports/[exportId]": () => ({
    path: `/api/posters/${ids.big}/exports/${ids.export}`,
    status: 200,
  }),
  "/api/posters/[id]/pack": () => ({ path: `/api/posters/${ids.big}/pack`, status: 200 }),
  "/api/reviews": () => ({ path: "/api/reviews", query: "limit=100", status: 200 }),
  "/api/shares": () => ({ path: "/api/shares", query: `boardId=${ids.board}`, status: 200 }),
  "/api/shares/[token]": () => ({ method: "DELETE", path: `/api/shares/${"x".repeat(32)}`, status: 404 }),
  "/api/shares/[token]/reviews": () => ({ path: `/api/shares/${ids.share}/reviews`, status: 200 }),
  "/api/spending": () => ({ path: "/api/spending", query: "days=90", status: 200 }),
  "/api/spending/csv": () => ({ path: "/api/spending/csv", query: "days=90", status: 302 }),
  "/api/spending/today": () => ({ path: "/api/spending/today", status: 200 }),
  "/api/tokens": () => ({ path: "/api/tokens", status: 200 }),
  "/api/tokens/[id]": () => ({ method: "DELETE", path: "/api/tokens/AAAAAAAAAAAAAAAA", status: [204, 404] }),
  "/api/campaigns": () => [
    { path: "/api/campaigns", query: "limit=100", status: 200 },
    { method: "POST", path: "/api/campaigns", body: { name: "n".repeat(80), title: "t".repeat(60) }, status: 201 },
  ],
  "/api/campaigns/[id]": () => ({ path: `/api/campaigns/${ids.campaign}`, status: 200 }),
  "/api/campaigns/[id]/brand": () => ({ path: `/api/campaigns/${ids.campaign}/brand`, status: 200 }),
  "/api/campaigns/[id]/key-art": () => ({
    method: "POST",
    path: `/api/campaigns/${ids.campaign}/key-art`,
    body: { posterId: ids.big },
    status: [200, 409],
  }),
  "/api/campaigns/[id]/key-art/[posterId]": () => ({
    method: "DELETE",
    path: `/api/campaigns/${ids.campaign}/key-art/AAAAAAAAAAAAAAAA`,
    status: 404,
  }),
  "/api/campaigns/[id]/markets": () => ({ path: `/api/campaigns/${ids.campaign}/markets`, status: 200 }),
  "/api/campaigns/[id]/markets/import": () => ({
    method: "POST",
    path: `/api/campaigns/${ids.campaign}/markets/import`,
    body: { uploadId: "AAAAAAAAAAAAAAAAAAAAAA" },
    status: 404,
  }),
  "/api/campaigns/[id]/logo": () => ({
    method: "POST",
    path: `/api/campaigns/${ids.campaign}/logo`,
    body: { uploadId: "AAAAAAAAAAAAAAAAAAAAAA" },
    status: 404,
  }),
  // The whole matrix at its cap: 50 markets × 20 placements, every cell made (a signed thumbnail each).
  "/api/campaigns/[id]/deliverables": () => ({ path: `/api/campaigns/${ids.campaign}/deliverables`, status: 200 }),
  "/api/campaigns/[id]/deliverables/zip": () => ({
    path: `/api/campaigns/${ids.campaign}/deliverables/zip`,
    status: 202,
  }),
  "/api/campaigns/template.csv": () => ({ path: "/api/campaigns/template.csv", status: 200 }),
  // A board at its editors' cap (the 20th added here, the 19 before it seeded), and one taken off again.
  "/api/boards/[id]/editors": () => ({
    method: "POST",
    path: `/api/boards/${ids.board}/editors`,
    body: { memberSub: ids.lastEditor },
    status: 200,
  }),
  "/api/boards/[id]/editors/[sub]": () => ({
    method: "DELETE",
    path: `/api/boards/${ids.board}/editors/${ids.firstEditor}`,
    status: 200,
  }),
  // A poster with every comment a listing reads (500), each at the longest with the most mentions.
  "/api/comments": () => [
    { path: "/api/comments", query: `posterId=${ids.big}`, status: 200 },
    { method: "POST", path: "/api/comments", body: { posterId: ids.big, body: "c".repeat(2000) }, status: 201 },
  ],
  "/api/comments/[id]": () => ({
    method: "PATCH",
    path: `/api/comments/${ids.comment}`,
    body: { resolved: true },
    status: 200,
  }),
  // The directory at its cap (2,000 members, the longest names).
  "/api/members": () => ({ path: "/api/members", status: 200 }),
  "/api/notifications": () => ({ path: "/api/notifications", query: "limit=100", status: 200 }),
  "/api/notifications/read": () => ({
    method: "POST",
    path: "/api/notifications/read",
    body: { all: true },
    status: 200,
  }),
  "/notifications": () => ({ path: "/notifications", browser: true, status: 200 }),
  "/api/uploads": () => ({
    method: "POST",
    path: "/api/uploads",
    body: { contentType: "image/png", bytes: 1_000_000 },
    status: 201,
  }),
  // The trash (set up at the end of `before`): a full page of trashed posters with the longest prompt, the page of
  // it, a restore (the whole poster view), and "Delete now" (an empty 204 at most: the error is the larger answer).
  "/trash": () => ({ path: "/trash", browser: true, status: 200 }),
  "/api/trash": () => ({ path: "/api/trash", query: "limit=100", status: 200 }),
  "/api/trash/[id]": () => ({ method: "DELETE", path: "/api/trash/AAAAAAAAAAAAAAAA", status: 404 }),
  "/api/posters/[id]/restore": () => ({ method: "POST", path: `/api/posters/${trashed.restore}/restore`, status: 200 }),
};

/** The trashed poster the restore's worst case brings back (set up at the end of `before`). */
const trashed = { restore: "" };

const DESIGN = {
  template: "classic",
  title: "The Largest Answer",
  tagline: "Every route, at its worst",
  billing: "A LAMBDA PRODUCTION  STARRING SIX MEGABYTES\nMUSIC BY BASE SIXTY-FOUR  EDITED BY A BUFFER",
  date: "Coming soon",
};

/** The app's routes as the bundle lists them: route groups and the /page or /route suffix dropped. */
function bundleRoutes(): string[] {
  const manifest = path.join(process.cwd(), ".next/server/app-paths-manifest.json");
  return Object.keys(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>)
    .map((r) => r.replace(/\/\([^)]+\)/g, "").replace(/\/(page|route)$/, "") || "/")
    .sort();
}

before(async () => {
  bundle = await startBundle();
  const lib = {
    tokens: await import("../../lib/store/tokens"),
    posters: await import("../../lib/store/posters"),
    boards: await import("../../lib/store/boards"),
    shares: await import("../../lib/store/shares"),
    reviews: await import("../../lib/store/reviews"),
    exports: await import("../../lib/store/exports"),
    jobs: await import("../../lib/store/jobs"),
    members: await import("../../lib/store/members"),
    s3: await import("../../lib/aws/s3"),
    clients: await import("../../lib/aws/clients"),
    config: await import("../../lib/aws/config"),
    table: await import("../../lib/store/table"),
    storage: await import("../../lib/storage"),
    placements: await import("../../lib/print/placements"),
    campaigns: await import("../../lib/store/campaigns"),
    comments: await import("../../lib/store/comments"),
    notifications: await import("../../lib/store/notifications"),
  };
  const member = { sub: "lambda", email: "lambda@onesheet.local", name: "Lambda Tester" };
  await lib.members.upsertMember({ ...member, emailVerified: true });
  token = (await lib.tokens.createToken(member, "lambda size test")).token;
  ids.token = token;
  cookie = await sessionCookie(member);
  const newId = () => randomBytes(12).toString("base64url");
  const now = new Date().toISOString();

  // The largest art a poster holds (a 4K-class upscale), as noise: no encoder can make it small.
  const width = 2048;
  const height = 3072;
  const noise = randomBytes(width * height * 3);
  const art = await sharp(noise, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
  ids.big = newId();
  const big = {
    id: ids.big,
    prompt: "p".repeat(10_000),
    model: "stability.sd3-5-large-v1:0",
    aspectRatio: "2:3" as const,
    params: {},
    seed: 1,
    width,
    height,
    bytes: art.byteLength,
    price: 0.08,
    createdAt: now,
    ...lib.storage.artKeys(ids.big),
    createdBy: member.sub,
    createdByName: member.name,
  };
  await lib.s3.putObject(big.imageKey, art, "image/png");
  await lib.s3.putObject(big.thumbKey, await sharp(art).resize(300).webp().toBuffer(), "image/webp");
  await lib.posters.putPoster(big);
  // Twelve versions (what a poster page shows), each a poster of its own.
  for (let i = 0; i < 12; i++) {
    const id = newId();
    ids.version = id;
    await lib.posters.putPoster({
      ...big,
      id,
      parentId: ids.big,
      operation: "upscale",
      inputs: { mode: "fast" },
      createdAt: new Date(Date.now() + i).toISOString(),
    });
  }

  // A board at its cap, every poster on it carrying the longest prompt.
  const board = await lib.boards.createBoard("b".repeat(100), member.sub);
  ids.board = board.id;
  const posterIds: string[] = [ids.big];
  for (let i = 1; i < lib.boards.MAX_BOARD_POSTERS; i++) {
    const id = newId();
    posterIds.push(id);
    await lib.posters.putPoster({ ...big, id, createdAt: new Date(Date.now() - i * 1000).toISOString() });
  }
  await lib.boards.addManyToBoard(board.id, posterIds, member.sub);

  // A review link on it with every review a page lists (500), each with the longest comment and name.
  const share = await lib.shares.createShare({
    target: "board",
    targetId: board.id,
    showPrompt: true,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    createdBy: member.sub,
    createdByName: member.name,
    review: true,
  });
  ids.share = share.token;
  for (let i = 0; i < 500; i++) {
    const refused = await lib.reviews.putReview(
      {
        id: newId(),
        token: share.token,
        boardId: board.id,
        boardName: board.name,
        posterId: posterIds[i % posterIds.length] ?? ids.big,
        label: "A",
        name: "n".repeat(60),
        comment: "c".repeat(2000),
        pin: { x: 0.5, y: 0.5 },
        createdAt: new Date(Date.now() - i).toISOString(),
      },
      { live: true },
    );
    assert.equal(refused, undefined);
  }

  // Every export a poster lists, and more.
  for (let i = 0; i < 60; i++) {
    const id = newId();
    ids.export = id;
    await lib.exports.putExport({
      id,
      posterId: ids.big,
      format: "pdf",
      size: "us-one-sheet",
      sizeLabel: "US one-sheet 27×40 in",
      bleedIn: 0.125,
      status: "ready",
      key: `posters/${ids.big}/exports/${id}.pdf`,
      widthPx: width,
      heightPx: height,
      effectivePpi: 75,
      warnings: ["w".repeat(200), "w".repeat(200)],
      createdAt: new Date(Date.now() - i).toISOString(),
      createdBy: member.sub,
      createdByName: member.name,
    });
  }

  // A busy day: 3,000 charges (the page and the JSON list the newest 1,000; the CSV, made in S3, has them all).
  const day = now.slice(0, 10);
  const entries = Array.from({ length: 3000 }, (_, i) => {
    const at = new Date(Date.now() - i * 10).toISOString();
    const id = newId();
    return {
      PutRequest: {
        Item: {
          ...lib.table.keys.ledgerEntry(day, at, id),
          id,
          day,
          at,
          user: `${"u".repeat(60)}@example.com`,
          model: "us.stability.stable-creative-upscale-v1:0",
          cents: 60,
          posterId: ids.big,
        },
      },
    };
  });
  const tableName = lib.config.getConfig().table;
  for (let i = 0; i < entries.length; i += 25) {
    await lib.clients
      .awsClients()
      .dynamo.send(new BatchWriteCommand({ RequestItems: { [tableName]: entries.slice(i, i + 25) } }));
  }

  // A campaign at its caps: 50 markets with every field at its longest, 12 key art posters, and all 50 × 20 cells
  // made (each a poster with the longest prompt).
  ids.campaign = newId();
  const placementIds = lib.placements.PLACEMENTS.map((p) => p.id).slice(0, 20);
  // As many credits as a billing block holds (1,000 characters).
  const longCredits = Array.from({ length: 10 }, () => ({
    role: "r".repeat(20),
    names: ["n".repeat(40), "m".repeat(40)],
  }));
  const markets = Array.from({ length: 50 }, (_, i) => ({
    code: `en-${String(100 + i)}`,
    title: "t".repeat(60),
    tagline: "g".repeat(120),
    date: "d".repeat(40),
    credits: longCredits,
    rating: { system: "s".repeat(20), code: "c".repeat(20), descriptors: "x".repeat(200) },
    placements: placementIds,
  }));
  await lib.campaigns.putNewCampaign({
    id: ids.campaign,
    name: "n".repeat(80),
    title: "t".repeat(60),
    createdBy: member.sub,
    createdByName: member.name,
    createdAt: now,
    updatedAt: now,
    version: 0,
    kit: {
      titleFont: "anton",
      titleSize: 12,
      letterSpacing: 0.02,
      textFont: "oswald",
      billingFont: "league-gothic",
      palette: Array(12).fill("#ffffff"),
      credits: longCredits,
      legalLine: "l".repeat(160),
      locked: ["titleFont", "credits"],
    },
    markets,
    placements: placementIds,
    keyArtIds: posterIds.slice(0, 12),
  });
  const cells = markets.flatMap((m, i) =>
    placementIds.map((placement, j) => ({
      PutRequest: {
        Item: {
          ...lib.table.keys.campaignCell(ids.campaign, m.code, placement),
          campaignId: ids.campaign,
          market: m.code,
          placement,
          keyArtId: ids.big,
          status: "done",
          hash: "h".repeat(43),
          posterId: posterIds[(i * 20 + j) % posterIds.length],
          runId: ids.big,
          runAt: now,
          updatedAt: now,
        },
      },
    })),
  );
  for (let i = 0; i < cells.length; i += 25) {
    await lib.clients
      .awsClients()
      .dynamo.send(new BatchWriteCommand({ RequestItems: { [tableName]: cells.slice(i, i + 25) } }));
  }

  // The team directory at its cap: 2,000 members, each with the longest name and subject.
  const subs = Array.from({ length: 2000 }, (_, i) => `${"s".repeat(250)}${String(i).padStart(4, "0")}`);
  for (let i = 0; i < subs.length; i += 50) {
    await Promise.all(
      subs.slice(i, i + 50).map((sub, j) =>
        lib.members.upsertMember({
          sub,
          email: `m${i + j}@example.com`,
          name: `${"N".repeat(96)}${String(i + j).padStart(4, "0")}`,
          emailVerified: true,
        }),
      ),
    );
  }
  // The board's editors: 19 of them, the 20th added by the call above.
  ids.firstEditor = subs[0] ?? "";
  ids.lastEditor = subs[19] ?? "";
  for (const sub of subs.slice(0, 19)) {
    const refused = await lib.boards.addEditor(board.id, sub, member.sub, {
      id: newId(),
      sub,
      kind: "editor",
      boardId: board.id,
      boardName: board.name,
      actorName: member.name,
      read: false,
      createdAt: now,
    });
    assert.equal(refused, undefined);
  }

  // 500 comments on the big poster (what a listing reads), each at the longest, mentioning the most members, pinned;
  // and 100 unread notifications (a page) with the longest excerpts.
  const mentions = subs.slice(0, 20).map((sub) => ({ sub, handle: "h".repeat(40), name: "N".repeat(100) }));
  const comments = Array.from({ length: 500 }, (_, i) => {
    const id = newId();
    return lib.comments.commentItem({
      id,
      target: "poster",
      targetId: ids.big,
      authorSub: member.sub,
      authorName: member.name,
      body: "c".repeat(2000),
      mentions,
      pin: { x: 0.5, y: 0.5 },
      createdAt: new Date(Date.now() - (500 - i) * 10).toISOString(),
    });
  });
  const first = comments[0]?.Put?.Item;
  ids.comment = typeof first?.id === "string" ? first.id : "";
  const notices = Array.from({ length: 100 }, (_, i) =>
    lib.notifications.notificationItem({
      id: newId(),
      sub: member.sub,
      kind: "mention",
      commentId: ids.comment,
      target: "poster",
      targetId: ids.big,
      targetName: "p".repeat(200),
      excerpt: "e".repeat(2000),
      actorName: "a".repeat(100),
      read: false,
      createdAt: new Date(Date.now() - i).toISOString(),
    }),
  );
  const puts = [...comments, ...notices].map((item) => ({ PutRequest: { Item: item.Put?.Item ?? {} } }));
  for (let i = 0; i < puts.length; i += 25) {
    await lib.clients
      .awsClients()
      .dynamo.send(new BatchWriteCommand({ RequestItems: { [tableName]: puts.slice(i, i + 25) } }));
  }

  // A pack of every placement, done, its ZIP in S3.
  ids.job = newId();
  const formats = lib.placements.PLACEMENTS.map((p) => p.id);
  const zipKey = lib.storage.jobArchiveKey(ids.job, "pack");
  await lib.s3.putObject(zipKey, art, "application/zip");
  await lib.jobs.putJob({
    id: ids.job,
    type: "pack",
    status: "queued",
    subject: `poster#${ids.big}`,
    owner: member,
    createdAt: now,
    updatedAt: now,
    attempts: 0,
    input: { keyArtId: ids.big, formats },
    steps: Object.fromEntries(
      formats.map((f, i) => [f, { status: "done", posterId: posterIds[i + 1], charged: { reframe: 6, upscale: 3 } }]),
    ),
  });
  await lib.jobs.finishJob({ id: ids.job, createdAt: now }, undefined, {
    status: "done",
    result: { zipKey, zipName: "pack.zip", board: { id: board.id, added: true } },
  });

  // The trash: a page's worth and one more of posters with the longest prompt, trashed by their maker.
  const trash = await import("../../lib/store/trash");
  for (let i = 0; i <= 100; i++) {
    const id = newId();
    trashed.restore = id;
    await lib.posters.putPoster({ ...big, id, createdAt: new Date(Date.now() - i).toISOString() });
    assert.notEqual(await trash.trashPoster(id, { sub: member.sub, name: member.name, isAdmin: false }), "forbidden");
  }
});

after(async () => {
  await bundle?.stop();
});

const encodedSize = (r: LambdaResult) => Buffer.byteLength(JSON.stringify(r));
const bodyBytes = (r: LambdaResult) =>
  r.isBase64Encoded ? Buffer.from(r.body, "base64").byteLength : Buffer.byteLength(r.body);

describe("answers through the function", () => {
  it("has a worst case written down for every route the bundle serves", () => {
    const missing = bundleRoutes().filter((r) => !(r in ROUTES));
    assert.deepEqual(missing, [], `routes with no worst case in ROUTES: ${missing.join(", ")}`);
  });

  it("never come near Lambda's 6 MB, whatever the data; files go out as signed S3 URLs", async () => {
    const sizes: [string, number, number][] = [];
    for (const [route, make] of Object.entries(ROUTES)) {
      for (const call of [make()].flat()) {
        const result = await bundle.invoke({
          method: call.method ?? "GET",
          path: call.path,
          query: call.query,
          body: call.body,
          ...(call.browser ? { cookies: [cookie] } : { headers: { authorization: `Bearer ${token}` } }),
        });
        const expected = [call.status].flat();
        assert.ok(expected.includes(result.statusCode), `${route}: ${result.statusCode} ${result.body.slice(0, 300)}`);
        const encoded = encodedSize(result);
        sizes.push([`${call.method ?? "GET"} ${route}`, result.statusCode, encoded]);
        assert.ok(encoded < LAMBDA_LIMIT, `${route} answered ${encoded} bytes: over Lambda's 6 MB`);
        if (result.isBase64Encoded && !(result.headers["content-type"] ?? "").includes("text")) {
          assert.ok(bodyBytes(result) <= BINARY_LIMIT, `${route} sent ${bodyBytes(result)} bytes of a file`);
        }
        if (result.statusCode === 302) {
          // A file handed out: the signed S3 URL, never the bytes.
          assert.match(result.headers.location ?? "", /X-Amz-Signature=/);
        }
      }
    }
    sizes.sort((a, b) => b[2] - a[2]);
    console.log(
      sizes
        .slice(0, 12)
        .map(([r, s, n]) => `${(n / 1024).toFixed(1).padStart(8)} KiB  ${s}  ${r}`)
        .join("\n"),
    );
  });
});
