import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";
import { CampaignPage, CampaignsPage } from "./pages/campaign-page";
import { StudioPage } from "./pages/studio-page";

// A film's campaign from end to end, as a marketing person runs it: create it, set the brand kit, add the markets in
// the table, make a poster in the studio and add it as key art from the lightbox, run the matrix for 2 markets × 2
// placements and watch the grid fill in, open a deliverable, download a market's ZIP; axe finds nothing, and on a
// phone the grid scrolls inside its own box while the page doesn't.

const SHOTS = "test-results/campaigns";

async function axe(page: Page, include: string) {
  const { violations } = await new AxeBuilder({ page }).include(include).withTags(["wcag2a", "wcag2aa"]).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

test("a campaign: kit, markets, key art from the studio, the matrix filled in, a deliverable, a market's ZIP", async ({
  page,
}) => {
  test.setTimeout(240_000);
  mkdirSync(SHOTS, { recursive: true });
  const name = `Harbor Lights — worldwide ${Date.now().toString(36)}`;

  // Create: the form checks with the API's schema first.
  const campaigns = new CampaignsPage(page);
  await campaigns.goto();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const form = page.getByRole("form", { name: "New campaign" });
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(form.getByText("Give the campaign's name.")).toBeVisible();
  await expect(form.getByLabel("Campaign name")).toHaveAttribute("aria-invalid", "true");
  const id = await campaigns.create(name, "Harbor Lights", "2027-03-12");
  const campaign = new CampaignPage(page);

  // The brand kit: faces, a credit, the legal line, a lock; the preview sets the title in the chosen face.
  const kit = await campaign.tab("Brand kit");
  await kit.getByRole("group", { name: "Title font" }).getByText("Anton").click();
  await kit.getByRole("button", { name: "Add credit" }).click();
  await kit.getByLabel("Credit 1: role").fill("starring");
  await kit.getByLabel("Credit 1: names").fill("MAYA OKAFOR, JONAS REED");
  await kit.getByLabel("Legal line", { exact: true }).fill("© 2027 Northlight Pictures. All rights reserved.");
  await kit.getByLabel("Lock the title font").check();
  const preview = kit.getByRole("figure", { name: /^Preview/ });
  await expect(preview.getByText("Harbor Lights", { exact: true })).toHaveCSS("font-family", /Anton/);
  await expect(preview.getByText(/^starring MAYA OKAFOR\s+JONAS REED$/)).toBeVisible();
  await kit.getByRole("button", { name: "Save kit" }).click();
  await expect(kit.getByText("Saved. No deliverable is out of date.")).toBeVisible();

  // Markets in the table: a missing title is refused on its cell, then fixed.
  const markets = await campaign.tab("Markets");
  await markets.getByRole("button", { name: "Add market" }).click();
  await markets.getByRole("button", { name: "Add market" }).click();
  await campaign.marketField(markets, "Code", 1).fill("en-GB");
  await campaign.marketField(markets, "Title", 1).fill("Harbor Lights");
  await campaign.marketField(markets, "Tagline", 1).fill("Every light is a promise");
  await campaign.marketField(markets, "Rating system", 1).fill("BBFC");
  await campaign.marketField(markets, "Rating", 1).fill("12A");
  await campaign.marketField(markets, "Code", 2).fill("fr-fr");
  await markets.getByRole("button", { name: "Save markets" }).click();
  const title2 = campaign.marketField(markets, "Title", 2);
  await expect(title2).toHaveAttribute("aria-invalid", "true");
  await expect(title2).toHaveAccessibleDescription("Give the market's title.");
  await title2.fill("Les Lumières du port");
  await campaign.marketField(markets, "Tagline", 2).fill("Chaque lumière est une promesse");
  await markets.getByRole("button", { name: "Save markets" }).click();
  await expect(markets.getByText("Saved 2 markets.")).toBeVisible();
  // The code is stored in its canonical form.
  await expect(campaign.marketField(markets, "Code", 2)).toHaveValue("fr-FR");

  // A poster made in the studio, added as key art from the lightbox's "Add to campaign".
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.generatePoster("a lighthouse over a harbor at dusk, for a campaign's key art");
  await studio.waitForDone(1);
  await studio.closeSettings();
  await studio.open(1);
  await studio.lightbox.getByRole("button", { name: "Add to campaign" }).click();
  await studio.lightbox.getByRole("button", { name: new RegExp(`^${name}`) }).click();
  await expect(studio.lightbox.getByText(`Added to “${name}” as key art.`)).toBeVisible();

  await campaign.goto(id);
  const overview = page.getByRole("tabpanel", { name: "Overview" });
  await expect(overview.getByRole("list", { name: "Key art" }).getByRole("img")).toHaveCount(1);
  await expect(overview.getByText("$0.00", { exact: true })).toBeVisible();

  // The matrix: 2 markets × 2 placements (a one-sheet, a free crop of the 2:3 art; a feed post, a Reframe).
  const matrix = await campaign.tab("Matrix");
  const run = matrix.getByRole("form", { name: "Run the matrix" });
  await run.getByRole("radio", { name: "Only these:" }).check();
  await run.getByRole("checkbox", { name: "One-sheet" }).check();
  await run.getByRole("checkbox", { name: "Feed post" }).check();
  await run.getByRole("button", { name: "Run the matrix · 4 deliverables" }).click();
  await expect(run.getByRole("status")).toHaveText(
    /^Started: 4 deliverables to make · \$\d+\.\d\d · [12] model calls?$/,
  );
  await page.screenshot({ path: `${SHOTS}/matrix-running-1280.png`, fullPage: true });
  // The grid fills in: every cell made, each its own poster.
  await expect(campaign.cells("done")).toHaveCount(4, { timeout: 150_000 });
  await expect(campaign.cells("queued")).toHaveCount(0);
  await expect(matrix.getByText(/^4 deliverables: 4 made · \$\d+\.\d\d spent$/)).toBeVisible();
  const cell = campaign.grid.getByRole("img", { name: "fr-FR · Feed post" });
  await expect(cell).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/matrix-done-1280.png`, fullPage: true });

  expect(await axe(page, "main")).toEqual([]);

  // A cell opens its poster.
  await cell.click();
  await expect(page).toHaveURL(/\/posters\/[\w-]+$/);
  await expect(page.getByRole("heading", { name: "Poster" })).toBeVisible();
  // Its design can't leave the kit's locked title font: the editor says which field and why.
  await page.getByRole("link", { name: "Edit design" }).click();
  const titleFont = page.getByRole("group", { name: /^Title font/ });
  await titleFont.getByText("Cinzel").click();
  await page.getByRole("button", { name: "Save poster" }).click();
  await expect(titleFont.getByText(/^Locked by the .+ brand kit\./)).toBeVisible();
  await expect(titleFont).toHaveAccessibleDescription(/^Locked by the .+ brand kit\./);
  // Back to the campaign, where the matrix is as it was left (not the page's first render).
  await page.goBack();
  await page.goBack();
  await expect(campaign.cells("done")).toHaveCount(4);

  // A market's ZIP: made by a job the first time, then downloaded.
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 90_000 }),
    campaign.grid.getByRole("button", { name: "Download the en-GB ZIP" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/en-GB\.zip$/);
  const file = `${SHOTS}/en-GB.zip`;
  await download.saveAs(file);
  const names = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n");
  expect(names).toContain("manifest.json");
  expect(names.filter((n) => n.endsWith(".png"))).toHaveLength(2);
  expect(names.filter((n) => n.endsWith("-layered.psd"))).toHaveLength(2);

  // A change to the kit puts what it changes out of date; Re-run goes to the matrix, which says so on each cell.
  const kitAgain = await campaign.tab("Brand kit");
  await kitAgain.getByRole("group", { name: "Title font" }).getByText("Bebas Neue").click();
  await kitAgain.getByRole("button", { name: "Save kit" }).click();
  await expect(kitAgain.getByText("Saved. 4 deliverables are out of date —")).toBeVisible();
  await kitAgain.getByRole("button", { name: "Re-run" }).click();
  await expect(campaign.matrix).toBeVisible();
  await expect(campaign.grid.getByText("Out of date")).toHaveCount(4);
  await expect(campaign.matrix.getByText(/^4 deliverables are out of date/)).toBeVisible();

  // Every tab is clean for axe.
  for (const tab of ["Overview", "Brand kit", "Markets", "Placements"] as const) {
    await campaign.tab(tab);
    expect(await axe(page, "main"), tab).toEqual([]);
  }

  // On a phone: the page doesn't scroll sideways; the grid scrolls inside its own box.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const tab of ["Overview", "Brand kit", "Markets", "Placements", "Matrix"] as const) {
    await campaign.tab(tab);
    const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    expect(width, tab).toBeLessThanOrEqual(390);
  }
  const scroll = await campaign.grid.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll.scroll).toBeGreaterThan(scroll.client);
  expect(await axe(page, "main")).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/matrix-390.png`, fullPage: true });
});

