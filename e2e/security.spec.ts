import { expect, test } from "@playwright/test";
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
