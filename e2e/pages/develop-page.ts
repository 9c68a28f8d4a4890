import { expect, type Locator, type Page } from "@playwright/test";

// The Develop panel (on a poster page, or on /develop after an upload), found by roles and labels.
export class DevelopPanel {
  readonly panel: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole("region", { name: "Develop", exact: true });
    this.results = this.panel.getByRole("region", { name: "Develop results" });
  }

  async gotoPoster(id: string) {
    await this.page.goto(`/posters/${id}`);
    await expect(this.panel).toBeVisible();
  }

  /** Picks an operation by its button ("Vary", "Reframe", "Fix a region", …). */
  async choose(label: string) {
    const button = this.panel.getByRole("button", { name: label, exact: true });
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
  }

  field(label: string): Locator {
    return this.panel.getByLabel(label, { exact: true });
  }

  run(label: string): Locator {
    return this.panel.getByRole("button", { name: `Run ${label}` });
  }

  tile(name: string): Locator {
    return this.results.getByRole("article", { name });
  }

  /** Waits for a tile to finish and returns the new poster's id (from its link). `timeout`: for runs that make
   *  very large art (a 4× upscale to 4096×6144 px is seconds of image work, more on a busy machine). */
  async doneId(name: string, options: { timeout?: number } = {}): Promise<string> {
    const tile = this.tile(name);
    await expect(tile).toHaveAttribute("data-status", "done", options);
    const href = await tile.getByRole("link", { name: /Open poster/ }).getAttribute("href");
    const id = /\/posters\/([^/#?]+)/.exec(href ?? "")?.[1];
    expect(id).toBeTruthy();
    return id as string;
  }

  maskPainter(): Locator {
    return this.panel.getByRole("application", { name: "Mask painter" });
  }

  artOnCanvas(): Locator {
    return this.panel.getByRole("application", { name: "Art position on the new canvas" });
  }

  /** Drags across the mask painter from one fraction of the image to another. */
  async paint(from: [number, number], to: [number, number]) {
    const surface = this.maskPainter();
    await surface.scrollIntoViewIfNeeded();
    const box = await surface.boundingBox();
    if (!box) throw new Error("no painter");
    await this.page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 10 });
    await this.page.mouse.up();
  }
}
