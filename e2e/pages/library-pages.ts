import { expect, type Locator, type Page } from "@playwright/test";

// Page objects for the gallery, a poster's page, a board's page and a share page.

export class GalleryPage {
  readonly grid: Locator;
  readonly loadMore: Locator;
  constructor(readonly page: Page) {
    this.grid = page.getByRole("list", { name: "Posters" });
    this.loadMore = page.getByRole("button", { name: "Load more" });
  }
  async goto(query = "") {
    await this.page.goto(`/gallery${query}`);
    await expect(this.page.getByRole("heading", { name: "Gallery" })).toBeVisible();
  }
  /** Poster ids in grid order, from the tiles' links. */
  async ids(): Promise<string[]> {
    const hrefs = await this.grid
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    return hrefs.map((h) => h.replace("/posters/", ""));
  }
  /** Clicks "Load more" until the last page. */
  async loadAll() {
    while (await this.loadMore.isVisible()) {
      const before = (await this.ids()).length;
      await this.loadMore.click();
      await expect.poll(async () => (await this.ids()).length).toBeGreaterThan(before);
    }
  }
}

export class PosterPage {
  constructor(readonly page: Page) {}
  async goto(id: string) {
    await this.page.goto(`/posters/${id}`);
    await expect(this.page.getByRole("heading", { name: "Poster" })).toBeVisible();
  }
  async addToNewBoard(name: string) {
    await this.page.getByLabel("Board", { exact: true }).selectOption("new");
    await this.page.getByLabel("New board's name").fill(name);
    await this.page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(this.page.getByText(`Added to “${name}”.`)).toBeVisible();
  }
  async addToBoard(name: string) {
    await this.page.getByLabel("Board", { exact: true }).selectOption({ label: name });
    await this.page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(this.page.getByText(`Added to “${name}”.`)).toBeVisible();
  }
}

export class SharePanel {
  readonly links: Locator;
  constructor(readonly page: Page) {
    this.links = page.getByRole("list", { name: "Live links" });
  }
  /** Creates a link and returns its URL. */
  async create(options: { showPrompt?: boolean } = {}): Promise<string> {
    const before = await this.links
      .getByRole("listitem")
      .count()
      .catch(() => 0);
    if (options.showPrompt) await this.page.getByLabel("Show prompt and settings").check();
    await this.page.getByRole("button", { name: "Create link" }).click();
    await expect(this.links.getByRole("listitem")).toHaveCount(before + 1);
    return (await this.links.getByRole("listitem").first().locator("code").textContent()) as string;
  }
  async revoke(url: string) {
    await this.links.getByRole("button", { name: `Revoke link ${url}` }).click();
    await expect(this.links.getByText(url)).toHaveCount(0);
  }
}
