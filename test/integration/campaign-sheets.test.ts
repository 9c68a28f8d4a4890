import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as templateRoute } from "@/app/api/campaigns/template.csv/route";
import { POST as uploadRoute } from "@/app/api/uploads/route";
import { marketSheetTemplate } from "@/lib/campaigns/sheet-template";
import { parseMarketSheet } from "@/lib/campaigns/spreadsheet";
import { uploadSpreadsheet } from "@/lib/client/uploads";
import { AppError } from "@/lib/errors";
import { loadSource } from "@/lib/posters/source-image";
import { type UploadTicket, XLSX_CONTENT_TYPE } from "@/lib/upload-rules";
import { readUpload } from "@/lib/uploads";
import { authed, withLocalStack } from "../support/local-stack";

// The market import's way in, against the offline stack: the template to fill in (signed-in members only), and a
// spreadsheet uploaded with the same signed S3 form as images, within its own 40 MB limit (images keep 10 MB), read
// back by its owner and parsed. s3rver enforces no form policy, so the read-back limit is what really holds.
withLocalStack();

const MB = 1024 * 1024;
const alice = { sub: "alice" };

async function ask(body: unknown) {
  const response = await uploadRoute(
    authed("http://studio.test/api/uploads", { method: "POST", body: JSON.stringify(body) }),
    {},
  );
  return { status: response.status, body: await response.json() };
}

/** Posts a file with a ticket's form as a browser does: the signed fields first, the file last. */
async function upload(file: Buffer, contentType: string, declared = file.byteLength): Promise<string> {
  const { status, body } = await ask({ contentType, bytes: declared });
  expect(status, JSON.stringify(body)).toBe(201);
  const ticket: UploadTicket = body;
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(file)], { type: contentType }), "markets");
  const stored = await fetch(ticket.url, { method: "POST", body: form });
  expect(stored.status, await stored.clone().text()).toBe(204);
  return ticket.uploadId;
}

async function refusal(check: Promise<unknown>): Promise<AppError> {
  const error = await check.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("GET /api/campaigns/template.csv", () => {
  it("is the template as a CSV download, for signed-in members only", async () => {
    const response = await templateRoute(authed("http://studio.test/api/campaigns/template.csv"), {});
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="onesheet-markets.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    // The byte order mark is part of the download (Excel reads the accents right only with it).
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString("utf8")).toBe(marketSheetTemplate());
    expect((await parseMarketSheet(bytes)).rows.map((r) => r.market.code)).toEqual(["fr-FR", "de-DE", "en-GB"]);

    const anonymous = await templateRoute(new Request("http://studio.test/api/campaigns/template.csv"), {});
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");
  });
});

