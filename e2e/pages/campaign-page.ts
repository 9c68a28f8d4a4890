import { expect, type Locator, type Page } from "@playwright/test";

// The campaigns list and a campaign's page, as a marketing person sees them: tabs (Overview, Brand kit, Markets,
// Placements, Matrix), found by roles and labels.

export class CampaignsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/campaigns");
    await expect(this.page.getByRole("heading", { name: "Campaigns", exact: true })).toBeVisible();
  }

  /** Fills the create form and lands on the new campaign's page; its id. */
  async create(name: string, title: string, releaseDate?: string): Promise<string> {
    const form = this.page.getByRole("form", { name: "New campaign" });
    await form.getByLabel("Campaign name").fill(name);
    await form.getByLabel("Film title").fill(title);
    if (releaseDate) await form.getByLabel("Release date (optional)").fill(releaseDate);
    await form.getByRole("button", { name: "Create campaign" }).click();
    await this.page.waitForURL(/\/campaigns\/[\w-]+$/);
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible();
    return new URL(this.page.url()).pathname.split("/").at(-1) ?? "";
  }
}

export class CampaignPage {
  readonly matrix: Locator;
  readonly grid: Locator;
  constructor(readonly page: Page) {
    this.matrix = page.getByRole("tabpanel", { name: "Matrix" });
    this.grid = this.matrix.getByRole("region", { name: "Deliverables matrix" });
  }

  async goto(id: string, tab?: string) {
    await this.page.goto(`/campaigns/${id}${tab ? `?tab=${tab}` : ""}`);
    await expect(this.page.getByRole("tablist", { name: "Campaign" })).toBeVisible();
  }

  /** Opens a tab; its panel. */
  async tab(name: "Overview" | "Brand kit" | "Markets" | "Placements" | "Matrix"): Promise<Locator> {
    await this.page.getByRole("tab", { name }).click();
    const panel = this.page.getByRole("tabpanel", { name });
    await expect(panel).toBeVisible();
    return panel;
  }

  /** A market row's field in the Markets table ("Title", 2). */
  marketField(panel: Locator, column: string, row: number): Locator {
    return panel.getByLabel(`${column}, market ${row}`, { exact: true });
  }

  /** Opens a market row's panel of its own title logo and billing (the "Logo & billing" cell); the panel. */
  async openMarketDetails(panel: Locator, row: number): Promise<Locator> {
    const toggle = this.marketDetailsToggle(panel, row);
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    const details = panel.getByRole("region", { name: `Logo and billing of market ${row}` });
    await expect(details).toBeVisible();
    return details;
  }

  /** A market row's "Logo & billing" cell: says whether it bills as the kit does, and opens its panel. */
  marketDetailsToggle(panel: Locator, row: number): Locator {
    return panel.getByRole("button", { name: new RegExp(`: logo and billing of market ${row}\\b`) });
  }

  /** The grid's cells in a state (done, queued, failed). */
  cells(status: "done" | "queued" | "failed"): Locator {
    return this.grid.locator(`[data-status="${status}"]`);
  }
}
