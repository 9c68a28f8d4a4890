import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Bundle, json, startBundle, text } from "./bundle";

// The Lambda bundle SST deploys (built by `npm run build:lambda` with the same OpenNext adapter), called the way
// Lambda calls it: with Function URL / API Gateway v2 events, against the offline stack. The closest thing to
// "it runs on Lambda" that can be checked without AWS.

let bundle: Bundle;
let token: string;

const invoke = (method: string, rawPath: string, body?: unknown, query = "") =>
  bundle.invoke({
    method,
    path: rawPath,
    body,
    query,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

before(async () => {
  bundle = await startBundle();
  // A script's API token, made with the app's own store code (the bundle has its own copy; both talk to dynalite).
  const { createToken } = await import("../../lib/store/tokens");
  token = (await createToken({ sub: "lambda", email: "lambda@onesheet.local" }, "lambda test")).token;
});

after(async () => {
  await bundle?.stop();
});

describe("the Lambda bundle", () => {
  it("sends a signed-out visitor from the studio to sign in, and serves the sign-in page", async () => {
    const saved = token;
    token = "";
    try {
      const result = await invoke("GET", "/");
      assert.equal(result.statusCode, 307);
      assert.match(result.headers.location ?? "", /\/signin\?callbackUrl=%2F$/);
      const signin = await invoke("GET", "/signin");
      assert.equal(signin.statusCode, 200);
      assert.match(text(signin), /Sign in with (<!-- -->)?your company account/);
      assert.match(signin.headers["content-security-policy"] ?? "", /script-src 'self' 'nonce-/);
      assert.equal((await invoke("GET", "/api/posters")).statusCode, 401);
    } finally {
      token = saved;
    }
  });

  it("generates a poster through POST /api/posters and answers JSON errors", async () => {
    const created = await invoke("POST", "/api/posters", { prompt: "a lighthouse on Lambda", seed: 9 });
    assert.equal(created.statusCode, 201, text(created));
    const poster = json(created);
    assert.equal(poster.seed, 9);
    assert.equal((await fetch(poster.url)).status, 200);

    const invalid = await invoke("POST", "/api/posters", { prompt: "" });
    assert.equal(invalid.statusCode, 400);
    assert.equal(json(invalid).error.fields.prompt, "Describe the poster: the prompt can't be empty.");
  });

  it("composes a poster's typography with the fonts shipped in the bundle", async () => {
    const poster = json(await invoke("POST", "/api/posters", { prompt: "typography on Lambda", seed: 5 }));
    const design = { template: "classic", title: "Lambda Nights", billing: "A SERVERLESS PRODUCTION" };
    const saved = await invoke("PUT", `/api/posters/${poster.id}/design`, design);
    assert.equal(saved.statusCode, 200, text(saved));
    const { poster: designed } = json(saved);
    assert.match(designed.url, /composed-/);
    assert.equal((await fetch(designed.url)).headers.get("content-type"), "image/png");
    // Cyrillic and Greek are set from the faces' other subset files, which the bundle must ship too.
    const markets = {
      template: "classic",
      title: "ПОСЛЕДНИЙ МАЯК",
      titleFont: "oswald",
      tagline: "Ο ΤΕΛΕΥΤΑΙΟΣ ΦΑΡΟΣ",
      textFont: "roboto-condensed",
      billing: "ŁÓDŹ NOCĄ  В ГЛАВНЫХ РОЛЯХ",
      billingFont: "fira-sans-extra-condensed",
    };
    const lettered = await invoke("PUT", `/api/posters/${poster.id}/design`, markets);
    assert.equal(lettered.statusCode, 200, text(lettered));
  });

  it("serves a share page, and the same 404 for a bad token", async () => {
    const poster = json(await invoke("POST", "/api/posters", { prompt: "shared from Lambda" }));
    const share = json(await invoke("POST", "/api/shares", { posterId: poster.id }));
    assert.equal(share.url, `https://studio.example.com/s/${share.token}`);
    const page = await invoke("GET", `/s/${share.token}`);
    assert.equal(page.statusCode, 200);
    assert.match(text(page), /og:image/);
    assert.equal(page.headers["referrer-policy"], "no-referrer");
    const image = await invoke("GET", `/s/${share.token}/image`);
    assert.equal(image.statusCode, 302);
    assert.equal((await fetch(image.headers.location as string)).headers.get("content-type"), "image/png");
    assert.equal((await invoke("GET", `/s/${"x".repeat(32)}`)).statusCode, 404);
  });
});
