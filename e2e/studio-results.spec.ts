import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { signIn } from "./auth";
import { makePoster, makePosters } from "./fixtures";
import { expect, test } from "./members";
import { StudioPage } from "./pages/studio-page";

// The image-first studio: results fill the screen, my posters stay in a feed, a result opens in a lightbox, posters
// picked in the feed go onto a board, and 2 to 4 posters compare side by side.

const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function fitsWidth(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

const articleIds = (all: Element[]) => all.map((a) => a.getAttribute("data-poster-id") ?? "");

async function inViewport(page: Page, locator: ReturnType<Page["locator"]>) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport).toBeTruthy();
  if (!box || !viewport) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

test("at 1440×900, four 2:3 results fit the screen beside the prompt and Generate", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  const studio = new StudioPage(page);
  await studio.goto();
  // Model time long enough to see the four tiles pending (the e2e emulator answers at once otherwise).
  await studio.generatePoster("four options for a harbor thriller [latency:1500]", 4);
  await studio.closeSettings();
  await expect(studio.status).toHaveText(/Generating 4 posters/);
  await inViewport(page, studio.status);
  await studio.waitForDone(4);
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const n of [1, 2, 3, 4]) await inViewport(page, studio.tile(n));
  await inViewport(page, studio.prompt);
  await inViewport(page, studio.generate);
  await fitsWidth(page);
  // Scrolled down the feed, the prompt and Generate are still there.
  await page.mouse.wheel(0, 2000);
  await inViewport(page, studio.generate);
});

test("my results stay in the feed after a reload, and only mine", async ({ page, browser, baseURL }) => {
  const prompt = `a feed check ${Date.now()}, lighthouse keeper`;
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.generatePoster(prompt, 2);
  await studio.waitForDone(2);
  await page.reload();
  await expect(studio.tiles()).toHaveCount(0);
  // The worker's member made nothing since: the feed starts with exactly these two.
  const mine = studio.feed.getByRole("article", { name: new RegExp(prompt.slice(0, 30)) });
  await expect(mine).toHaveCount(2);
  const newest = await studio.feedIds();
  expect(newest.slice(0, 2).sort()).toEqual((await mine.evaluateAll(articleIds)).sort());
  // Someone else's poster (bob's) isn't in my feed.
  const bobs = `bob's feed poster ${Date.now()}`;
  const bob = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const bobPage = await bob.newPage();
  await signIn(bobPage, "bob");
  const made = await bobPage.request.post("/api/posters", {
    data: { prompt: bobs },
    headers: { origin: baseURL ?? "" },
  });
  expect(made.status()).toBe(201);
  await bob.close();
  await page.reload();
  await expect(studio.feed.getByRole("article").first()).toBeVisible();
  await expect(studio.feed.getByRole("article", { name: new RegExp(bobs) })).toHaveCount(0);
});

test("the feed pages with Load more, without repeats", async ({ page, request }) => {
  await makePosters(request, 13, `feed paging ${Date.now()}`);
  const studio = new StudioPage(page);
  await studio.goto();
  const items = studio.feed.getByRole("article");
  await expect(items).toHaveCount(12);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect.poll(() => items.count()).toBeGreaterThan(12);
  const ids = await items.evaluateAll((all) => all.map((a) => a.getAttribute("data-poster-id")));
  expect(new Set(ids).size).toBe(ids.length);
});

