import { makePoster } from "./fixtures";
import { expect, test } from "./members";
import { DevelopPanel } from "./pages/develop-page";
import { StudioPage } from "./pages/studio-page";

// `npm run screenshot` refreshes the README's pictures in docs/: the studio with four finished tiles at 1440×900 (and
// on a 390×844 phone, docs/studio-phone.png); a poster page with the Develop panel painting a mask; a reframed poster
// with where it came from and its before/after; the gallery folding versions into their original.
test.skip(!process.env.SCREENSHOTS, "only when refreshing the README's screenshots");
const shot = (name: string) => `${process.env.SCREENSHOTS}/${name}`;

test("README screenshots", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.lockSeed(2026);
  await studio.generatePoster("a lone detective on a rain-soaked harbor at midnight, neon city skyline", 4);
  await studio.closeSettings();
  await studio.waitForDone(4);
  await page.evaluate(async () => {
    window.scrollTo(0, 0);
    await document.fonts.ready;
  });
  await page.mouse.move(0, 0);
  // "4 of 4 ready" comes as the last tile's image starts loading: a picture with an empty tile is no picture of it.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.images]
          .filter((img) => img.getBoundingClientRect().top < window.innerHeight)
          .every((img) => img.complete && img.naturalWidth > 0),
      ),
    )
    .toBe(true);
  await page.screenshot({ path: shot("studio.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot("studio-phone.png") });

  await page.setViewportSize({ width: 1440, height: 900 });
  const { id } = await makePoster(request, {
    prompt: "a lone detective on a rain-soaked harbor at midnight, neon city skyline",
    aspectRatio: "2:3",
    seed: 2026,
  });
  const develop = new DevelopPanel(page);
  await develop.gotoPoster(id);
  await develop.choose("Fix a region");
  await develop.paint([0.35, 0.55], [0.65, 0.6]);
  await develop.field("What goes there").fill("a red umbrella");
  await develop.panel.scrollIntoViewIfNeeded();
  await develop.panel.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: shot("develop.png") });

  await develop.choose("Reframe");
  await develop.run("Reframe").click();
  const child = await develop.doneId("Reframe 1");
  await page.goto(`/posters/${child}`);
  await expect(page.getByText(/Made from/).first()).toBeVisible();
  // The workspace compares it with the poster it came from, on the canvas.
  await page.getByRole("region", { name: "History" }).getByRole("button", { name: "Compare", exact: true }).click();
  await page.screenshot({ path: shot("develop-compare.png") });

  // The workspace on a phone: the canvas on top, Develop's tools in the sheet below it.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/posters/${id}?tool=develop`);
  await develop.choose("Fix a region");
  await page.screenshot({ path: shot("workspace-phone.png") });

  // A thread with a pin, on the Comments tab.
  const comment = await request.post("/api/comments", {
    data: { posterId: id, body: "Can the umbrella read red from the back of the lobby?", pin: { x: 0.5, y: 0.62 } },
  });
  expect(comment.status()).toBe(201);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/posters/${id}?tool=comments`);
  await expect(page.getByText("Can the umbrella read red")).toBeVisible();
  await page.screenshot({ path: shot("comments.png") });

  // Lettering on the canvas: the title layer selected, its properties and contrast at the top of the Design tab.
  await page.goto(`/posters/${id}/design`);
  await page.getByLabel("Title", { exact: true }).fill("Harbor Lights");
  await page.getByLabel("Tagline", { exact: true }).fill("Every light is a promise");
  await page.getByLabel("Release date", { exact: true }).fill("In cinemas June 2027");
  const canvas = page.getByRole("region", { name: "Poster canvas" });
  await expect(canvas).toHaveAttribute("data-settled", "true", { timeout: 30_000 });
  await page.getByRole("button", { name: "Title layer" }).click();
  await expect(page.getByText("Saved", { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  // Typing scrolled the Design tab down to the fields: back to its top, where the layer's properties are.
  const toTop = () =>
    page.evaluate(() => {
      for (const el of document.querySelectorAll("*")) if (el.scrollTop > 0) el.scrollTop = 0;
    });
  await toTop();
  await page.screenshot({ path: shot("design-canvas.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(canvas).toHaveAttribute("data-settled", "true", { timeout: 30_000 });
  await toTop();
  await page.screenshot({ path: shot("design-phone.png") });
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.goto("/gallery");
  await expect(page.getByText(/\+1 version/).first()).toBeVisible();
  await page.screenshot({ path: shot("gallery-versions.png") });
});
