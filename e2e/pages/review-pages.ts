import { expect, type Locator, type Page } from "@playwright/test";

// Page objects for review links: the reviewer's page (/s/{token}) and the team's inbox (/reviews).

export class ReviewerPage {
  constructor(readonly page: Page) {}

  option(label: string): Locator {
    return this.page.getByRole("listitem").filter({ has: this.page.getByRole("heading", { name: `Option ${label}` }) });
  }

  async giveName(name: string) {
    await this.page.getByLabel("Your name").fill(name);
    await this.page.getByRole("button", { name: "Save" }).click();
    await expect(this.page.getByText(`Reviewing as ${name}`)).toBeVisible();
  }

  async approve(label: string) {
    await this.option(label)
      .getByRole("button", { name: `Approve option ${label}` })
      .click();
    await expect(this.option(label).getByRole("status")).toContainText("Approved");
  }

  /** Taps the poster at (x, y) of its size (0–1), then sends the comment. */
  async pinComment(label: string, at: { x: number; y: number }, comment: string) {
    const image = this.option(label).getByRole("img");
    const box = await image.boundingBox();
    if (!box) throw new Error("no image");
    await image.click({ position: { x: box.width * at.x, y: box.height * at.y } });
    await this.option(label).getByLabel(`Comment on ${label}`).fill(comment);
    await this.option(label)
      .getByRole("button", { name: `Send comment only on option ${label}` })
      .click();
    await expect(this.option(label).getByRole("status")).toContainText("Comment sent");
  }
}

export class ReviewsInbox {
  readonly list: Locator;
  constructor(readonly page: Page) {
    this.list = page.getByRole("list", { name: "Reviews, newest first" });
  }
  async goto() {
    await this.page.goto("/reviews");
    await expect(this.page.getByRole("heading", { name: "Reviews", level: 1 })).toBeVisible();
  }
}