describe("a spreadsheet upload", () => {
  it("is signed for CSV and XLSX up to 40 MB; images keep their 10 MB; other types are told what to send", async () => {
    expect((await ask({ contentType: "text/csv", bytes: 40 * MB })).status).toBe(201);
    const xlsx = await ask({ contentType: XLSX_CONTENT_TYPE, bytes: 12_345 });
    expect(xlsx.status).toBe(201);
    expect(xlsx.body.fields["Content-Type"]).toBe(XLSX_CONTENT_TYPE);
    const policy = JSON.parse(Buffer.from(xlsx.body.fields.Policy, "base64").toString("utf8"));
    expect(policy.conditions).toEqual(expect.arrayContaining([["content-length-range", 12_345, 12_345]]));

    const big = await ask({ contentType: "text/csv", bytes: 40 * MB + 1 });
    expect(big.status).toBe(400);
    expect(big.body.error.fields).toEqual({ bytes: "The file is larger than 40 MB: upload a smaller spreadsheet." });
    const empty = await ask({ contentType: XLSX_CONTENT_TYPE, bytes: 0 });
    expect(empty.body.error.fields).toEqual({ bytes: "The file is empty (0 bytes): pick the spreadsheet again." });
    const image = await ask({ contentType: "image/png", bytes: 11 * MB });
    expect(image.body.error.fields).toEqual({ bytes: "The file is larger than 10 MB: upload a smaller image." });
    for (const contentType of [
      "application/vnd.ms-excel",
      "application/vnd.oasis.opendocument.spreadsheet",
      "text/plain",
    ]) {
      const other = await ask({ contentType, bytes: 100 });
      expect(other.body.error.fields, contentType).toEqual({
        contentType: "Upload a spreadsheet as CSV (UTF-8) or XLSX.",
      });
    }
    expect((await ask({ contentType: "image/gif", bytes: 100 })).body.error.fields).toEqual({
      contentType: "Upload a PNG, JPEG or WebP image.",
    });
  });

  it("is read back by its owner and parsed; over 40 MB (stored anyway by s3rver) it is refused before it is read", async () => {
    const sheet = Buffer.from(
      '\uFEFFcode,title,tagline\r\nfr-FR,Le Phare,"Ça brûle, là-bas"\r\npl-PL,Latarnia,Światło\r\n',
      "utf8",
    );
    const uploadId = await upload(sheet, "text/csv");
    const bytes = await readUpload(alice, uploadId, "spreadsheet");
    expect(bytes.equals(sheet)).toBe(true);
    expect((await parseMarketSheet(bytes, "markets.csv")).rows.map((r) => r.market.tagline)).toEqual([
      "Ça brûle, là-bas",
      "Światło",
    ]);
    // Someone else's id is a 404, as for images.
    expect(await refusal(readUpload({ sub: "bob" }, uploadId, "spreadsheet"))).toMatchObject({
      code: "upload_not_found",
      message: "There is no upload of yours with that id: upload the spreadsheet again (uploads are kept for a day).",
    });

    // Signed for 40 MB; a server that ignores the policy stores 41.
    const huge = await upload(Buffer.alloc(41 * MB, "a"), "text/csv", 40 * MB);
    expect(await refusal(readUpload(alice, huge, "spreadsheet"))).toMatchObject({
      code: "invalid_input",
      status: 400,
      message: "The upload is 41.0 MB: a spreadsheet can be at most 40 MB.",
    });
    // Read as an image (a source for an operation), a spreadsheet's 40 MB allowance doesn't apply: 10 MB does.
    const eleven = await upload(Buffer.alloc(11 * MB, "a"), "text/csv");
    expect((await readUpload(alice, eleven, "spreadsheet")).byteLength).toBe(11 * MB);
    expect(await refusal(loadSource({ uploadId: eleven }, alice))).toMatchObject({
      code: "image_invalid",
      message: "The upload is 11.0 MB: an image can be at most 10 MB.",
    });
  });
});

describe("the browser's spreadsheet upload", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("goes by the file's name (Windows labels a CSV application/vnd.ms-excel) and refuses a wrong file before asking", async () => {
    // The helper calls the API by path, as a page does: route that to the handler, with alice's token.
    const fetchFirst = globalThis.fetch;
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (input: string, init: RequestInit) => {
      calls.push(input);
      if (input !== "/api/uploads") return fetchFirst(input, init);
      return uploadRoute(authed(`http://studio.test${input}`, init), {});
    });
    const text = "code,title\r\nde-DE,Der Leuchtturm\r\n";
    const csv = new File([text], "Märkte.csv", { type: "application/vnd.ms-excel" });
    const { uploadId } = await uploadSpreadsheet(csv);
    expect((await readUpload(alice, uploadId, "spreadsheet")).toString("utf8")).toBe(text);
    expect(calls).toHaveLength(2);

    await expect(
      uploadSpreadsheet(new File(["%PDF-1.7"], "brief.pdf", { type: "application/pdf" })),
    ).rejects.toMatchObject({
      code: "invalid_input",
      message: "brief.pdf isn't a CSV or XLSX spreadsheet.",
    });
    await expect(uploadSpreadsheet(new File([new Uint8Array(41 * MB)], "huge.xlsx"))).rejects.toMatchObject({
      message: "The file is 41.0 MB: a spreadsheet can be at most 40 MB.",
    });
    expect(calls).toHaveLength(2);
  });
});
