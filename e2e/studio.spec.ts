import AxeBuilder from "@axe-core/playwright";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";
import { StudioPage } from "./pages/studio-page";

test.describe("studio", () => {
  test("generates two variations, each its own tile with its own seed", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await expect(page.getByText("Local preview model — not AI.")).toBeVisible();
    await studio.generatePoster("a lone detective on a rain-soaked harbor at midnight", 2);
    await expect(studio.tiles()).toHaveCount(2);
    await studio.waitForDone(2);
    await expect(studio.status).toHaveText("2 of 2 ready.");
    const seeds = await studio.results.getByText(/^Seed \d+$/).allTextContents();
    expect(new Set(seeds).size).toBe(2);
    // A tile says done once its poster is made; its image may still be on its way from the bucket.
    for (const n of [1, 2]) {
      const image = studio.tile(n).getByRole("img");
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(832);
    }
  });

  test("Copy link copies the poster's page, never a pre-signed S3 URL", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.openSettings();
    await page.getByText("Widescreen", { exact: true }).click();
    await expect(page.getByRole("radio", { name: /Widescreen/ })).toBeChecked();
    await studio.generatePoster("space opera over a ringed planet");
    await studio.waitForDone(1);
    await studio.tile(1).hover();
    await studio
      .tile(1)
      .getByRole("button", { name: /Copy link/ })
      .click();
    await expect(studio.tile(1).getByRole("button", { name: /Copied/ })).toBeVisible();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(new RegExp(`^${baseURL}/posters/[A-Za-z0-9_-]+$`));
    expect(url).not.toContain("X-Amz");

    // The lightbox's Copy link is the same app link; the page it names shows the poster.
    await page.evaluate(() => navigator.clipboard.writeText(""));
    await studio.open(1);
    await studio.lightbox.getByRole("button", { name: "Copy link" }).click();
    await expect(studio.lightbox.getByRole("status")).toHaveText(/Link to the poster's page copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await page.goto(url);
    await expect(page.getByText("space opera over a ringed planet").first()).toBeVisible();
  });

  test("Share link in the lightbox copies a share link that opens without signing in", async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.generatePoster("a share-me harbor at dusk");
    await studio.waitForDone(1);
    await studio.open(1);
    await studio.lightbox.getByRole("button", { name: "Share link" }).click();
    await expect(studio.lightbox.getByRole("status")).toHaveText(/Share link copied/);
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(new RegExp(`^${baseURL}/s/`));
    const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const response = await (await stranger.newPage()).goto(url);
    expect(response?.status()).toBe(200);
    await stranger.close();
  });

  test("a locked seed makes the identical image again", async ({ page, request }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.lockSeed(123456);
    await studio.generatePoster("desert western at sunset, a stranger");
    await studio.waitForDone(1);
    const first = await (await request.get(await studio.imageUrl(1))).body();
    await expect(studio.results.getByText("Seed 123456")).toBeVisible();

    await studio.generate.click();
    await studio.waitForDone(1);
    const second = await (await request.get(await studio.imageUrl(1))).body();
    expect(second.equals(first)).toBe(true);
  });

  test("an empty prompt shows the field message and sends nothing", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    let posted = false;
    page.on("request", (r) => {
      if (r.url().endsWith("/api/posters") && r.method() === "POST") posted = true;
    });
    await studio.prompt.fill("   ");
    await studio.generate.click();
    await expect(page.getByText("Describe the poster: the prompt can't be empty.")).toBeVisible();
    await expect(studio.prompt).toHaveAttribute("aria-invalid", "true");
    await expect(studio.prompt).toBeFocused();
    expect(posted).toBe(false);
  });

  test("a filtered prompt is one message at the prompt, with a hint and no Retry", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.generatePoster("[fault:prompt-filter] something the filter blocks", 3);
    const message = page.getByRole("alert").filter({ hasText: "The content filter blocked this prompt" });
    await expect(message).toHaveCount(1);
    await expect(message).toContainText("Filters usually catch violence and gore, real people's names, nudity");
    await expect(page.getByText("The content filter blocked this prompt: rephrase it and try again.")).toHaveCount(1);
    await expect(studio.tiles()).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Retry/ })).toHaveCount(0);
    await expect(studio.prompt).toHaveAttribute("aria-invalid", "true");
    // Rephrasing clears it.
    await studio.prompt.fill("a calm harbor");
    await expect(message).toHaveCount(0);
  });

  test("an image the filter blocked stays on its tile, without a Retry that would fail again", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.generatePoster("[fault:output-filter] neon alley", 1);
    await expect(studio.tile(1).getByRole("alert")).toHaveText(/blocked the image the model made/);
    await expect(studio.tile(1).getByRole("button", { name: /Retry/ })).toHaveCount(0);
    await expect(studio.status).toHaveText("0 of 1 ready, 1 failed.");
  });

  test("a failure that may pass next time stays on its tile, with Retry", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.generatePoster("[fault:unavailable] a stormy pier", 1);
    await expect(studio.tile(1).getByRole("alert")).toBeVisible();
    await expect(studio.tile(1).getByRole("button", { name: /Retry/ })).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toHaveCount(1);
  });

  test("over today's budget, Generate says so with what is left, and sends nothing", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.generatePoster("a budget check, harbor lights", 1);
    await studio.waitForDone(1);
    // After each poster the studio asks for today's spending again: say the team has 10 cents left.
    await page.route("**/api/spending/today", (route) =>
      route.fulfill({
        json: { day: "2026-01-01", teamSpent: 24.9, teamBudget: 25, userSpent: 0, userBudget: null },
      }),
    );
    await studio.generate.click();
    await studio.waitForDone(1);
    let posted = false;
    page.on("request", (r) => {
      if (r.url().endsWith("/api/posters") && r.method() === "POST") posted = true;
    });
    await studio.setVariations(2);
    await expect(page.getByText("Only $0.10 of today's budget is left, and these 2 images cost $0.16")).toBeVisible();
    // aria-disabled, not disabled: it stays focusable and says why when pressed.
    await studio.generate.click({ force: true });
    await expect(page.getByRole("alert").filter({ hasText: "Only $0.10 of today's budget is left" })).toBeVisible();
    await studio.setVariations(1);
    await expect(page.getByText(/of today's budget is left/)).toHaveCount(0);
    expect(posted).toBe(false);
  });

  test("Cancel stops a slow variation without touching the others", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.generatePoster("[latency:8000] a slow harbor", 1);
    await expect(studio.tile(1).getByText(/usually about 9 s/)).toBeVisible();
    await studio
      .tile(1)
      .getByRole("button", { name: /Cancel/ })
      .click();
    await expect(studio.tile(1).getByText("Cancelled.")).toBeVisible();
  });

  test("Use these settings restores the form with the seed locked", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.openSettings();
    await page.getByRole("radio", { name: /Stable Image Core/ }).check();
    await page.getByText("Square", { exact: true }).click();
    await studio.generatePoster("a forest at dawn");
    await studio.waitForDone(1);
    const seed = (
      await studio
        .tile(1)
        .getByText(/^Seed \d+$/)
        .textContent()
    )?.replace("Seed ", "");
    await studio.prompt.fill("something else");
    await page.getByRole("radio", { name: /SD3.5 Large/ }).check();
    await studio.closeSettings();
    await studio.open(1);
    await studio.lightbox.getByRole("button", { name: "Use these settings" }).click();
    await expect(studio.lightbox).toHaveCount(0);
    await expect(studio.prompt).toHaveValue("a forest at dawn");
    await expect(studio.prompt).toBeFocused();
    await expect(page.getByRole("radio", { name: /Stable Image Core/ })).toBeChecked();
    await expect(page.getByRole("radio", { name: /Square/ })).toBeChecked();
    await expect(page.getByLabel("Seed number")).toHaveValue(seed ?? "missing");
    await expect(page.getByRole("radio", { name: "Locked" })).toBeChecked();
  });

  test("offers only the models AWS still serves, and the price follows the model", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.openSettings();
    // SDXL 1.0 is end of life on Bedrock: no choice, and none of its controls.
    await expect(page.getByRole("radio", { name: /SDXL/ })).toHaveCount(0);
    await expect(page.getByLabel("Prompt strength", { exact: true })).toHaveCount(0);
    await expect(page.getByTestId("price")).toHaveText("$0.16");
    await page.getByRole("radio", { name: /Stable Image Core/ }).check();
    await studio.setVariations(4);
    await expect(page.getByTestId("price")).toHaveText("$0.16");
    await page.getByRole("radio", { name: /Stable Image Ultra/ }).check();
    await expect(page.getByTestId("price")).toHaveText("$0.56");
  });

  test("keyboard only: reach every control in order and generate", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    // The skip link, the logo and the nav's links come first.
    for (let i = 0; i < 12 && !(await studio.prompt.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(studio.prompt).toBeFocused();
    await page.keyboard.type("a haunted lighthouse in a storm");
    for (let i = 0; i < 40 && !(await studio.generate.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(studio.generate).toBeFocused();
    await page.keyboard.press("Enter");
    await studio.waitForDone(2);
    await studio.prompt.focus();
    await page.keyboard.press("Control+Enter");
    await expect(studio.status).toHaveText(/Generating 2 posters/);
    await studio.waitForDone(2);
  });

  test("has no accessibility violations, before and after generating", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await studio.generatePoster("neon city at night", 2);
    await studio.waitForDone(2);
    await studio.generatePoster("[fault:output-filter] neon city", 1);
    await expect(studio.tile(1).getByRole("alert")).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  test("keyboard: Space selects, Shift+arrow extends, Escape clears, except when it closes the lightbox", async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.generatePoster("keyboard picks, a lantern in the snow", 2);
    await studio.waitForDone(2);
    const ids = await studio.results
      .locator("article[data-status=done] [data-select-id]")
      .evaluateAll((all) => all.map((el) => el.getAttribute("data-select-id")));
    await studio.tile(1).getByRole("button", { name: "Open Variation 1" }).focus();
    await page.keyboard.press("Space");
    await expect.poll(() => studio.selected()).toEqual([ids[0]]);
    await expect(studio.lightbox).toHaveCount(0);
    await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => studio.selected()).toEqual(ids);
    await expect(studio.bar.getByText("2 selected")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(studio.bar).toBeHidden();

    // Picked in the lightbox: the same selection; Escape there closes the lightbox and keeps the pick.
    await studio.open(2);
    await studio.lightbox.getByRole("checkbox", { name: /^Select/ }).check();
    await page.keyboard.press("Escape");
    await expect(studio.lightbox).toHaveCount(0);
    await expect(studio.bar.getByText("1 selected")).toBeVisible();
    expect(await studio.selected()).toEqual([ids[1]]);
  });

  test("deleting selected posters moves them to the trash, off the results and the feed", async ({ page, request }) => {
    const older = (await makePoster(request, { prompt: `delete me from the feed ${Date.now()}` })).id;
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.showInFeed([older]);
    await studio.generatePoster("delete me too, a foggy pier", 1);
    await studio.waitForDone(1);
    const fresh = (await studio.tile(1).locator("[data-select-id]").getAttribute("data-select-id")) as string;
    await studio
      .tile(1)
      .getByRole("button", { name: /^Select:/ })
      .click();
    await studio.selectButton(older).click();
    await expect(studio.bar.getByText("2 selected")).toBeVisible();
    // No question first: they go to the trash, and the toast offers Undo (e2e/trash.spec.ts).
    await studio.bar.getByRole("button", { name: "Delete 2" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Moved 2 posters to the trash." })).toBeVisible();
    await expect(studio.feedItem(older)).toHaveCount(0);
    await expect(studio.tiles()).toHaveCount(0);
    await expect(studio.bar).toBeHidden();
    for (const id of [older, fresh]) expect((await request.get(`/api/posters/${id}`)).status()).toBe(404);
  });
});
