import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { signIn } from "./auth";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";
import { BoardPage, fitsWidth, GalleryPage, GallerySelection, PosterPage } from "./pages/library-pages";

// The library's journeys: live filters and search, multi-select (shift-click, keyboard) into a board and a compare
// link, deleting only one's own, dragging a board into a new order, and the board picker's memory.

// Axe and a production server share two CPUs with other work here: journeys get room.
test.describe.configure({ timeout: 180_000 });

const noViolations = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

/** A word no other test's prompts contain, so a search finds only this test's posters. */
const word = (name: string) => `${name}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function posters(request: import("@playwright/test").APIRequestContext, prompts: string[], aspectRatio = "2:3") {
  const ids: string[] = [];
  for (const prompt of prompts) ids.push((await makePoster(request, { prompt, aspectRatio })).id);
  return ids.reverse(); // newest first, as the gallery shows them
}

test("filters apply as they change: search any case, no-match state with Clear filters", async ({ page, request }) => {
  const key = word("zephyr");
  const [dawn, harbor] = await posters(request, [`A ${key} over the harbor`, `${key.toUpperCase()} at dawn`], "16:9");
  const other = (await makePoster(request, { prompt: `${key} portrait`, aspectRatio: "2:3" })).id;
  const gallery = new GalleryPage(page);
  const select = new GallerySelection(page);
  await gallery.goto();

  // Typing searches after a pause, whatever the case, and the URL says so.
  await select.search(`Harbor ${key.toUpperCase()}`);
  await expect(page).toHaveURL(/q=Harbor/);
  await expect.poll(() => gallery.ids()).toEqual([harbor]);
  await select.search(key);
  await expect.poll(() => gallery.ids()).toEqual([other, dawn, harbor]);

  // A select applies at once.
  await page.getByLabel("Aspect ratio").selectOption("16:9");
  await expect(page).toHaveURL(/aspectRatio=16%3A9/);
  await expect.poll(() => gallery.ids()).toEqual([dawn, harbor]);
  await expect(page.getByRole("button", { name: "Apply filters" })).toHaveCount(0);

  // Nothing matches: said as such (not an empty library), with a way back.
  await page.getByLabel("Aspect ratio").selectOption("21:9");
  await expect(page.getByRole("heading", { name: "No posters match these filters" })).toBeVisible();
  await expect(page.getByText("The library is empty")).toHaveCount(0);
  await noViolations(page);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/gallery$/);
  await expect(page.getByLabel("Search prompts")).toHaveValue("");
  await expect(page.getByLabel("Aspect ratio")).toHaveValue("");
  await expect(gallery.grid).toBeVisible();
});

test("shift-click and the keyboard select posters, which go onto a board and into a compare link", async ({
  page,
  request,
}) => {
  const key = word("selectme");
  const ids = await posters(
    request,
    [1, 2, 3, 4].map((n) => `${key} option ${n}`),
  );
  const [a, b, c, d] = ids as [string, string, string, string];
  const gallery = new GalleryPage(page);
  const select = new GallerySelection(page);
  await gallery.goto(`?q=${key}`);
  await expect.poll(() => gallery.ids()).toEqual(ids);

  await select.selectButton(a).click();
  await select.link(c).click({ modifiers: ["Shift"] });
  await expect.poll(() => select.selected()).toEqual([a, b, c]);
  await expect(page).toHaveURL(/\/gallery\?q=/); // a click while selecting picks, it doesn't open the poster
  await expect(select.bar.getByText("3 selected")).toBeVisible();
  await expect(select.bar.getByRole("link", { name: "Compare 3" })).toHaveAttribute(
    "href",
    `/compare?ids=${[a, b, c].join(",")}`,
  );
  await noViolations(page);

  // Keyboard: Space toggles the focused poster, Shift+arrow extends, Escape clears.
  await select.link(d).focus();
  await page.keyboard.press("Space");
  await expect.poll(() => select.selected()).toEqual([a, b, c, d]);
  await page.keyboard.press("Escape");
  await expect(select.bar).toBeHidden();
  await select.link(a).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Shift+ArrowRight");
  await expect.poll(() => select.selected()).toEqual([a, b]);

  const board = `Selected ${key}`;
  await select.bar.getByLabel("Board", { exact: true }).selectOption("new");
  await select.bar.getByLabel("New board's name").fill(board);
  await select.bar.getByRole("button", { name: "Add 2 to board" }).click();
  await expect(select.bar.getByText(`Added 2 posters to “${board}”.`)).toBeVisible();
  const boards = (await (await request.get("/api/boards?limit=100")).json()).boards as { id: string; name: string }[];
  const made = boards.find((x) => x.name === board);
  const view = await (await request.get(`/api/boards/${made?.id}`)).json();
  expect(view.posters.map((p: { id: string }) => p.id)).toEqual([a, b]);
});

test("deleting a selection moves only my own posters to the trash", async ({ page, request, browser }) => {
  const key = word("mixedmakers");
  const mine = (await makePoster(request, { prompt: `${key} mine` })).id;
  const bobContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const bobPage = await bobContext.newPage();
  await signIn(bobPage, "bob");
  const bobs = await bobPage.request.post("/api/posters", {
    data: { prompt: `${key} bob's` },
    headers: { origin: new URL(bobPage.url()).origin },
  });
  expect(bobs.status()).toBe(201);
  const theirs = (await bobs.json()).id as string;

  const gallery = new GalleryPage(page);
  const select = new GallerySelection(page);
  await gallery.goto(`?q=${key}`);
  await expect.poll(() => gallery.ids()).toEqual([theirs, mine]);
  await select.selectButton(theirs).click();
  await select.selectButton(mine).click();
  await expect(select.bar.getByText("1 made by others isn't deleted")).toBeVisible();
  // No question first: it goes to the trash, and the toast offers Undo (e2e/trash.spec.ts).
  await select.bar.getByRole("button", { name: "Delete 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Moved 1 poster to the trash." })).toBeVisible();
  await expect.poll(() => gallery.ids()).toEqual([theirs]);
  expect((await request.get(`/api/posters/${mine}`)).status()).toBe(404);
  expect((await request.get(`/api/posters/${theirs}`)).status()).toBe(200);
  await bobContext.close();
});

