import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";
import { fitsWidth, GalleryPage, GallerySelection, PosterPage } from "./pages/library-pages";

// Undo for deletes: deleting moves a poster to the trash with an "Undo" toast, the Trash page restores or deletes
// for good (asking first), and revoking an API token asks first.

const noViolations = async (page: Page) =>
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);

const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });
const word = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test("deleting from the poster page shows an Undo toast that brings the poster back to the gallery", async ({
  page,
  request,
}) => {
  const key = word("undopage");
  const { id } = await makePoster(request, { prompt: `${key} a lighthouse in fog` });
  await new PosterPage(page).goto(id);
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/gallery$/);
  const moved = toast(page, "Poster moved to the trash.");
  await expect(moved).toBeVisible();
  expect((await request.get(`/api/posters/${id}`)).status()).toBe(404);
  await noViolations(page);
  if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/undo-toast.png` });

  // The keyboard reaches it: the Delete button went with the page, so focus waits on Undo.
  await expect(moved.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/posters/${id}$`));
  expect((await request.get(`/api/posters/${id}`)).status()).toBe(200);
  const gallery = new GalleryPage(page);
  await gallery.goto(`?q=${key}`);
  await expect.poll(() => gallery.ids()).toEqual([id]);
});

test("deleting from the gallery's selection bar: Undo puts the tiles back in place", async ({ page, request }) => {
  const key = word("undobar");
  const first = (await makePoster(request, { prompt: `${key} first` })).id;
  const second = (await makePoster(request, { prompt: `${key} second` })).id;
  const gallery = new GalleryPage(page);
  const select = new GallerySelection(page);
  await gallery.goto(`?q=${key}`);
  await expect.poll(() => gallery.ids()).toEqual([second, first]);
  await select.selectButton(first).click();
  await select.bar.getByRole("button", { name: "Delete 1" }).click();
  await expect.poll(() => gallery.ids()).toEqual([second]);
  const moved = toast(page, "Moved 1 poster to the trash.");
  await moved.getByRole("button", { name: "Undo" }).click();
  await expect(toast(page, "Restored 1 poster.")).toBeVisible();
  await expect.poll(() => gallery.ids()).toEqual([second, first]);
  expect((await request.get(`/api/posters/${first}`)).status()).toBe(200);
  // And after a reload, from the server.
  await gallery.goto(`?q=${key}`);
  await expect.poll(() => gallery.ids()).toEqual([second, first]);
});

for (const size of [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`the Trash page restores, and deletes for good only after asking (${size.name})`, async ({ page, request }) => {
    await page.setViewportSize(size);
    const key = word("trashpage");
    const kept = (await makePoster(request, { prompt: `${key} to restore` })).id;
    const gone = (await makePoster(request, { prompt: `${key} to delete for good` })).id;
    for (const id of [kept, gone]) expect((await request.delete(`/api/posters/${id}`)).status()).toBe(204);

    await page.goto("/gallery");
    await page.getByRole("link", { name: "Trash", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Trash", exact: true })).toBeVisible();
    const list = page.getByRole("list", { name: "Posters in the trash" });
    const item = (id: string) => list.getByRole("listitem").filter({ has: page.locator(`img[src*="${id}"]`) });
    await expect(item(kept)).toContainText(`${key} to restore`);
    await expect(item(kept)).toContainText(/Deleted for good in (30|29) days/);
    await noViolations(page);
    await fitsWidth(page);
    if (process.env.SCREENSHOTS_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/trash-${size.name}.png` });

    await item(kept)
      .getByRole("button", { name: /^Restore/ })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "Poster restored." })).toBeVisible();
    await expect(item(kept)).toHaveCount(0);
    expect((await request.get(`/api/posters/${kept}`)).status()).toBe(200);

    await item(gone)
      .getByRole("button", { name: /^Delete now/ })
      .click();
    const dialog = page.getByRole("dialog", { name: /^Delete now/ });
    await expect(dialog).toContainText("can't be restored");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(item(gone)).toHaveCount(1);
    await item(gone)
      .getByRole("button", { name: /^Delete now/ })
      .click();
    await dialog.getByRole("button", { name: "Delete for good" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Poster deleted for good." })).toBeVisible();
    await expect(item(gone)).toHaveCount(0);
    expect((await request.post(`/api/posters/${gone}/restore`)).status()).toBe(404);
  });
}

test("revoking an API token asks first, and Cancel keeps it working", async ({ page, request }) => {
  const name = word("revoke");
  const made = await request.post("/api/tokens", { data: { name, expiresInDays: 7 } });
  expect(made.status()).toBe(201);
  const { token } = (await made.json()) as { token: string };
  const script = async () =>
    (await request.get("/api/posters?limit=1", { headers: { authorization: `Bearer ${token}` } })).status();
  expect(await script()).toBe(200);

  await page.goto("/account");
  await page.getByRole("button", { name: `Revoke token ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke token ${name}` });
  await expect(dialog).toContainText("Scripts using it stop working");
  await noViolations(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await script()).toBe(200);

  await page.getByRole("button", { name: `Revoke token ${name}` }).click();
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByText("Token revoked.")).toBeVisible();
  expect(await script()).toBe(401);
});
