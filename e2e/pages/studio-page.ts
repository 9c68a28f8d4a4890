import { expect, type Locator, type Page } from "@playwright/test";

// The studio, as a user sees it: found by roles and labels, never by CSS classes. The prompt and Generate sit in a
// panel; the other settings fold into a "Settings" drawer; results fill the rest: this visit's tiles ("Variation n")
// on top, then my earlier posters (the feed).
export class StudioPage {
  readonly prompt: Locator;
  readonly generate: Locator;
  readonly results: Locator;
  readonly status: Locator;
  readonly settings: Locator;
  readonly feed: Locator;
  readonly lightbox: Locator;
  /** The selection bar (add to board, compare, delete), shown while anything is selected. */
  readonly bar: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByLabel("Prompt", { exact: true });
    this.generate = page.getByRole("button", { name: "Generate" });
    this.results = page.getByRole("region", { name: "Results" });
    this.status = this.results.getByRole("status").first();
    this.settings = page.locator("details", { has: page.getByText("Settings", { exact: true }) });
    this.feed = this.results.getByRole("list", { name: "Your posters, newest first" });
    this.lightbox = page.getByRole("dialog");
    this.bar = page.getByRole("region", { name: "Selected posters" });
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.prompt).toBeVisible();
  }

  /** Opens the settings drawer (model, ratio, variations, seed, the model's own controls). */
  async openSettings() {
    if (!(await this.settings.evaluate((el: HTMLDetailsElement) => el.open))) {
      await this.settings.getByText("Settings", { exact: true }).click();
    }
    await expect(this.page.getByLabel("Variations")).toBeVisible();
  }

  async closeSettings() {
    if (await this.settings.evaluate((el: HTMLDetailsElement) => el.open)) {
      await this.settings.getByText("Settings", { exact: true }).click();
    }
  }

  tile(n: number): Locator {
    return this.results.getByRole("article", { name: `Variation ${n}`, exact: true });
  }

  /** This visit's tiles (not the feed). */
  tiles(): Locator {
    return this.results.getByRole("article", { name: /^Variation \d+$/ });
  }

  async setVariations(count: number) {
    await this.openSettings();
    await this.page.getByLabel("Variations").fill(String(count));
  }

  async lockSeed(seed: number) {
    await this.openSettings();
    await this.page.getByRole("radio", { name: "Locked" }).check();
    await this.page.getByLabel("Seed number").fill(String(seed));
  }

  async generatePoster(prompt: string, variations = 1) {
    await this.prompt.fill(prompt);
    await this.setVariations(variations);
    await this.generate.click();
  }

  async waitForDone(count: number) {
    // Generous: a busy machine runs several e2e suites at once.
    await expect(this.results.locator('article[data-status="done"]')).toHaveCount(count, { timeout: 45_000 });
  }

  /** The pre-signed URL of tile n's image. */
  async imageUrl(n: number): Promise<string> {
    const src = await this.tile(n).getByRole("img").getAttribute("src");
    expect(src).toBeTruthy();
    return src as string;
  }

  /** Opens tile n (this visit's) in the lightbox. */
  async open(n: number) {
    // Near the top, right of the round select button: the quick actions sit along the bottom of the image.
    await this.tile(n)
      .getByRole("button", { name: `Open Variation ${n}` })
      .click({ position: { x: 60, y: 12 } });
    await expect(this.lightbox).toBeVisible();
  }

  /** A poster in the feed ("Your posters"), by id. */
  feedItem(id: string): Locator {
    return this.feed.locator(`article[data-poster-id="${id}"]`);
  }

  /** The image button of a result or feed poster: a click opens the lightbox, or picks while selecting. */
  item(id: string): Locator {
    return this.results.locator(`[data-select-id="${id}"]`);
  }

  /** The round select button of a feed poster. */
  selectButton(id: string): Locator {
    return this.feedItem(id).getByRole("button", { name: /^Select:/ });
  }

  /** The feed's poster ids, newest first. */
  async feedIds(): Promise<string[]> {
    return this.feed
      .locator("article[data-poster-id]")
      .evaluateAll((all) => all.map((a) => a.getAttribute("data-poster-id") ?? ""));
  }

  /** Ids selected (this visit's results and the feed), in display order. */
  async selected(): Promise<string[]> {
    return this.results
      .locator('[data-select-id][aria-current="true"]')
      .evaluateAll((all) => all.map((el) => el.getAttribute("data-select-id") ?? ""));
  }

  /** Pages the feed until every id shows (older posters are a Load more away). */
  async showInFeed(ids: string[]) {
    await expect(async () => {
      const shown = await this.feedIds();
      if (!ids.every((id) => shown.includes(id)))
        await this.page.getByRole("button", { name: "Load more" }).click({ timeout: 2000 });
      expect(ids.every((id) => shown.includes(id))).toBe(true);
    }).toPass();
  }
}
