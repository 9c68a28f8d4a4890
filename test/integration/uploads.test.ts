import { createHash } from "node:crypto";
import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as uploadRoute } from "@/app/api/uploads/route";
import { uploadFile } from "@/lib/client/uploads";
import { AppError } from "@/lib/errors";
import { checkImage, type ImageLimits, loadSource } from "@/lib/posters/source-image";
import { applyExpiryRules } from "@/lib/storage-expiry";
import type { UploadTicket } from "@/lib/upload-rules";
import { LOCAL_BUCKET } from "@/local/stack";
import { client } from "../support/api";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";

// Uploads against the offline stack: the signed POST form really stores a file in the bucket the way a browser
// sends it, the form's policy says what S3 must enforce, and the server re-checks every upload it reads (s3rver,
// unlike S3, enforces no policy): only its owner's, within 10 MB, a real image within the operation's limits.
const local = withLocalStack();
const STANDARD: ImageLimits = { minSide: 64, maxPixels: 9_437_184, maxAspect: 2.5, downsize: false };
const MB = 1024 * 1024;

async function ask(body: unknown, as: MemberName = "alice") {
  const response = await uploadRoute(
    authed("http://studio.test/api/uploads", { method: "POST", body: JSON.stringify(body) }, as),
    {},
  );
  return { status: response.status, body: await response.json() };
}

/** Sends a file with a ticket's form as a browser does: multipart, the signed fields first, the file last. */
async function send(ticket: UploadTicket, file: Buffer, type: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(file)], { type }), "upload");
  return fetch(ticket.url, { method: "POST", body: form, headers: { origin: "http://studio.test" } });
}

async function upload(file: Buffer, type = "image/png", as: MemberName = "alice", bytes = file.byteLength) {
  const { status, body } = await ask({ contentType: type, bytes }, as);
  expect(status, JSON.stringify(body)).toBe(201);
  const ticket = body as UploadTicket;
  const stored = await send(ticket, file, type);
  expect(stored.status, await stored.clone().text()).toBe(204);
  return ticket;
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .png()
    .toBuffer();

async function refusal(check: Promise<unknown>, code: string, status: number): Promise<string> {
  const error = await check.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code, status });
  return (error as AppError).message;
}

const alice = { sub: "alice" };
const folder = (sub: string) => `uploads/${createHash("sha256").update(sub).digest("hex").slice(0, 16)}/`;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("POST /api/uploads", () => {
  it("answers a signed POST form for the member's own folder, limited to the declared type and size, for 10 minutes", async () => {
    const before = Date.now();
    const { status, body } = await ask({ contentType: "image/webp", bytes: 123_456 });
    expect(status).toBe(201);
    const ticket = body as UploadTicket;
    expect(ticket.uploadId).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 random bits, base64url
    expect(ticket.url).toBe(`${local.stack.env.ONESHEET_S3_ENDPOINT}/${LOCAL_BUCKET}`);
    expect(ticket.fields.key).toBe(`${folder("alice")}${ticket.uploadId}`);
    expect(ticket.fields["Content-Type"]).toBe("image/webp");
    expect(ticket.fields).toHaveProperty("X-Amz-Signature");

    const policy = JSON.parse(Buffer.from(ticket.fields.Policy ?? "", "base64").toString("utf8"));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: LOCAL_BUCKET },
        { key: ticket.fields.key },
        { "Content-Type": "image/webp" },
        ["content-length-range", 123_456, 123_456],
      ]),
    );
    const expires = Date.parse(policy.expiration);
    expect(expires - before).toBeGreaterThan(9.9 * 60_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(10 * 60_000 + 1000);
    expect(Math.abs(Date.parse(ticket.expiresAt) - expires)).toBeLessThan(2000);

    // Another member gets another folder; two tickets never share an id.
    const bobs = (await ask({ contentType: "image/png", bytes: 10 }, "bob")).body as UploadTicket;
    expect(bobs.fields.key).toBe(`${folder("bob")}${bobs.uploadId}`);
    expect(folder("bob")).not.toBe(folder("alice"));
    expect(bobs.uploadId).not.toBe(ticket.uploadId);
  });

  it("refuses a type that isn't PNG, JPEG or WebP, an empty file and one over 10 MB, signing nothing", async () => {
    const before = await local.objectKeys();
    const gif = await ask({ contentType: "image/gif", bytes: 1000 });
    expect(gif.status).toBe(400);
    expect(gif.body.error).toMatchObject({
      code: "invalid_input",
      fields: { contentType: "Upload a PNG, JPEG or WebP image." },
    });
    const empty = await ask({ contentType: "image/png", bytes: 0 });
    expect(empty.body.error.fields.bytes).toBe("The file is empty (0 bytes): pick the image again.");
    const huge = await ask({ contentType: "image/jpeg", bytes: 20 * MB });
    expect(huge.status).toBe(400);
    expect(huge.body.error.fields.bytes).toBe("The file is larger than 10 MB: upload a smaller image.");
    expect((await ask({ contentType: "image/png" })).status).toBe(400);
    expect((await ask({ contentType: "image/png", bytes: 10, key: "posters/x" })).status).toBe(400);
    expect(await local.objectKeys()).toEqual(before);
  });
});

