import type { Page } from "@playwright/test";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";

// Server-rendered pages must hydrate without React redoing them (error #418 and friends). The server runs in UTC
// with its own locale; these browsers are in Los Angeles with a German locale, so anything formatted with the
// machine's time zone or locale on one side and not the other shows up here as a console error.

const HYDRATION = /hydrat|#418|#419|#422|#423|#425|did not match|didn't match/i;

/** Every console error and uncaught page error that talks about hydration, while `visit` runs. */
async function hydrationErrors(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const onConsole = (message: import("@playwright/test").ConsoleMessage) => {
    if (message.type() === "error" && HYDRATION.test(message.text())) seen.push(message.text());
  };
  const onError = (error: Error) => {
    if (HYDRATION.test(`${error.message}\n${error.stack ?? ""}`)) seen.push(error.message);
  };
  page.on("console", onConsole);
  page.on("pageerror", onError);
  try {
    await visit();
    // Hydration errors are reported once React has walked the page: give it a moment after load.
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onError);
  }
  return seen;
}

for (const where of [
  { timezoneId: "America/Los_Angeles", locale: "de-DE" },
  { timezoneId: "Asia/Tokyo", locale: "en-US" },
]) {
  test.describe(`in ${where.timezoneId} (${where.locale})`, () => {
    test.use(where);

    test("/spending hydrates without a mismatch", async ({ page }) => {
      // At least one charge in the ledger, so its times are on the page.
      await makePoster(page.request, { prompt: "a hydration check, neon harbor", seed: 9 });
      const errors = await hydrationErrors(page, async () => {
        await page.goto("/spending");
        await expect(page.getByRole("heading", { name: "Spending", level: 1 })).toBeVisible();
      });
      expect(errors).toEqual([]);
    });

    test("the gallery, a board, a poster, the reviews inbox and the account page hydrate without a mismatch", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      const request = page.request;
      const { id } = await makePoster(request, { prompt: "a hydration check, desert highway", seed: 10 });
      const board = await (await request.post("/api/boards", { data: { name: `Hydration ${Date.now()}` } })).json();
      expect((await request.post(`/api/boards/${board.id}/posters`, { data: { posterId: id } })).status()).toBe(200);
      // A review link with a verdict: dates on the status badge, the review, the link's expiry.
      const share = await (
        await request.post("/api/shares", { data: { boardId: board.id, review: true, expiresInDays: 7 } })
      ).json();
      const verdict = await request.post(`/api/shares/${share.token}/reviews`, {
        data: { posterId: id, name: "Dana", verdict: "approve", comment: "Looks right" },
      });
      expect(verdict.status()).toBe(201);
      expect((await request.post("/api/tokens", { data: { name: "hydration", expiresInDays: 30 } })).status()).toBe(
        201,
      );

      for (const path of [
        "/gallery",
        `/boards/${board.id}`,
        `/posters/${id}`,
        "/reviews",
        "/account",
        "/boards",
        "/trash",
      ]) {
        const errors = await hydrationErrors(page, async () => {
          await page.goto(path);
          await expect(page.getByRole("main")).toBeVisible();
        });
        expect(errors, path).toEqual([]);
      }
      // The share page, as a reviewer in another time zone sees it.
      const shared = await hydrationErrors(page, async () => {
        await page.goto(new URL(share.url, "http://any.test").pathname);
        await expect(page.getByRole("main").first()).toBeVisible();
      });
      expect(shared, "review link").toEqual([]);
    });
  });
}

test("ages are said the same way on both sides while hydrating, then by the browser's clock", async ({ page }) => {
  const { id } = await makePoster(page.request, { prompt: "a hydration check, ages, harbor at dawn", seed: 12 });
  // The browser's clock runs an hour ahead of the server's: "just now" on the server, "1 hour ago" here.
  await page.clock.setSystemTime(Date.now() + 3_600_000);
  const errors = await hydrationErrors(page, async () => {
    await page.goto("/gallery?q=ages%20harbor%20dawn");
    await expect(page.getByRole("list", { name: "Posters" })).toBeVisible();
  });
  expect(errors).toEqual([]);
  const tile = page
    .getByRole("list", { name: "Posters" })
    .getByRole("listitem")
    .filter({
      has: page.locator(`a[href="/posters/${id}"]`),
    });
  await expect(tile.locator("time")).toHaveText("1 hour ago");
});