test("the lightbox: arrows move, Esc closes and gives focus back, focus stays inside", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.generatePoster("three options, a lighthouse in fog", 3);
  await studio.waitForDone(3);
  await studio.open(2);
  const dialog = page.getByRole("dialog", { name: /Poster 2 of \d+/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("lightbox-prompt")).toHaveText("three options, a lighthouse in fog");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("dialog", { name: /Poster 3 of/ })).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("dialog", { name: /Poster 1 of/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Previous poster" })).toBeDisabled();
  for (const action of ["Design poster", "Develop", "Poster page"])
    await expect(studio.lightbox.getByRole("link", { name: action })).toBeVisible();
  for (const action of ["☆ Favourite", "Use these settings", "Copy link", "Share link"])
    await expect(studio.lightbox.getByRole("button", { name: action })).toBeVisible();
  await expect(studio.lightbox.getByRole("link", { name: "Download" })).toHaveAttribute("href", /X-Amz/);
  await expect(studio.lightbox.getByLabel("Add to board")).toBeVisible();
  await expect(studio.lightbox.getByRole("button", { name: "Close (Esc)" })).toBeFocused();
  for (const key of [...Array(25).fill("Tab"), ...Array(25).fill("Shift+Tab")]) {
    await page.keyboard.press(key);
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(true);
  }
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(studio.lightbox).toHaveCount(0);
  await expect(studio.tile(2).getByRole("button", { name: "Open Variation 2" })).toBeFocused();
});

test("favourite and add to board from the lightbox", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.generatePoster("a poster for the board, desert road", 1);
  await studio.waitForDone(1);
  await studio.open(1);
  await studio.lightbox.getByRole("button", { name: "☆ Favourite" }).click();
  await expect(studio.lightbox.getByRole("button", { name: "★ Favourite" })).toHaveAttribute("aria-pressed", "true");
  await studio.lightbox.getByLabel("Add to board").selectOption({ label: "New board…" });
  const board = `Lightbox board ${Date.now()}`;
  await studio.lightbox.getByLabel("New board's name").fill(board);
  await studio.lightbox.getByRole("button", { name: "Add", exact: true }).click();
  await expect(studio.lightbox.getByRole("status")).toHaveText(`Added to “${board}”.`);
  await page.keyboard.press("Escape");
  await expect(studio.tile(1).getByRole("button", { name: /Favourite/ })).toHaveAttribute("aria-pressed", "true");
  // Keyboard focus shows the quick actions too.
  await studio.tile(1).getByRole("button", { name: "Open Variation 1" }).focus();
  await page.keyboard.press("Tab");
  await expect(studio.tile(1).getByRole("button", { name: /Favourite/ })).toBeFocused();
  await expect(
    studio
      .tile(1)
      .getByRole("button", { name: /Favourite/ })
      .locator("xpath=.."),
  ).toHaveCSS("opacity", "1");
});