test("key art picked from the team's recent posters on the overview, then taken out again", async ({
  page,
  request,
}) => {
  const { id: posterId } = await makePoster(request, { prompt: "a teaser poster for the key art picker", seed: 5 });
  const created = await request.post("/api/campaigns", { data: { name: "Picker check", title: "Harbor Lights" } });
  expect(created.status()).toBe(201);
  const campaign = new CampaignPage(page);
  await campaign.goto((await created.json()).id);
  const overview = page.getByRole("tabpanel", { name: "Overview" });
  await overview.getByRole("button", { name: "Add from the gallery" }).click();
  const picker = overview.getByRole("region", { name: "Recent posters" });
  await picker
    .getByRole("button", { name: /a teaser poster for the key art picker/ })
    .first()
    .click();
  await expect(overview.getByText("Added to the key art.")).toBeVisible();
  const strip = overview.getByRole("list", { name: "Key art" });
  await expect(strip.getByRole("link")).toHaveAttribute("href", `/posters/${posterId}`);
  await overview.getByRole("button", { name: "Remove key art 1" }).click();
  await expect(strip).toHaveCount(0);
  await expect(overview.getByText(/^Taken out of the key art/)).toBeVisible();
});

test("markets imported from a CSV: a bad row is reported by line, then the good rows are imported", async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const csv = `${SHOTS}/markets.csv`;
  writeFileSync(
    csv,
    [
      "code,title,tagline,date,rating_system,rating_code",
      "en-GB,Harbor Lights,Every light is a promise,In cinemas 12 March,BBFC,12A",
      "de-DE,Die Hafenlichter,Jedes Licht ist ein Versprechen,AB 11. MÄRZ IM KINO,FSK,12",
      "not a code,Broken,,,,",
    ].join("\r\n"),
  );
  const campaigns = new CampaignsPage(page);
  await campaigns.goto();
  await campaigns.create(`Import check ${Date.now().toString(36)}`, "Harbor Lights");
  const campaign = new CampaignPage(page);
  const markets = await campaign.tab("Markets");
  await expect(markets.getByRole("link", { name: "Download template" })).toHaveAttribute(
    "href",
    "/api/campaigns/template.csv",
  );
  await markets.getByLabel("Spreadsheet (CSV or XLSX)").setInputFiles(csv);
  await markets.getByRole("button", { name: "Import", exact: true }).click();
  const problems = markets.getByRole("list", { name: "Rows with problems" });
  await expect(problems.getByText(/^Line 4/)).toBeVisible();
  await markets.getByRole("button", { name: "Import the good rows only" }).click();
  await expect(markets.getByText(/^Imported 2 markets\./)).toBeVisible();
  await expect(campaign.marketField(markets, "Code", 1)).toHaveValue("en-GB");
  await expect(campaign.marketField(markets, "Code", 2)).toHaveValue("de-DE");
});
