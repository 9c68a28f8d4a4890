import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { makePosters } from "./fixtures";
import { expect, test } from "./members";
import { ReviewerPage, ReviewsInbox } from "./pages/review-pages";

// Review and approval on a shared link: the team member makes a review link, a reviewer with no account approves B
// and pins a comment on A from a phone, and the team sees both in the inbox and on the board.

const SHOTS = process.env.REVIEW_SHOTS; // a folder: screenshots for people to look at
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function fits(page: Page, name: string, viewports = [PHONE, DESKTOP]) {
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    // Names what sticks out, if anything does.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}`),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join("\n")).toBeLessThanOrEqual(
      viewport.width,
    );
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${viewport.width}.png`, fullPage: true });
  }
}

test("a reviewer on a phone approves B and pins a comment on A; the team sees both", async ({
  page,
  request,
  browser,
  member,
}) => {
  test.setTimeout(120_000);
  const [a, b] = await makePosters(request, 2, "review option neon harbor");
  const board = (await (
    await request.post("/api/boards", { data: { name: `Teaser options ${Date.now()}` } })
  ).json()) as {
    id: string;
    name: string;
  };
  for (const id of [a, b])
    expect((await request.post(`/api/boards/${board.id}/posters`, { data: { posterId: id } })).status()).toBe(200);

  // The team member makes a review link on the board's page.
  await page.goto(`/boards/${board.id}`);
  await expect(page.getByRole("heading", { name: `Board: ${board.name}`, level: 1 })).toBeVisible();
  const tiles = page.getByRole("list", { name: "Posters on this board" }).getByRole("listitem");
  await expect(tiles.getByText(/^Option [A-Z]$/)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Reviews" })).toContainText("No reviews yet");
  await page.getByLabel("Reviewers can approve and comment").check();
  await page.getByRole("button", { name: "Create review link" }).click();
  const links = page.getByRole("list", { name: "Live links" });
  await expect(links.getByRole("listitem")).toHaveCount(1);
  await expect(links).toContainText("takes reviews");
  const url = (await links.getByRole("listitem").first().locator("code").textContent()) as string;
  await expect(page.getByText("In review").first()).toBeVisible();
  // The tiles carry the link's option letters, in board order, and the board waits for answers.
  await expect(tiles.nth(0).getByText("Option A", { exact: true })).toBeVisible();
  await expect(tiles.nth(1).getByText("Option B", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Reviews" })).toContainText("Waiting for reviewers: nothing back yet.");

  // A reviewer: a fresh context (no cookies, no storage), on a phone.
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const phone = await context.newPage();
  await phone.goto(url);
  await expect(phone.getByRole("heading", { name: board.name, level: 1 })).toBeVisible();
  await expect(phone.getByText(`Shared by ${member.name} on`)).toBeVisible();
  // Pasted into a chat, the link names the board and who shared it.
  const og = (property: string) => phone.locator(`meta[property="og:${property}"]`).getAttribute("content");
  expect(await og("title")).toBe(`Review: ${board.name}`);
  expect(await og("description")).toMatch(
    new RegExp(`^${member.name} shared 2 poster options \\(A–B\\) for your review`),
  );
  const reviewer = new ReviewerPage(phone);
  await reviewer.giveName("Dana Whitfield");
  await reviewer.approve("B");
  await reviewer.pinComment("A", { x: 0.3, y: 0.2 }, "Make the title bigger here");
  await expect(reviewer.option("A").getByText("Make the title bigger here")).toBeVisible();
  await expect(reviewer.option("A").getByText("(self-declared)")).toBeVisible();
  // The name is kept in this browser; the reviews stay on the link.
  await phone.reload();
  await expect(phone.getByText("Reviewing as Dana Whitfield")).toBeVisible();
  await expect(reviewer.option("B").getByText("Approved").first()).toBeVisible();
  await fits(phone, "reviewer");
  await context.close();

  // The team member: the inbox, with both as new, then the board.
  const inbox = new ReviewsInbox(page);
  await inbox.goto();
  const items = inbox.list.getByRole("listitem");
  await expect(items.filter({ hasText: "Make the title bigger here" }).first()).toContainText("Option A");
  await expect(items.filter({ hasText: "Approved" }).filter({ hasText: "Option B" }).first()).toContainText(
    "Dana Whitfield",
  );
  await expect(inbox.list.getByText("New").first()).toBeVisible();
  await fits(page, "inbox");
  await page.reload();
  await expect(page.getByText("Nothing new since you last looked")).toBeVisible();

  await page.goto(`/boards/${board.id}`);
  const reviews = page.getByRole("region", { name: "Reviews" });
  await expect(reviews.getByText("Make the title bigger here")).toBeVisible();
  await expect(reviews.getByText("Asked for changes")).toHaveCount(0);
  await expect(reviews.getByText("Approved").first()).toBeVisible();
  await expect(reviews.getByText("Dana Whitfield").first()).toBeVisible();
  // (The board's own editor at 390 px is the phone work's: checked here at 1440.)
  await fits(page, "board", [DESKTOP]);
  await page.goto(`/posters/${a}?tool=comments`);
  // On the poster the reviewer's comment is a thread of the team's comments, marked as from outside; the Reviews
  // list links to it rather than repeat it.
  const thread = page
    .getByRole("region", { name: "Comments" })
    .getByRole("article", { name: "Thread by Dana Whitfield" });
  await expect(thread.getByText("Make the title bigger here")).toBeVisible();
  await expect(thread.getByText("Outside reviewer")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Reviews" }).getByRole("link", { name: /see the thread/ }),
  ).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/poster-1440.png`, fullPage: true });
});
