import { expect, type Locator, type Page } from "@playwright/test";

// Page objects for the gallery, a poster's page (its workspace), a board's page and a share page.

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
  /** Opens a poster workspace's Share tab (a board's page shows the panel as it is). */
  async open() {
    const tab = this.page.getByRole("tab", { name: "Share" });
    if ((await tab.count()) > 0) await tab.click();
  }
  /** Creates a link that only shows (no reviews) and returns its URL. */
  async create(options: { showPrompt?: boolean } = {}): Promise<string> {
    await this.open();
    const before = await this.links
      .getByRole("listitem")
      .count()
      .catch(() => 0);
    if (options.showPrompt) await this.page.getByLabel("Show prompt and settings").check();
    // A board's link takes reviews unless unticked: this one only shows.
    const review = this.page.getByLabel("Reviewers can approve and comment");
    if (await review.count()) await review.uncheck();
    await this.page.getByRole("button", { name: "Create link" }).click();
    await expect(this.links.getByRole("listitem")).toHaveCount(before + 1);
    return (await this.links.getByRole("listitem").first().locator("code").textContent()) as string;
  }
  async revoke(url: string) {
    await this.links.getByRole("button", { name: `Revoke link ${url}` }).click();
    await expect(this.links.getByText(url)).toHaveCount(0);
  }
}

/** The gallery's filters, its selection (round select buttons, shift-click, keyboard) and the selection bar. */
export class GallerySelection {
  readonly bar: Locator;
  constructor(readonly page: Page) {
    this.bar = page.getByRole("region", { name: "Selected posters" });
  }
  tile(id: string): Locator {
    return this.page
      .getByRole("list", { name: "Posters" })
      .getByRole("listitem")
      .filter({
        has: this.page.locator(`a[href="/posters/${id}"]`),
      });
  }
  link(id: string): Locator {
    return this.page.locator(`a[href="/posters/${id}"]`);
  }
  selectButton(id: string): Locator {
    return this.tile(id).getByRole("button", { name: /^Select:/ });
  }
  async search(words: string) {
    await this.page.getByLabel("Search prompts").fill(words);
  }
  /** Ids whose select button is pressed, in grid order. */
  async selected(): Promise<string[]> {
    return this.page
      .getByRole("list", { name: "Posters" })
      .getByRole("listitem")
      .evaluateAll((items) =>
        items
          .filter((li) => li.querySelector('button[aria-pressed="true"][aria-label^="Select:"]'))
          .map((li) => (li.querySelector("a")?.getAttribute("href") ?? "").replace("/posters/", "")),
      );
  }
}

export class BoardPage {
  readonly posters: Locator;
  constructor(readonly page: Page) {
    this.posters = page.getByRole("list", { name: "Posters on this board" });
  }
  async goto(id: string) {
    await this.page.goto(`/boards/${id}`);
    await expect(this.posters.or(this.page.getByText("No posters yet"))).toBeVisible();
  }
  async ids(): Promise<string[]> {
    const hrefs = await this.posters
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    return hrefs.map((h) => h.replace("/posters/", ""));
  }
  /** Drags the poster at `from` by its handle onto the poster at `to`, with the mouse (pointer events). */
  async drag(from: number, to: number) {
    const handle = this.posters.getByRole("listitem").nth(from).locator("[data-drag-handle]");
    const target = this.posters.getByRole("listitem").nth(to);
    const a = await handle.boundingBox();
    const b = await target.boundingBox();
    if (!a || !b) throw new Error("poster not on screen");
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 3, { steps: 8 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
    await this.page.mouse.up();
  }
}

/** No horizontal scrolling: the page is no wider than the window. */
export async function fitsWidth(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, `page is ${scroll}px wide in a ${inner}px window`).toBeLessThanOrEqual(inner);
}
