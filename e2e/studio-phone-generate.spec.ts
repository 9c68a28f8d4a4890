import { signIn } from "./auth";
import { expect, test } from "./members";
import { StudioPage } from "./pages/studio-page";

// A first visit on a phone: no bare "Your posters" heading over nothing, and Generate with the Settings drawer open
// folds it away and brings the new tiles into view (they sit under the form).

test("on a phone, Generate folds the settings and shows the new tiles; a new member sees no empty feed heading", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, `fresh${Date.now().toString(36)}`);
  await page.setViewportSize({ width: 390, height: 844 });
  const studio = new StudioPage(page);
  await studio.goto();
  const feedHeading = page.getByRole("heading", { name: "Your posters" });
  // Nothing made yet: the empty-state note says so under its heading.
  await expect(page.getByText(/^Nothing here yet/)).toBeVisible();
  await expect(feedHeading).toBeVisible();

  await studio.prompt.fill("a first poster, from a phone, neon harbor");
  await studio.setVariations(1); // opens the drawer
  await studio.generate.click();
  await expect(studio.settings).not.toHaveAttribute("open");
  const first = studio.results.locator("article[data-status]").first();
  await expect(first).toBeInViewport();
  await studio.waitForDone(1);
  // The only poster is this visit's tile: no "Your posters" heading over an empty feed.
  await expect(feedHeading).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});
