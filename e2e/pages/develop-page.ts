import { expect, type Locator, type Page } from "@playwright/test";

// The Develop panel (in a poster's workspace, or on /develop after an upload), found by roles and labels.
export class DevelopPanel {
  readonly panel: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole("region", { name: "Develop", exact: true });
    this.results = this.panel.getByRole("region", { name: "Develop results" });
  }

  async gotoPoster(id: string) {
    await this.page.goto(`/posters/${id}?tool=develop`);
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

  /** Waits for a run to finish and returns the new poster's id. `timeout`: for runs that make very large art (a 4×
   *  upscale to 4096×6144 px is seconds of image work, more on a busy machine). In a poster's workspace the result
   *  opens as the current version (its page, saying which it came from); on /develop, its tile links to it. */
  async doneId(name: string, options: { timeout?: number } = {}): Promise<string> {
    const source = /\/posters\/([^/?#]+)/.exec(new URL(this.page.url()).pathname)?.[1];
    if (source) {
      await this.page.waitForURL((url) => url.searchParams.get("previous") === source, options);
      const id = /\/posters\/([^/?#]+)/.exec(new URL(this.page.url()).pathname)?.[1];
      expect(id).toBeTruthy();
      expect(id).not.toBe(source);
      await expect(this.panel).toBeVisible();
      return id as string;
    }
    const tile = this.tile(name);
    await expect(tile).toHaveAttribute("data-status", "done", options);
    const href = await tile.getByRole("link", { name: /Open poster/ }).getAttribute("href");
    const id = /\/posters\/([^/#?]+)/.exec(href ?? "")?.[1];
    expect(id).toBeTruthy();
    return id as string;
  }

  // In a poster's workspace these are drawn on its canvas, outside the panel; on /develop, in it.
  maskPainter(): Locator {
    return this.page.getByRole("application", { name: "Mask painter" });
  }

  artOnCanvas(): Locator {
    return this.page.getByRole("application", { name: "Art position on the new canvas" });
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