describe("the signed form", () => {
  it("stores the file in the bucket as a browser sends it, readable by its owner through loadSource", async () => {
    const image = await png(320, 200);
    const ticket = await upload(image, "image/png");
    const s3 = new S3Client({
      region: "us-west-2",
      endpoint: local.stack.env.ONESHEET_S3_ENDPOINT,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      requestHandler: new NodeHttpHandler(),
    });
    const head = await s3.send(new HeadObjectCommand({ Bucket: LOCAL_BUCKET, Key: ticket.fields.key }));
    expect(head).toMatchObject({ ContentType: "image/png", ContentLength: image.byteLength });

    const source = await loadSource({ uploadId: ticket.uploadId }, alice);
    expect(source.bytes.equals(image)).toBe(true);
    expect(source.posterId).toBeUndefined();
    expect(await checkImage(source.bytes, STANDARD, "image")).toMatchObject({ width: 320, height: 200 });
  });

  it("lets the studio's page read S3's answer (the bucket's CORS rules)", async () => {
    const ticket = (await ask({ contentType: "image/png", bytes: 10 })).body as UploadTicket;
    const stored = await send(ticket, Buffer.alloc(10, 1), "image/png");
    expect(stored.headers.get("access-control-allow-origin")).toMatch(/^(\*|http:\/\/studio\.test)$/);
  });

  it("from the browser helper: asks for a form, then posts the file with it; refuses a wrong file before asking", async () => {
    // The helper calls the API by path, as a page does: route that to the handler, with alice's token.
    const fetchFirst = globalThis.fetch;
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (input: string, init: RequestInit) => {
      calls.push(input);
      if (input !== "/api/uploads") return fetchFirst(input, init);
      return uploadRoute(authed(`http://studio.test${input}`, init), {});
    });
    const image = await png(300, 300);
    const { uploadId } = await uploadFile(new File([new Uint8Array(image)], "comp.png", { type: "image/png" }));
    expect((await loadSource({ uploadId }, alice)).bytes.equals(image)).toBe(true);
    expect(calls).toHaveLength(2);

    const text = new File(["not a picture"], "brief.txt", { type: "text/plain" });
    await expect(uploadFile(text)).rejects.toMatchObject({
      code: "invalid_input",
      message: "brief.txt isn't a PNG, JPEG or WebP image.",
    });
    const big = new File([new Uint8Array(11 * MB)], "huge.png", { type: "image/png" });
    await expect(uploadFile(big)).rejects.toMatchObject({
      message: "The file is 11.0 MB: an image can be at most 10 MB.",
    });
    expect(calls).toHaveLength(2);
  });
});

