import AxeBuilder from "@axe-core/playwright";
import { makePoster, makePosters } from "./fixtures";
import { expect, test } from "./members";
import { GalleryPage, PosterPage, SharePanel } from "./pages/library-pages";
import { StudioPage } from "./pages/studio-page";
import { pngSize } from "./png";

// The e2e server signs URLs for URL_TTL seconds (playwright.config.ts), so tests can wait past a signature's life.
const URL_TTL = Number(process.env.E2E_URL_TTL ?? 10);

const noViolations = async (page: import("@playwright/test").Page) =>
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

test("a shared board shows exactly its posters to a stranger, survives URL expiry, and dies when revoked", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(90_000);
  const [first, second, third] = await makePosters(request, 3, "share board");
  const posterPage = new PosterPage(page);
  const board = `Midnight Harbor ${Date.now()}`;
  await posterPage.goto(first as string);
  await posterPage.addToNewBoard(board);
  await posterPage.goto(second as string);
  await posterPage.addToBoard(board);

  await page.getByRole("link", { name: "Boards" }).click();
  await page.getByRole("link", { name: new RegExp(board) }).click();
  await expect(page.getByRole("list", { name: "Posters on this board" }).getByRole("listitem")).toHaveCount(2);
  await noViolations(page);
  const url = await new SharePanel(page).create();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{32}$/);

  // A stranger: a fresh context, no cookies, nothing shared with the studio's session.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(url);
  await expect(stranger.getByRole("heading", { name: board })).toBeVisible();
  const shared = stranger.getByRole("list", { name: "Shared posters" }).getByRole("img");
  await expect(shared).toHaveCount(2);
  // Nothing on it leads back into the studio: its only links are its own images and downloads.
  const links = await stranger.getByRole("link").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(url).origin;
  expect(links.filter((href) => href.startsWith(origin) && !href.startsWith(url))).toEqual([]);
  expect(await stranger.content()).not.toContain(third as string);
  await noViolations(stranger);

  // Every image URL on the page is signed per view: after the signatures expire, a reload still shows the images.
  await stranger.waitForTimeout((URL_TTL + 1) * 1000);
  for (const img of await shared.all()) {
    expect(await (await stranger.request.get((await img.getAttribute("src")) as string)).status()).toBe(403);
  }
  await stranger.reload();
  await expect(shared).toHaveCount(2);
  for (const img of await shared.all()) {
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  }

  await new SharePanel(page).revoke(url);
  const gone = await stranger.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: "This page doesn't exist" })).toBeVisible();
});

test("a shared poster unfurls: its og:image is a stable app URL that serves the PNG", async ({ page, request }) => {
  const { id } = await makePoster(request, { prompt: "a lighthouse in a storm, og card", aspectRatio: "1:1" });
  await new PosterPage(page).goto(id);
  await noViolations(page);
  const url = await new SharePanel(page).create({ showPrompt: true });
  const html = await (await request.get(url)).text();
  const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
  expect(ogImage).toBe(`${url}/image`);
  expect(html).toContain('name="twitter:card" content="summary_large_image"');
  const image = await request.get(ogImage as string);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await image.body())).toEqual({ width: 1024, height: 1024 });
  const sharePage = await request.get(url);
  expect(sharePage.headers()["referrer-policy"]).toBe("no-referrer");
  expect(await sharePage.text()).toContain("a lighthouse in a storm, og card");
});

test("the gallery pages through 60+ posters without duplicates or gaps", async ({ page, request }) => {
  test.setTimeout(120_000);
  const made = await makePosters(request, 62, "paging");
  const gallery = new GalleryPage(page);
  await gallery.goto();
  await noViolations(page);
  await gallery.loadAll();
  const ids = await gallery.ids();
  expect(new Set(ids).size).toBe(ids.length);
  const ours = ids.filter((id) => made.includes(id));
  expect(ours).toHaveLength(made.length);
  // Newest first: each poster was made after the ones before it in `made` finished... so compare creation order.
  const created = await Promise.all(
    ours.map(async (id) => (await (await request.get(`/api/posters/${id}`)).json()).createdAt),
  );
  expect([...created].sort().reverse()).toEqual(created);
});

test("favourites: star a poster in the gallery, then filter to favourites", async ({ page, request }) => {
  const { id } = await makePoster(request, {
    prompt: "favourite me",
    aspectRatio: "21:9",
    model: "stability.stable-image-ultra-v1:1",
  });
  const gallery = new GalleryPage(page);
  await gallery.goto("?aspectRatio=21:9&model=stability.stable-image-ultra-v1:1");
  const star = page.getByRole("button", { name: "Favourite: favourite me" }).first();
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  // Filters apply as they change: no Apply button.
  await page.getByLabel("My favourites").check();
  await expect(page).toHaveURL(/favorite=true/);
  expect(await gallery.ids()).toContain(id);
  const all = (await (await request.get("/api/posters?favorite=true&limit=100")).json()).posters as {
    favorite: boolean;
  }[];
  expect(all.every((p) => p.favorite)).toBe(true);
});