test("compare three posters side by side at the same height, picked in the studio", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.generatePoster("compare me, a moonlit castle", 3);
  await studio.waitForDone(3);
  for (const n of [1, 2, 3])
    await studio
      .tile(n)
      .getByRole("button", { name: /^Select:/ })
      .click();
  await studio.bar.getByRole("link", { name: "Compare 3" }).click();
  await expect(page).toHaveURL(/\/compare\?ids=[^,]+,[^,]+,[^,]+$/);
  const images = page.getByRole("list", { name: "Posters side by side" }).getByRole("img");
  await expect(images).toHaveCount(3);
  await page.getByRole("button", { name: "← Back" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("compare: mixed ratios line up at one height; unknown ids get a clear message", async ({ page, request }) => {
  const ids = [
    (await makePoster(request, { prompt: "compare tall", aspectRatio: "2:3" })).id,
    (await makePoster(request, { prompt: "compare wide", aspectRatio: "16:9" })).id,
    (await makePoster(request, { prompt: "compare square", aspectRatio: "1:1" })).id,
  ];
  for (const viewport of [LAPTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto(`/compare?ids=${ids.join(",")}`);
    const images = page.getByRole("list", { name: "Posters side by side" }).getByRole("img");
    await expect(images).toHaveCount(3);
    for (const label of ["A", "B", "C"]) await expect(page.getByText(label, { exact: true })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Option A: compare tall/ })).toBeVisible();
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    const heights = await images.evaluateAll((all) => all.map((img) => img.getBoundingClientRect().height));
    for (const h of heights) expect(Math.abs(h - (heights[0] ?? 0))).toBeLessThanOrEqual(1);
    if (viewport === LAPTOP) expect(heights[0]).toBeLessThanOrEqual(viewport.height * 0.7 + 1);
    await fitsWidth(page);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  }

  const message = page.getByRole("main").getByRole("alert");
  await page.goto(`/compare?ids=${ids[0]},nope-not-a-poster`);
  await expect(message).toContainText("One of these posters doesn't exist");
  await expect(message).toContainText("pick at least two posters that exist");
  await page.goto("/compare?ids=");
  await expect(message).toHaveText(/Pick at least two posters to compare/);
});

test("on a 390×844 phone: prompt and Generate on the first screen, results right after, no sideways scroll", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  const studio = new StudioPage(page);
  await studio.goto();
  await inViewport(page, studio.prompt);
  await inViewport(page, studio.generate);
  await fitsWidth(page);
  await studio.prompt.fill("a phone check, rainy street");
  await studio.generate.click();
  await studio.waitForDone(2);
  const results = await studio.results.boundingBox();
  expect(results?.y ?? 9999).toBeLessThan(PHONE.height);
  await fitsWidth(page);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await studio.open(1);
  await fitsWidth(page);
  await inViewport(page, page.getByRole("button", { name: "Close (Esc)" }));
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("shift-click a range in the feed: it goes onto a board, then into a compare link", async ({ page, request }) => {
  const key = `feed range ${Date.now()}`;
  const made: string[] = [];
  for (const n of [1, 2, 3, 4]) made.push((await makePoster(request, { prompt: `${key} option ${n}` })).id);
  const studio = new StudioPage(page);
  await studio.goto();
  // Nobody else makes posters as this worker's member: the feed starts with these four, newest first.
  const newest = [...made].reverse() as [string, string, string, string];
  await expect.poll(async () => (await studio.feedIds()).slice(0, 4)).toEqual(newest);
  const [first, second, third] = newest;
  await studio.selectButton(first).click();
  await studio.item(third).click({ modifiers: ["Shift"] });
  const range = [first, second, third];
  await expect.poll(() => studio.selected()).toEqual(range);
  await expect(studio.lightbox).toHaveCount(0); // a click while selecting picks, it doesn't open the lightbox
  await expect(studio.bar.getByText("3 selected")).toBeVisible();

  const board = `Feed range ${Date.now()}`;
  await studio.bar.getByLabel("Board", { exact: true }).selectOption("new");
  await studio.bar.getByLabel("New board's name").fill(board);
  await studio.bar.getByRole("button", { name: "Add 3 to board" }).click();
  await expect(studio.bar.getByText(`Added 3 posters to “${board}”.`)).toBeVisible();
  const boards = (await (await request.get("/api/boards?limit=100")).json()).boards as { id: string; name: string }[];
  const boardMade = boards.find((b) => b.name === board);
  const view = await (await request.get(`/api/boards/${boardMade?.id}`)).json();
  expect(view.posters.map((p: { id: string }) => p.id)).toEqual(range);

  await studio.bar.getByRole("link", { name: "Compare 3" }).click();
  await expect(page).toHaveURL(`/compare?ids=${range.join(",")}`);
  await expect(page.getByRole("list", { name: "Posters side by side" }).getByRole("img")).toHaveCount(3);
});

test("with a selection, the bar fits a 390×844 phone and a 1440×900 screen, axe-clean", async ({ page, request }) => {
  const key = `bar check ${Date.now()}`;
  const ids = [
    (await makePoster(request, { prompt: `${key} a` })).id,
    (await makePoster(request, { prompt: `${key} b` })).id,
  ];
  const studio = new StudioPage(page);
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await studio.goto();
    await studio.showInFeed(ids);
    await studio.selectButton(ids[1] as string).click();
    await studio.item(ids[0] as string).click({ modifiers: ["Shift"] });
    await expect(studio.bar.getByRole("button", { name: /^Add \d+ to board$/ })).toBeVisible();
    await fitsWidth(page);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.screenshot({ path: `/tmp/wt-feed/studio-selection-${size.width}.png` });
  }
});