describe("reading an upload back refuses", () => {
  it("someone else's upload, or an id that isn't one, with a 404 that tells neither apart", async () => {
    const ticket = await upload(await png(200, 200));
    const message = await refusal(loadSource({ uploadId: ticket.uploadId }, { sub: "bob" }), "upload_not_found", 404);
    expect(message).toBe(
      "There is no upload of yours with that id: upload the image again (uploads are kept for a day).",
    );
    for (const uploadId of ["AAAAAAAAAAAAAAAAAAAAAA", "../../posters/x/poster.png", "", `${ticket.fields.key}`]) {
      expect(await refusal(loadSource({ uploadId }, alice), "upload_not_found", 404)).toBe(message);
    }
  });

  it("files S3 would have refused, which s3rver stores anyway: 20 MB, 0 bytes, not an image, 10,000×10 px", async () => {
    const before = (await local.objectKeys()).filter((k) => !k.startsWith("uploads/"));
    // The form was signed for 10 MB; a server that ignores the policy stores 20.
    const huge = await upload(Buffer.alloc(20 * MB, 7), "image/png", "alice", 10 * MB);
    expect(await refusal(loadSource({ uploadId: huge.uploadId }, alice), "image_invalid", 400)).toBe(
      "The upload is 20.0 MB: an image can be at most 10 MB.",
    );
    const empty = await upload(Buffer.alloc(0), "image/png", "alice", 1);
    const emptySource = await loadSource({ uploadId: empty.uploadId }, alice);
    expect(await refusal(checkImage(emptySource.bytes, STANDARD, "image"), "image_invalid", 400)).toMatch(/0 bytes/);
    const text = await upload(Buffer.from("<html>not an image</html>"), "image/png");
    const textSource = await loadSource({ uploadId: text.uploadId }, alice);
    expect(await refusal(checkImage(textSource.bytes, STANDARD, "image"), "image_invalid", 400)).toMatch(
      /isn't a picture/,
    );
    const strip = await upload(await png(10_000, 10));
    const stripSource = await loadSource({ uploadId: strip.uploadId }, alice);
    expect(await refusal(checkImage(stripSource.bytes, STANDARD, "image"), "image_invalid", 400)).toBe(
      "The image is 10,000×10 px: its sides must be within 1:2.5 of each other (it is 1:1000).",
    );
    // Reading and checking wrote nothing.
    expect((await local.objectKeys()).filter((k) => !k.startsWith("uploads/"))).toEqual(before);
  });
});

describe("a poster as the source", () => {
  it("is its art as the model made it, for any member; a missing poster is a 404", async () => {
    const poster = (await client.createPoster({ prompt: "a harbour at dawn", seed: 5 })).body;
    const art = Buffer.from(await (await fetch(poster.downloadUrl ?? poster.url)).arrayBuffer());
    for (const member of [alice, { sub: "bob" }]) {
      const source = await loadSource({ posterId: poster.id }, member);
      expect(source.posterId).toBe(poster.id);
      expect(source.bytes.equals(art)).toBe(true);
    }
    await refusal(loadSource({ posterId: "no-such-poster" }, alice), "not_found", 404);
  });
});

describe("uploads nobody used", () => {
  it("are removed once older than a day (offline, by the launcher's sweep), posters untouched", async () => {
    await upload(await png(100, 100));
    const keys = await local.objectKeys();
    expect(keys.some((k) => k.startsWith("uploads/"))).toBe(true);
    expect(await applyExpiryRules()).toEqual([]);
    expect(await local.objectKeys()).toEqual(keys);

    const removed = await applyExpiryRules(Date.now() + 25 * 3600_000);
    expect(removed.sort()).toEqual(keys.filter((k) => k.startsWith("uploads/")));
    expect(await local.objectKeys()).toEqual(keys.filter((k) => !k.startsWith("uploads/")));
  });
});