test("dragging a poster reorders the board, and the order survives a reload", async ({ page, request }) => {
  const ids = await posters(request, ["drag one", "drag two", "drag three"]);
  const board = await (await request.post("/api/boards", { data: { name: word("Drag board ") } })).json();
  for (const id of ids) await request.post(`/api/boards/${board.id}/posters`, { data: { posterId: id } });
  const boardPage = new BoardPage(page);
  await boardPage.goto(board.id);
  expect(await boardPage.ids()).toEqual(ids);
  await boardPage.drag(0, 2);
  const moved = [ids[1], ids[2], ids[0]];
  await expect.poll(() => boardPage.ids()).toEqual(moved);
  await expect(page.getByText("Moved to position 3.")).toBeVisible();
  await page.reload();
  await expect.poll(() => boardPage.ids()).toEqual(moved);
  // The keyboard's way stays.
  await expect(page.getByRole("button", { name: /Move earlier\W+poster 2/ })).toBeVisible();
});

test("the board picker remembers my last board, and New board… starts empty", async ({ page, request }) => {
  const [first, second] = await posters(request, ["picker one", "picker two"]);
  const names = [word("Picker A "), word("Picker B ")];
  for (const name of names) await request.post("/api/boards", { data: { name } });
  const poster = new PosterPage(page);
  await poster.goto(first as string);
  await poster.addToBoard(names[0] as string);
  await poster.goto(second as string);
  const picker = page.getByLabel("Board", { exact: true });
  await expect(picker.locator("option:checked")).toHaveText(names[0] as string);

  const fresh = word("Fresh ");
  await poster.addToNewBoard(fresh);
  await expect(picker.locator("option:checked")).toHaveText(fresh);
  await picker.selectOption("new");
  await expect(page.getByLabel("New board's name")).toHaveValue("");
  await page.reload();
  await expect(picker.locator("option:checked")).toHaveText(fresh);
});

/** Every image on the page has loaded (or failed): what a screenshot and a width check should see. */
const imagesSettled = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => [...document.images].every((img) => !img.getAttribute("src") || img.complete)))
    .toBe(true);

for (const size of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test(`the gallery, boards and a board fit ${size.width}px and are axe-clean`, async ({ page, request }, info) => {
    test.setTimeout(300_000);
    const key = word("fit");
    const ids = [
      ...(await posters(request, [`${key} wide`], "21:9")),
      ...(await posters(request, [`${key} tall`], "2:3")),
      ...(await posters(request, [`${key} square`], "1:1")),
      ...(await posters(request, [`${key} screen`], "16:9")),
    ];
    const board = await (await request.post("/api/boards", { data: { name: word("Fit board ") } })).json();
    for (const id of ids) await request.post(`/api/boards/${board.id}/posters`, { data: { posterId: id } });
    await page.setViewportSize(size);
    for (const path of [`/gallery?q=${key}`, "/boards", `/boards/${board.id}`]) {
      await page.goto(path);
      await imagesSettled(page);
      await fitsWidth(page);
      await noViolations(page);
      const name = path.includes("?")
        ? "gallery-search"
        : path.split("/").slice(1, 2).join("") + (path.length > 8 ? "-board" : "");
      await page.screenshot({ path: info.outputPath(`${name}-${size.width}.png`), fullPage: true });
    }
    // With a selection open, the bar fits too (clicked again until the page has hydrated).
    await page.goto(`/gallery?q=${key}`);
    const selection = new GallerySelection(page);
    await expect(async () => {
      if ((await selection.selected()).length === 0)
        await selection.selectButton(ids[0] as string).click({ force: true });
      await expect(selection.bar).toBeVisible({ timeout: 2000 });
    }).toPass();
    await selection.link(ids[1] as string).click({ modifiers: ["Shift"] });
    await fitsWidth(page);
    await noViolations(page);
    await page.screenshot({ path: info.outputPath(`selection-${size.width}.png`) });
  });
}

test("gallery tiles say which posters are out for review; drafts carry no badge", async ({ page, request }) => {
  const key = word("quill");
  const [reviewed, draft] = await posters(request, [`${key} draft lighthouse`, `${key} reviewed lighthouse`]);
  const board = await request.post("/api/boards", { data: { name: `Badge check ${key}` } });
  const boardId = (await board.json()).id as string;
  expect((await request.post(`/api/boards/${boardId}/posters`, { data: { posterId: reviewed } })).status()).toBe(200);
  expect((await request.post("/api/shares", { data: { boardId, review: true } })).status()).toBe(201);

  const gallery = new GalleryPage(page);
  await gallery.goto();
  await new GallerySelection(page).search(key);
  await expect.poll(() => gallery.ids()).toEqual([reviewed, draft]);
  const tile = (id: string | undefined) =>
    gallery.grid.getByRole("listitem").filter({ has: page.locator(`a[href="/posters/${id}"]`) });
  await expect(tile(reviewed).getByText("In review", { exact: true })).toBeVisible();
  await expect(tile(draft).getByText(/^(Draft|In review|Approved|Changes requested)$/)).toHaveCount(0);
  await noViolations(page);
});
