import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";

// Autosave, drafts and undo in the design editor (issue 18), on a desktop and a phone: nothing typed is lost without
// pressing Save — not on a reload, not on leaving the page, not when the network fails — and undo/redo walk the
// design's steps back and forth.

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

const status = (page: Page) => page.getByRole("status", { name: "Autosave" });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function serverDraft(page: Page, id: string) {
  const response = await page.request.get(`/api/posters/${id}/design/draft`);
  return response.status() === 200 ? ((await response.json()) as { design: Record<string, unknown> }) : undefined;
}

/** DRAFT_SHOTS=<folder>: screenshots of the editor's draft bar, to look at. */
async function shot(page: Page, name: string) {
  const folder = process.env.DRAFT_SHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}-${page.viewportSize()?.width}.png` });
}

async function noViolations(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("a typed tagline is autosaved: a reload without Save shows it, with the draft's time and Discard", async ({
      page,
      request,
    }) => {
      const { id } = await makePoster(request, { prompt: "a harbour at night, autosaved", seed: 301 });
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.type());
        void dialog.accept();
      });
      await page.goto(`/posters/${id}/design`);
      await field(page, "Title").fill("Low Tide");
      await field(page, "Tagline").fill("Some secrets surface");
      await expect(status(page)).toHaveText("Saved");
      // On the server, not only in this browser.
      await expect.poll(async () => (await serverDraft(page, id))?.design.tagline).toBe("Some secrets surface");

      await page.reload();
      await expect(field(page, "Tagline")).toHaveValue("Some secrets surface");
      await expect(field(page, "Title")).toHaveValue("Low Tide");
      await expect(page.getByText(/^Draft from \d/)).toBeVisible();
      // Autosave stored everything: leaving asked nothing.
      expect(dialogs).toEqual([]);
      // Nothing was committed: the poster has no design yet.
      expect((await (await request.get(`/api/posters/${id}`)).json()).design).toBeUndefined();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await shot(page, "draft-reopened");
      await noViolations(page);

      // Discard: back to the saved design (none), and no draft on the server.
      await page.getByRole("button", { name: "Discard" }).click();
      await expect(field(page, "Tagline")).toHaveValue("");
      await expect(page.getByText(/^Draft from/)).toHaveCount(0);
      expect(await serverDraft(page, id)).toBeUndefined();
    });

    test("undo and redo walk three steps back and forth; a slider drag is one step", async ({ page, request }) => {
      const { id } = await makePoster(request, { prompt: "a lighthouse, undone and redone", seed: 302 });
      await page.goto(`/posters/${id}/design`);
      const undo = page.getByRole("button", { name: "Undo", exact: true });
      const redo = page.getByRole("button", { name: "Redo", exact: true });
      await expect(undo).toBeDisabled();

      await field(page, "Title").fill("Keeper");
      await field(page, "Tagline").fill("Every light has one");
      await page.getByRole("radio", { name: /^Teaser/ }).check();
      const size = page.getByRole("slider", { name: "Title size" });
      await size.focus();
      for (let i = 0; i < 4; i++) await size.press("ArrowRight");
      await expect(size).toHaveValue("14");

      // The four key presses on the slider: one step.
      await undo.click();
      await expect(size).toHaveValue("12");
      await expect(page.getByRole("radio", { name: /^Teaser/ })).toBeChecked();
      await undo.click();
      await expect(page.getByRole("radio", { name: /^Classic/ })).toBeChecked();
      // Outside a text box, the keyboard's undo is the design's (focus is on the Undo button).
      await page.keyboard.press("Control+z");
      await expect(field(page, "Tagline")).toHaveValue("");
      await expect(field(page, "Title")).toHaveValue("Keeper");

      await page.keyboard.press("Control+Shift+z");
      await expect(field(page, "Tagline")).toHaveValue("Every light has one");
      await page.keyboard.press("Control+y");
      await expect(page.getByRole("radio", { name: /^Teaser/ })).toBeChecked();
      await redo.click();
      await expect(size).toHaveValue("14");
      await expect(redo).toBeDisabled();
      // Ctrl+Z in a text box is the browser's own (the box's typing), not the design's: the template and the size stay.
      await field(page, "Title").press("Control+z");
      await expect(page.getByRole("radio", { name: /^Teaser/ })).toBeChecked();
      await expect(size).toHaveValue("14");
      // Autosave follows what the editor shows.
      await expect(status(page)).toHaveText("Saved");
      await expect.poll(async () => (await serverDraft(page, id))?.design).toMatchObject({ titleSize: 14 });
      await noViolations(page);
    });

    test("leaving mid-edit (Gallery) and coming back finds the draft", async ({ page, request }) => {
      const { id } = await makePoster(request, { prompt: "a pier at dusk, left mid-edit", seed: 303 });
      await page.goto(`/posters/${id}/design`);
      await field(page, "Title").fill("Pier");
      // No pause for autosave: straight to the gallery.
      await field(page, "Tagline").fill("Left in a hurry");
      const nav = page.getByRole("navigation", { name: "Main" });
      const menu = nav.getByRole("button", { name: "Menu" });
      if (await menu.isVisible()) await menu.click();
      await nav.getByRole("link", { name: "Gallery" }).click();
      await expect(page).toHaveURL(/\/gallery/);
      await page.goBack();
      await expect(page).toHaveURL(new RegExp(`/posters/${id}/design$`));
      await expect(field(page, "Tagline")).toHaveValue("Left in a hurry");
      await expect.poll(async () => (await serverDraft(page, id))?.design.tagline).toBe("Left in a hurry");
      // And opened afresh, from the server's draft.
      await page.goto(`/posters/${id}`);
      await page.goto(`/posters/${id}/design`);
      await expect(field(page, "Tagline")).toHaveValue("Left in a hurry");
    });

    test("when autosave can't reach the server it says so, keeps the change in the browser across a reload, and sends it once it can", async ({
      page,
      request,
    }) => {
      const { id } = await makePoster(request, { prompt: "a storm, offline", seed: 304 });
      let failing = true;
      await page.route(`**/api/posters/${id}/design/draft`, (route) =>
        failing && route.request().method() === "PATCH" ? route.abort("internetdisconnected") : route.continue(),
      );
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.type());
        void dialog.accept();
      });
      await page.goto(`/posters/${id}/design`);
      await field(page, "Title").pressSequentially("Storm");
      await field(page, "Tagline").pressSequentially("Kept here");
      await expect(status(page)).toHaveText("Offline — changes kept here");
      expect(await serverDraft(page, id)).toBeUndefined();
      await shot(page, "draft-offline");
      await noViolations(page);

      // Leaving now would lose what the server doesn't have: the browser asks first.
      await page.reload();
      expect(dialogs).toEqual(["beforeunload"]);
      await expect(field(page, "Tagline")).toHaveValue("Kept here");
      await expect(page.getByText(/kept in this browser/)).toBeVisible();
      await expect(status(page)).toHaveText("Offline — changes kept here");
      expect(await serverDraft(page, id)).toBeUndefined();

      // Back online: the retry sends it.
      failing = false;
      await expect(status(page)).toHaveText("Saved", { timeout: 20_000 });
      expect((await serverDraft(page, id))?.design).toMatchObject({ title: "Storm", tagline: "Kept here" });
    });
  });
}

test("Save commits the draft: the poster has the design, and the draft is gone", async ({ page, request }) => {
  const { id } = await makePoster(request, { prompt: "a harbour, committed", seed: 305 });
  await page.goto(`/posters/${id}/design`);
  await field(page, "Title").fill("Harbour");
  await expect(status(page)).toHaveText("Saved");
  await page.getByRole("button", { name: "Save poster" }).click();
  await expect(page).toHaveURL(new RegExp(`/posters/${id}$`));
  expect((await (await request.get(`/api/posters/${id}`)).json()).design).toMatchObject({ title: "Harbour" });
  expect(await serverDraft(page, id)).toBeUndefined();
  await page.goto(`/posters/${id}/design`);
  await expect(field(page, "Title")).toHaveValue("Harbour");
  await expect(page.getByText(/^Draft from/)).toHaveCount(0);
});

test("a draft saved in another window since is never overwritten unknowingly: the editor says so, Keep my changes wins", async ({
  page,
  request,
}) => {
  const { id } = await makePoster(request, { prompt: "two windows, one draft", seed: 306 });
  await page.goto(`/posters/${id}/design`);
  await field(page, "Title").fill("Mine");
  await expect(status(page)).toHaveText("Saved");
  const mine = await (await request.get(`/api/posters/${id}/design/draft`)).json();
  // Another window saves the next revision.
  const other = await request.patch(`/api/posters/${id}/design/draft`, {
    data: { design: { template: "classic", title: "Theirs" }, baseRevision: mine.revision },
  });
  expect(other.status()).toBe(200);
  await field(page, "Tagline").fill("Still mine");
  await expect(status(page)).toHaveText(/^Not saved: This design's draft was changed in another window/);
  expect((await serverDraft(page, id))?.design.title).toBe("Theirs");
  await noViolations(page);
  await page.getByRole("button", { name: "Keep my changes" }).click();
  await expect(status(page)).toHaveText("Saved");
  expect((await serverDraft(page, id))?.design).toMatchObject({ title: "Mine", tagline: "Still mine" });
});
