import AxeBuilder from "@axe-core/playwright";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";
import { SharePanel } from "./pages/library-pages";
import { transparentPng } from "./png";

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
    if (template === "Minimal")
      await expect(page.getByText(/Minimal doesn.t show the tagline, billing block and release date/)).toBeVisible();
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

test("a poster with no design opens the editor on its plain art, with no error, on a desktop and a phone", async ({
  page,
  request,
}) => {
  const { id } = await makePoster(request, { prompt: "an empty design, for opening", seed: 78 });
  const failures: string[] = [];
  page.on("pageerror", (error) => failures.push(error.message));
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`/posters/${id}/design`);
    await expect(page.getByRole("heading", { name: "Design poster" })).toBeVisible();
    const preview = page.getByRole("img", { name: "Preview of the designed poster" });
    await expect(preview).toBeVisible();
    await expect(preview).toHaveAttribute("src", /poster\.png/);
    await expect(page.getByText(/Type a title \(or add a logo\) to start/)).toBeVisible();
    await expect(page.getByText(/^Add some text/)).toHaveCount(0);
    await expect(page.getByLabel("Title", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  }
  // Emptying every field of a design says what to add, on the field, and still shows the art.
  await page.getByLabel("Title", { exact: true }).fill("x");
  await page.getByLabel("Title", { exact: true }).fill("");
  await expect(page.getByText("Add some text: a title, a tagline, a billing block or a release date.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Preview of the designed poster" })).toHaveAttribute("src", /poster\.png/);
  // Three long credit lines wrap on a phone: the billing box grows so none is hidden.
  const billing = page.getByLabel("Billing block (one credit line per line)", { exact: true });
  await billing.fill(
    "A NORTHLIGHT PICTURES PRODUCTION  A FILM BY JO MARCH\nSTARRING ALEX RIVERA  SAM CHEN  PRIYA NAIR\nMUSIC BY LEE PARK  EDITED BY ANA LIMA",
  );
  await expect.poll(() => billing.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
  expect(failures).toEqual([]);
});

test("a title broken by hand, placed in the calmest band, with a logo uploaded instead of type", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { id } = await makePoster(request, { prompt: "a pier at dusk, for lettering", seed: 79 });
  await page.goto(`/posters/${id}/design`);
  const title = page.getByLabel("Title", { exact: true });
  await title.fill("Storm");
  await title.press("Enter");
  await title.pressSequentially("Light");
  await expect(title).toHaveValue("Storm\nLight");
  await page.getByLabel("Above the title", { exact: true }).fill("ALEX RIVERA  SAM CHEN");

  await page.getByRole("checkbox", { name: "Place the title in the calmest band of the art" }).check();
  await expect(page.getByText(/^Title placed in the (top|middle|bottom) band: calmest area\.$/)).toBeVisible();
  await expect(page.getByRole("slider", { name: "Title position (top to bottom)" })).toBeDisabled();

  await page.getByRole("button", { name: "Save poster" }).click();
  await expect(page).toHaveURL(new RegExp(`/posters/${id}$`));
  const saved = await (await request.get(`/api/posters/${id}`)).json();
  expect(saved.design).toMatchObject({ title: "Storm\nLight", titleY: "auto", aboveTitle: "ALEX RIVERA  SAM CHEN" });

  await page.goto(`/posters/${id}/design`);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Storm\nLight");
  // A title treatment: a yellow bar on a transparent ground.
  await page.getByLabel("Title logo (PNG with transparency, optional)").setInputFiles({
    name: "title-treatment.png",
    mimeType: "image/png",
    buffer: await transparentPng(),
  });
  await expect(page.getByText("A logo is drawn instead of the title's type.")).toBeVisible();
  await page.getByRole("button", { name: "Save poster" }).click();
  await expect(page).toHaveURL(new RegExp(`/posters/${id}$`));
  const withLogo = await (await request.get(`/api/posters/${id}`)).json();
  expect(withLogo.design.logo).toMatch(/^logo-/);
  expect(withLogo.design.title).toBe("Storm\nLight");

  // A JPEG is refused on the field, and the logo already there stays.
  await page.goto(`/posters/${id}/design`);
  await page.getByLabel("Title logo (PNG with transparency, optional)").setInputFiles({
    name: "photo.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
  });
  await expect(page.getByText(/A title logo must be a PNG image/)).toBeVisible();
});

test("switching templates keeps the typed text and says which layers this template doesn't show", async ({
  page,
  request,
}) => {
  const { id } = await makePoster(request, { prompt: "a harbor, for templates", seed: 80 });
  await page.goto(`/posters/${id}/design`);
  await page.getByLabel("Title", { exact: true }).fill("Harbor");
  await page.getByLabel("Tagline", { exact: true }).fill("Low tide tells");
  await page.getByLabel("Billing block (one credit line per line)", { exact: true }).fill("A NORTHLIGHT PICTURE");

  await page.getByRole("radio", { name: /^Minimal/ }).check();
  await expect(page.getByLabel("Tagline", { exact: true })).toHaveAccessibleDescription(
    /Not shown by Minimal: kept in the design for other templates\./,
  );
  await expect(page.getByRole("list", { name: "Layout notes" })).toContainText(
    "Minimal doesn't show the tagline and billing block: kept in the design",
  );
  await page.getByRole("radio", { name: /^Teaser/ }).check();
  await expect(page.getByText("Not shown by Teaser: kept in the design for other templates.")).toHaveCount(1);
  await page.getByRole("radio", { name: /^Classic/ }).check();
  await expect(page.getByText(/^Not shown by/)).toHaveCount(0);
  await expect(page.getByLabel("Tagline", { exact: true })).toHaveValue("Low tide tells");
  await expect(page.getByLabel("Billing block (one credit line per line)", { exact: true })).toHaveValue(
    "A NORTHLIGHT PICTURE",
  );
});