test("'Use these settings' on a poster page reproduces the same image", async ({ page, request }) => {
  const original = await makePoster(request, {
    prompt: "reproduce me, a neon harbor",
    model: "stability.stable-image-ultra-v1:1",
    aspectRatio: "4:5",
  });
  await new PosterPage(page).goto(original.id);
  const originalBytes = await (
    await request.get((await page.getByRole("img").first().getAttribute("src")) as string)
  ).body();
  await page.getByRole("link", { name: "Use these settings" }).click();
  const studio = new StudioPage(page);
  await expect(studio.prompt).toHaveValue("reproduce me, a neon harbor");
  await expect(page.getByLabel("Seed number")).toHaveValue(String(original.seed));
  await expect(page.getByRole("radio", { name: /Stable Image Ultra/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /Feed portrait/ })).toBeChecked();
  await studio.generate.click();
  await studio.waitForDone(1);
  const again = await (await request.get(await studio.imageUrl(1))).body();
  expect(again.equals(originalBytes)).toBe(true);
});

test("the studio offers the team's recent prompts", async ({ page, request }) => {
  await makePoster(request, { prompt: "a recent prompt worth reusing" });
  const studio = new StudioPage(page);
  await studio.goto();
  await page.getByText("Team's recent prompts").click();
  // Other tests make posters at the same time, so take whichever prompt is newest now.
  const newest = page.getByRole("list", { name: "Recent prompts" }).getByRole("button").first();
  const prompt = (await newest.getAttribute("title")) as string;
  await newest.click();
  await expect(studio.prompt).toHaveValue(prompt);
});

test("deleting a poster moves it to the trash and out of the gallery (Undo: e2e/trash.spec.ts)", async ({
  page,
  request,
}) => {
  const { id } = await makePoster(request, { prompt: "delete me" });
  await new PosterPage(page).goto(id);
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/gallery$/);
  await expect(page.getByRole("status").filter({ hasText: "Poster moved to the trash." })).toBeVisible();
  expect((await request.get(`/api/posters/${id}`)).status()).toBe(404);
  expect(await new GalleryPage(page).ids()).not.toContain(id);
});

test("the gallery folds derived versions into their original, and shows them marked on request", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  // 9:21 is a ratio no other test makes, so these tiles stay on the first page however busy the gallery is.
  const parent = await makePoster(request, { prompt: "standee to develop", aspectRatio: "9:21" });
  const cut = await makePoster(request, { operation: "remove-background", source: { posterId: parent.id } });
  const reframed = await makePoster(request, {
    operation: "reframe",
    aspectRatio: "16:9",
    source: { posterId: parent.id },
  });
  const gallery = new GalleryPage(page);
  const tile = (id: string) =>
    gallery.grid.getByRole("listitem").filter({ has: page.locator(`a[href="/posters/${id}"]`) });

  // Folded (the default): the original alone, saying how many versions it holds.
  await gallery.goto("?aspectRatio=9:21");
  expect(await gallery.ids()).toContain(parent.id);
  expect(await gallery.ids()).not.toContain(cut.id);
  await expect(tile(parent.id)).toContainText("+2 versions");
  await expect(page.getByRole("link", { name: "Originals" })).toHaveAttribute("aria-current", "page");
  await noViolations(page);

  // The toggle keeps the other filters and puts its choice in the URL.
  await page.getByRole("link", { name: "All versions" }).click();
  await expect(page).toHaveURL(/aspectRatio=9%3A21.*versions=show|versions=show.*aspectRatio=9%3A21/);
  await expect(tile(cut.id)).toContainText("Cut out");
  await expect(tile(parent.id)).not.toContainText("versions");
  await noViolations(page);

  // Filtering by an operation shows its versions, marked with what was done; the model filter names the service.
  await gallery.goto("?operation=reframe");
  await expect(tile(reframed.id)).toContainText("Reframed 16:9");
  await expect(page.getByLabel("Model").locator("option", { hasText: "Stable Outpaint" })).toHaveCount(1);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: testInfo.outputPath("gallery-versions-1440.png") });

  // On a phone the toggle and the badges still fit.
  await page.setViewportSize({ width: 390, height: 844 });
  await gallery.goto("?aspectRatio=9:21");
  await expect(page.getByRole("link", { name: "All versions" })).toBeInViewport();
  await expect(tile(parent.id).getByText("+2 versions")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("gallery-versions-390.png"), fullPage: true });

  // Deleting a version takes it off the count.
  expect((await request.delete(`/api/posters/${cut.id}`)).status()).toBe(204);
  await page.reload();
  await expect(tile(parent.id)).toContainText("+1 version");
});
