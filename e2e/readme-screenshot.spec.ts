import { test } from "@playwright/test";
import { StudioPage } from "./pages/studio-page";

// `npm run screenshot` refreshes docs/studio.png for the README: the studio with two finished tiles.
test.skip(!process.env.SCREENSHOT, "only when refreshing the README's screenshot");

test("README screenshot", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1100 });
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.lockSeed(2026);
  await studio.generatePoster("a lone detective on a rain-soaked harbor at midnight, neon city skyline", 2);
  await studio.waitForDone(2);
  await page.evaluate(async () => {
    window.scrollTo(0, 0);
    await document.fonts.ready;
  });
  await page.screenshot({ path: process.env.SCREENSHOT as string, fullPage: false });
});
