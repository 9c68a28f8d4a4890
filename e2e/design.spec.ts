import { expect, test } from "@playwright/test";
import { makePoster } from "./fixtures";
import { SharePanel } from "./pages/library-pages";

test("design a poster with each template, save, reload, edit the tagline; the share page shows the composed poster", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { id } = await makePoster(request, { prompt: "a lighthouse in a storm, for typography", seed: 77 });
  await page.goto(`/posters/${id}`);
  await page.getByRole("link", { name: "Design poster" }).click();
  await expect(page.getByRole("heading", { name: "Design poster" })).toBeVisible();

  await page.getByLabel("Title", { exact: true }).fill("Storm Light");
  await page.getByLabel("Tagline", { exact: true }).fill("Every light has a keeper");
  await page
    .getByLabel("Billing block (one credit line per line)", { exact: true })
    .fill("A NORTHLIGHT PICTURES PRODUCTION\nSTARRING ALEX RIVERA");
  await page.getByLabel("Release date", { exact: true }).fill("Winter 2027");
  const preview = page.getByRole("img", { name: "Preview of the designed poster" });

  for (const template of ["Teaser", "Minimal", "Classic"]) {
    const before = await preview.getAttribute("src").catch(() => null);
    await page.getByRole("radio", { name: new RegExp(`^${template}`) }).check();
    await expect.poll(() => preview.getAttribute("src").catch(() => null)).not.toBe(before);
    if (template === "Minimal") await expect(page.getByText(/Minimal shows the title only/)).toBeVisible();
  }
  await page.getByRole("button", { name: "Save poster" }).click();
  await expect(page).toHaveURL(new RegExp(`/posters/${id}$`));
  await expect(page.getByRole("link", { name: "Plain art" })).toBeVisible();

  const saved = await (await request.get(`/api/posters/${id}`)).json();
  expect(saved.design).toMatchObject({
    template: "classic",
    title: "Storm Light",
    tagline: "Every light has a keeper",
  });
  expect(saved.url).not.toBe(saved.artUrl);

  await page.reload();
  await page.getByRole("link", { name: "Edit design" }).click();
  await expect(page.getByLabel("Tagline", { exact: true })).toHaveValue("Every light has a keeper");
  await page.getByLabel("Tagline", { exact: true }).fill("The storm remembers");
  await page.getByRole("button", { name: "Save poster" }).click();
  await expect(page).toHaveURL(new RegExp(`/posters/${id}$`));
  const edited = await (await request.get(`/api/posters/${id}`)).json();
  expect(edited.design.tagline).toBe("The storm remembers");
  expect(edited.url).not.toBe(saved.url);

  const link = await new SharePanel(page).create();
  const stranger = await (await page.context().browser()?.newContext())?.newPage();
  if (!stranger) throw new Error("no browser");
  await stranger.goto(link);
  const shown = await stranger.getByRole("list", { name: "Shared posters" }).getByRole("img").getAttribute("src");
  expect(shown).toContain("composed-");
  await expect(stranger.getByRole("link", { name: /Plain art/ })).toBeVisible();
});

test("a bad design gets field messages, not a broken preview", async ({ page, request }) => {
  const { id } = await makePoster(request, { prompt: "bad design input" });
  await page.goto(`/posters/${id}/design`);
  await page.getByLabel("Title", { exact: true }).fill("x".repeat(61));
  await expect(page.getByText("Keep the title under 60 characters.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save poster" })).toBeDisabled();
  const response = await request.put(`/api/posters/${id}/design`, {
    data: { template: "classic", titleFont: "papyrus" },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.fields.titleFont).toMatch(/^Pick one of the fonts/);
});
