import { makePoster } from "./fixtures";
import { expect, test } from "./members";
import { StudioPage } from "./pages/studio-page";

test("pages carry a nonce-based CSP with no inline scripts allowed, and the studio runs under it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  // A nonce is per response.
  const again = (await page.request.get("/"))?.headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  const studio = new StudioPage(page);
  await studio.generatePoster("a poster under a strict policy", 1);
  await studio.waitForDone(1);
  expect(violations).toEqual([]);
});

test("state-changing API requests from another site are refused", async ({ request }) => {
  const response = await request.post("/api/boards", {
    data: { name: "forged" },
    headers: { origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("bad_origin");
});

test("the Origin check goes by the site's configured URL: forwarded hosts, other schemes, null and junk are refused", async ({
  request,
  baseURL,
}) => {
  const site = new URL(baseURL ?? "").origin;
  const forged: Record<string, string>[] = [
    { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
    { origin: site.replace("http:", "https:") },
    { origin: "null" },
    { origin: "::not a url::" },
  ];
  for (const headers of forged) {
    const response = await request.post("/api/boards", { data: { name: "forged" }, headers });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect((await response.json()).error.code).toBe("bad_origin");
  }
  expect((await request.post("/api/boards", { data: { name: "same site" }, headers: { origin: site } })).status()).toBe(
    201,
  );
});

test("API answers are never cached, and a plain-HTTP site sends no HSTS", async ({ request }) => {
  for (const path of ["/api/posters?limit=1", "/api/no-such-route", "/api/spending/csv"]) {
    // The CSV answers with a redirect to its file in S3: the app's own answer is what is checked.
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["cache-control"], path).toBe("no-store");
    expect(response.headers()["strict-transport-security"], path).toBeUndefined();
  }
});

test("Auth.js's own pages carry the CSP, and an off-site callbackUrl goes home instead of failing", async ({
  request,
  baseURL,
}) => {
  const signOut = await request.get("/api/auth/signout");
  expect(signOut.status()).toBe(200);
  expect(signOut.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  for (const callbackUrl of ["\\\\evil.com", "/\\evil.com", "https://evil.example/x"]) {
    const response = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, {
      maxRedirects: 0,
    });
    expect(response.status(), callbackUrl).toBeLessThan(400);
    const location = response.headers().location ?? "";
    expect(decodeURIComponent(location), callbackUrl).not.toContain("evil");
    expect(new URL(location, baseURL).origin).toBe(new URL(baseURL ?? "").origin);
  }
});

test("a share page's link preview points at the site, whatever Host the request claims", async ({
  request,
  baseURL,
}) => {
  const { id } = await makePoster(request, { prompt: "og image host", model: "stability.stable-image-core-v1:1" });
  const share = await request.post("/api/shares", { data: { posterId: id } });
  expect(share.status()).toBe(201);
  const { url } = await share.json();
  const html = await (await request.get(url, { headers: { "x-forwarded-host": "evil.example" } })).text();
  const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(new URL(ogImage).origin).toBe(new URL(baseURL ?? "").origin);
});

test("design text: bidi overrides are dropped, and characters the font can't set are named on the field", async ({
  page,
  request,
}) => {
  const { id } = await makePoster(request, { prompt: "glyph coverage", model: "stability.stable-image-core-v1:1" });
  await page.goto(`/posters/${id}/design`);
  const title = page.getByLabel("Title", { exact: true });
  await title.fill("Harbor 🌊");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Bebas Neue can't set these characters: 🌊.")).toBeVisible();
  await title.fill("\u202Erobrah");
  await expect(page.getByRole("img", { name: "Preview of the designed poster" })).toBeVisible();
  await expect(title).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Save poster" }).click();
  await expect(page).toHaveURL(new RegExp(`/posters/${id}$`));
  expect((await (await request.get(`/api/posters/${id}`)).json()).design.title).toBe("robrah");
});
