import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./members";
import { CampaignPage } from "./pages/campaign-page";
import { opaquePng, transparentPng } from "./png";

// The campaign kit's title logo and a market's own billing and logo, as a marketing person sets them: a logo that
// would cover the art is refused on its field, a transparent one is drawn in the preview, kept, locked and removed;
// one market bills its stars in another order, a credit without names is refused where it was typed, a name its
// face can't set is refused by the server on that market's billing; all kept after a reload. axe finds nothing, and
// at 390 px the page doesn't scroll sideways.

const SHOTS = "test-results/campaign-kit";

async function axe(page: Page, include: string) {
  const { violations } = await new AxeBuilder({ page }).include(include).withTags(["wcag2a", "wcag2aa"]).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

async function pageWidth(page: Page) {
  return page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
}

/** The image is loaded and drawn (its signed URL answered), not a broken icon. */
async function expectLoaded(image: Locator) {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
}

async function newCampaign(request: APIRequestContext, name: string) {
  const created = await request.post("/api/campaigns", {
    data: { name: `${name} ${Date.now().toString(36)}`, title: "Harbor Lights", releaseDate: "2027-03-12" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return id;
}

test("the kit's title logo: refused without transparency, drawn in the preview, kept, locked, then removed", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  const id = await newCampaign(request, "Kit logo");
  const campaign = new CampaignPage(page);
  await campaign.goto(id, "kit");
  const kit = page.getByRole("tabpanel", { name: "Brand kit" });
  const field = kit.getByLabel("Title logo (PNG with transparency, optional)");
  const preview = kit.getByRole("figure", { name: /^Preview/ });
  const logo = preview.getByRole("img", { name: "Harbor Lights (the kit's title logo)" });

  // A logo with no transparent pixel would cover the art: the server's reason, on the field.
  await field.setInputFiles({ name: "flat.png", mimeType: "image/png", buffer: await opaquePng() });
  await expect(field).toHaveAccessibleDescription(/The logo has no transparent background/);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(logo).toHaveCount(0);
  await expect(preview.getByText("Harbor Lights", { exact: true })).toBeVisible();

  // A transparent one replaces the typed title in the preview.
  await field.setInputFiles({ name: "title-treatment.png", mimeType: "image/png", buffer: await transparentPng() });
  await expect(field).toHaveAccessibleDescription(/^The logo is drawn instead of the typed title/);
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
  await expectLoaded(logo);
  await expect(preview.getByText("Harbor Lights", { exact: true })).toHaveCount(0);
  await expectLoaded(kit.getByRole("img", { name: "The title logo" }));
  await kit.getByLabel("Lock the title logo").check();
  await kit.getByRole("button", { name: "Save kit" }).click();
  await expect(kit.getByText("Saved. No deliverable is out of date.")).toBeVisible();
  await expect(kit.getByText(/^Locked: title logo\./)).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${SHOTS}/kit-logo-1440.png`, fullPage: true });
  expect(await axe(page, "main")).toEqual([]);

  // Kept: after a reload the preview draws it again, from the campaign's own signed URL.
  await page.reload();
  await expectLoaded(logo);
  const stored = await (await request.get(`/api/campaigns/${id}`)).json();
  expect(stored.kit.logo).toMatch(/^logo-/);
  expect(stored.kit.locked).toContain("logo");
  expect(Object.keys(stored.logoUrls)).toEqual([stored.kit.logo]);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectLoaded(logo);
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  expect(await axe(page, "main")).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/kit-logo-390.png`, fullPage: true });

  // Removed: the title is typed again, and saved so.
  await kit.getByRole("button", { name: "Use the typed title instead" }).click();
  await expect(logo).toHaveCount(0);
  await expect(preview.getByText("Harbor Lights", { exact: true })).toBeVisible();
  await kit.getByRole("button", { name: "Save kit" }).click();
  await expect(kit.getByText("Saved. No deliverable is out of date.")).toBeVisible();
  const after = await (await request.get(`/api/campaigns/${id}`)).json();
  expect(after.kit.logo).toBeUndefined();
});

test("a market's own billing and title logo: refused where typed, saved, kept after a reload", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  const id = await newCampaign(request, "Market billing");
  const kitSaved = await request.put(`/api/campaigns/${id}/brand`, {
    data: {
      titleFont: "anton",
      textFont: "oswald",
      billingFont: "league-gothic",
      credits: [
        { role: "starring", names: ["MAYA OKAFOR", "JONAS REED"] },
        { role: "directed by", names: ["ANNA KARLSSON"] },
      ],
      legalLine: "© 2027 Northlight Pictures",
    },
  });
  expect(kitSaved.status(), await kitSaved.text()).toBe(200);
  const marketsSaved = await request.put(`/api/campaigns/${id}/markets`, {
    data: [
      { code: "en-GB", title: "Harbor Lights" },
      { code: "fr-FR", title: "Les Lumières du port" },
    ],
  });
  expect(marketsSaved.status(), await marketsSaved.text()).toBe(200);

  const campaign = new CampaignPage(page);
  await campaign.goto(id, "markets");
  const markets = page.getByRole("tabpanel", { name: "Markets" });
  await expect(campaign.marketDetailsToggle(markets, 1)).toHaveAccessibleName(/^Kit's billing/);
  await expect(campaign.marketDetailsToggle(markets, 2)).toHaveAccessibleName(/^Kit's billing/);

  // France bills its stars the other way round, and adds its composer: its own billing starts as the kit's.
  const fr = await campaign.openMarketDetails(markets, 2);
  await expect(fr.getByText("starring MAYA OKAFOR, JONAS REED · directed by ANNA KARLSSON")).toBeVisible();
  await fr.getByRole("radio", { name: /^Its own billing/ }).check();
  await expect(fr.getByLabel("Credit 1: names, market 2")).toHaveValue("MAYA OKAFOR, JONAS REED");
  await fr.getByLabel("Credit 1: role, market 2").fill("avec");
  await fr.getByLabel("Credit 1: names, market 2").fill("JONAS REED, MAYA OKAFOR");
  await fr.getByRole("button", { name: "Move credit 2 up, market 2" }).click();
  await expect(fr.getByLabel("Credit 1: role, market 2")).toHaveValue("directed by");
  await fr.getByLabel("Credit 1: role, market 2").fill("un film de");
  await fr.getByRole("button", { name: "Add credit, market 2" }).click();
  await fr.getByLabel("Credit 3: role, market 2").fill("musique");
  await expect(campaign.marketDetailsToggle(markets, 2)).toHaveAccessibleName(/^Own billing/);

  // A credit with no names: refused before sending, on that credit's names.
  await markets.getByRole("button", { name: "Save markets" }).click();
  const names3 = fr.getByLabel("Credit 3: names, market 2");
  await expect(names3).toHaveAttribute("aria-invalid", "true");
  await expect(names3).toHaveAccessibleDescription("A credit names someone.");
  await expect(markets.getByRole("list", { name: "Problems" })).toContainText(
    "Row 2, billing, credit 3: A credit names someone.",
  );

  // A name League Gothic (the kit's billing face) can't set: the server's message lands on this market's billing.
  await names3.fill("ΕΛΕΝΗ ΚΑΡΑΪΝΔΡΟΥ");
  await markets.getByRole("button", { name: "Save markets" }).click();
  await expect(markets.getByRole("status").filter({ hasText: /can't be set/ })).toBeVisible();
  await expect(fr.getByText(/^fr-FR: League Gothic can.t set these characters: /)).toBeVisible();
  await expect(campaign.marketDetailsToggle(markets, 2)).toHaveAccessibleName(/needs fixing/);

  // Changed, the billing's messages go: they were about what was there.
  await names3.fill("CLARA VIDAL");
  await expect(fr.getByText(/League Gothic can.t set/)).toHaveCount(0);
  await expect(markets.getByRole("list", { name: "Problems" })).toHaveCount(0);
  // France's own title logo, in its panel.
  const logoField = fr.getByLabel("Its own title logo, market 2 (PNG with transparency, optional)");
  await logoField.setInputFiles({ name: "fr-titre.png", mimeType: "image/png", buffer: await transparentPng() });
  await expectLoaded(fr.getByRole("img", { name: "The title logo" }));
  await expect(campaign.marketDetailsToggle(markets, 2)).toHaveAccessibleName(/^Own billing Own logo/);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${SHOTS}/market-billing-1440.png`, fullPage: true });
  await markets.getByRole("button", { name: "Save markets" }).click();
  await expect(markets.getByText("Saved 2 markets.")).toBeVisible();
  expect(await axe(page, "main")).toEqual([]);

  // Kept: the API has France's credits in their new order and its logo; the UK still bills as the kit does.
  const stored = await (await request.get(`/api/campaigns/${id}`)).json();
  expect(stored.markets[0].credits).toBeUndefined();
  expect(stored.markets[1].credits).toEqual([
    { role: "un film de", names: ["ANNA KARLSSON"] },
    { role: "avec", names: ["JONAS REED", "MAYA OKAFOR"] },
    { role: "musique", names: ["CLARA VIDAL"] },
  ]);
  expect(stored.markets[1].logo).toMatch(/^logo-/);

  await page.reload();
  await expect(campaign.marketDetailsToggle(markets, 1)).toHaveAccessibleName(/^Kit's billing/);
  await expect(campaign.marketDetailsToggle(markets, 2)).toHaveAccessibleName(/^Own billing Own logo/);
  const again = await campaign.openMarketDetails(markets, 2);
  await expect(again.getByRole("radio", { name: /^Its own billing/ })).toBeChecked();
  await expect(again.getByLabel("Credit 1: role, market 2")).toHaveValue("un film de");
  await expect(again.getByLabel("Credit 2: names, market 2")).toHaveValue("JONAS REED, MAYA OKAFOR");
  await expect(again.getByLabel("Credit 3: names, market 2")).toHaveValue("CLARA VIDAL");
  await expectLoaded(again.getByRole("img", { name: "The title logo" }));
  await expect(markets.getByText("Unsaved changes")).toHaveCount(0);

  // On a phone: the open panel stays in the page's width, and nothing scrolls sideways but the table's box.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  const box = await again.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  expect(await axe(page, "main")).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/market-billing-390.png`, fullPage: true });
});
