import { expect, type Locator, type Page } from "@playwright/test";

// The studio, as a user sees it: found by roles and labels, never by CSS classes.
export class StudioPage {
  readonly prompt: Locator;
  readonly generate: Locator;
  readonly results: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByLabel("Prompt", { exact: true });
    this.generate = page.getByRole("button", { name: "Generate" });
    this.results = page.getByRole("region", { name: "Results" });
    this.status = this.results.getByRole("status");
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.prompt).toBeVisible();
  }

  tile(n: number): Locator {
    return this.results.getByRole("article", { name: `Variation ${n}` });
  }

  tiles(): Locator {
    return this.results.getByRole("article");
  }

  async setVariations(count: number) {
    await this.page.getByLabel("Variations").fill(String(count));
  }

  async lockSeed(seed: number) {
    await this.page.getByRole("radio", { name: "Locked" }).check();
    await this.page.getByLabel("Seed number").fill(String(seed));
  }

  async generatePoster(prompt: string, variations = 1) {
    await this.prompt.fill(prompt);
    await this.setVariations(variations);
    await this.generate.click();
  }

  async waitForDone(count: number) {
    await expect(this.results.locator('article[data-status="done"]')).toHaveCount(count);
  }

  /** The pre-signed URL of tile n's image. */
  async imageUrl(n: number): Promise<string> {
    const src = await this.tile(n).getByRole("img").getAttribute("src");
    expect(src).toBeTruthy();
    return src as string;
  }
}
