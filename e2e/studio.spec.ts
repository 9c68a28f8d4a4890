import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { StudioPage } from "./pages/studio-page";
import { pngSize } from "./png";

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
    for (const n of [1, 2]) {
      const loaded = await studio
        .tile(n)
        .getByRole("img")
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);
      expect(loaded).toBe(832);
    }
  });

  test("Copy link copies a pre-signed URL that serves the PNG", async ({ page, context, request }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const studio = new StudioPage(page);
    await studio.goto();
    await page.getByText("Widescreen", { exact: true }).click();
    await expect(page.getByRole("radio", { name: /Widescreen/ })).toBeChecked();
    await studio.generatePoster("space opera over a ringed planet");
    await studio.waitForDone(1);
    await studio
      .tile(1)
      .getByRole("button", { name: /Copy link/ })
      .click();
    await expect(studio.tile(1).getByRole("button", { name: /Copied/ })).toBeVisible();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toContain("X-Amz-Signature=");
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await response.body())).toEqual({ width: 1344, height: 768 });
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

  test("a filtered prompt says why, and the tile offers Retry", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
    await studio.generatePoster("[fault:prompt-filter] something the filter blocks");
    await expect(studio.tile(1).getByRole("alert")).toHaveText(
      "The content filter blocked this prompt: rephrase it and try again.",
    );
    await expect(studio.tile(1).getByRole("button", { name: /Retry/ })).toBeVisible();
    await expect(studio.status).toHaveText("0 of 1 ready, 1 failed.");
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
    await studio
      .tile(1)
      .getByRole("button", { name: /Use these settings/ })
      .click();
    await expect(studio.prompt).toHaveValue("a forest at dawn");
    await expect(page.getByRole("radio", { name: /Stable Image Core/ })).toBeChecked();
    await expect(page.getByRole("radio", { name: /Square/ })).toBeChecked();
    await expect(page.getByLabel("Seed number")).toHaveValue(seed ?? "missing");
    await expect(page.getByRole("radio", { name: "Locked" })).toBeChecked();
  });

  test("offers only the models AWS still serves, and the price follows the model", async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.goto();
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
    for (let i = 0; i < 10 && !(await studio.prompt.evaluate((el) => el === document.activeElement)); i++) {
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
});
