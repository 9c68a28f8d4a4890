import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { signIn } from "./auth";
import { makePosters } from "./fixtures";
import { expect, freshMember, test } from "./members";
import { BoardPage, fitsWidth } from "./pages/library-pages";

// Working together: a colleague made an editor of a board reorders it; a thread on a poster gets a pin, a reply
// from the colleague and is resolved; a mention lights the colleague's bell and the notifications page takes them
// to the thread. The colleague is a member nobody has signed in as before (e2e/members.ts freshMember), signed in
// through the real flow in a context of their own.

const SHOTS = process.env.TEAM_SHOTS; // a folder: screenshots for people to look at
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function colleague(browser: Browser, prefix: string) {
  const who = freshMember(prefix);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: DESKTOP });
  const page = await context.newPage();
  await signIn(page, who.login);
  return { ...who, page, close: () => context.close() };
}

async function fitsAndAxe(page: Page, name: string) {
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    await fitsWidth(page);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${viewport.width}.png`, fullPage: true });
  }
}

test("a colleague added as editor reorders the board; a viewer's page offers no changes", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(90_000);
  const bob = await colleague(browser, "editor");
  const ids = await makePosters(request, 3, "team board option");
  const board = await (await request.post("/api/boards", { data: { name: `Team board ${Date.now()}` } })).json();
  for (const id of ids) await request.post(`/api/boards/${board.id}/posters`, { data: { posterId: id } });

  // Before: the colleague views only.
  const theirs = new BoardPage(bob.page);
  await theirs.goto(board.id);
  await expect(
    bob.page.getByText("Only the person who made this board, its editors or an admin can change it."),
  ).toBeVisible();
  await expect(bob.page.getByRole("button", { name: /Move later/ })).toHaveCount(0);

  // The maker picks the colleague from the team.
  await page.goto(`/boards/${board.id}`);
  const editors = page.getByRole("region", { name: /^Editors/ });
  await editors.getByLabel("Add an editor").selectOption({ label: `${bob.name} (@${bob.login})` });
  await editors.getByRole("button", { name: "Add editor" }).click();
  await expect(editors.getByRole("list", { name: "Editors" })).toContainText(bob.name);
  await expect(editors.getByText(`${bob.name} can now change this board's posters.`)).toBeVisible();
  await fitsAndAxe(page, "board-editors");

  // The colleague, now an editor, moves the first poster last (drag), then one back (keyboard's buttons).
  await bob.page.reload();
  await expect(bob.page.getByText("You're an editor of this board")).toBeVisible();
  await expect(bob.page.getByText(`Editors: ${bob.name}`)).toBeVisible();
  await expect(bob.page.getByLabel("Board name")).toHaveCount(0); // renaming stays the maker's
  expect(await theirs.ids()).toEqual(ids);
  await theirs.drag(0, 2);
  const moved = [ids[1], ids[2], ids[0]];
  await expect.poll(() => theirs.ids()).toEqual(moved);
  await expect(bob.page.getByText("Moved to position 3.")).toBeVisible();
  await bob.page.getByRole("button", { name: /Move earlier\W+poster 3/ }).click();
  const final = [ids[1], ids[0], ids[2]];
  await expect.poll(() => theirs.ids()).toEqual(final);
  await expect(bob.page.getByText("Moved to position 2.")).toBeVisible();

  // The maker sees the colleague's order.
  await page.reload();
  await expect.poll(() => new BoardPage(page).ids()).toEqual(final);
  await bob.close();
});

test("a thread on a poster: pinned, a colleague's reply, resolved and reopened", async ({
  page,
  request,
  browser,
  member,
}) => {
  test.setTimeout(90_000);
  const [id] = await makePosters(request, 1, "a thread about a lighthouse");
  // The workspace's Comments tab, by its link.
  await page.goto(`/posters/${id}?tool=comments`);
  const comments = page.getByRole("region", { name: "Comments" });
  await expect(comments).toContainText("Nothing said about this poster yet.");

  await comments.getByRole("button", { name: "Pin to a spot on the poster" }).click();
  await expect(comments.getByText("Click the poster where your comment is about.")).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/pinning-1440.png` });
  const image = page.getByRole("button", { name: /Click where the comment is about/ });
  const box = await image.boundingBox();
  if (!box) throw new Error("the poster isn't on screen");
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.75);
  await expect(comments.getByText("Pinned at 25% across, 75% down.")).toBeVisible();
  await comments.getByLabel("New comment on this poster").fill("The tagline <b>fights</b> the sky here");
  await comments.getByRole("button", { name: "Comment", exact: true }).click();

  const thread = comments.getByRole("article", { name: `Thread by ${member.name}` });
  await expect(thread).toContainText("The tagline <b>fights</b> the sky here"); // typed markup stays text
  await expect(thread.getByText("Pinned to the image, pin 1")).toBeAttached();
  await expect(comments.getByLabel("New comment on this poster")).toHaveValue("");

  // A colleague replies.
  const bob = await colleague(browser, "replier");
  await bob.page.goto(`/posters/${id}?tool=comments`);
  const theirs = bob.page
    .getByRole("region", { name: "Comments" })
    .getByRole("article", { name: `Thread by ${member.name}` });
  await theirs.getByRole("button", { name: `Reply to ${member.name}` }).click();
  await theirs.getByLabel("Your reply").fill("Agreed: move it above the horizon");
  await theirs.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(theirs.getByRole("list", { name: "Replies" })).toContainText("Agreed: move it above the horizon");
  // The colleague didn't start it and didn't make the poster: no Resolve for them.
  await expect(theirs.getByRole("button", { name: /^Resolve/ })).toHaveCount(0);
  await bob.close();

  await page.reload();
  await expect(thread.getByRole("list", { name: "Replies" })).toContainText(bob.name);
  await fitsAndAxe(page, "poster-thread");
  await thread.getByRole("button", { name: /^Resolve/ }).click();
  await expect(comments).toContainText("No open threads · 1 resolved");
  const resolved = comments.getByRole("group").or(comments.locator("details"));
  await resolved.getByText("Resolved threads (1)").click();
  const closed = comments.getByRole("article", { name: `Thread by ${member.name} (resolved)` });
  await expect(closed).toContainText(`Resolved by ${member.name}`);
  await closed.getByRole("button", { name: /^Reopen/ }).click();
  await expect(comments).toContainText("1 open thread");
});

test("a mention raises the colleague's badge; the notification leads to the thread", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(90_000);
  const bob = await colleague(browser, "mentioned");
  const bell = bob.page.getByRole("link", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications");
  const [id] = await makePosters(request, 1, "a poster to mention someone on");

  await page.goto(`/posters/${id}`);
  await page.getByRole("tab", { name: /^Comments/ }).click();
  const box = page.getByLabel("New comment on this poster");
  await box.fill(`Can you check the billing, @${bob.login.slice(0, 6)}`);
  const choices = page.getByRole("listbox", { name: "Team members" });
  await expect(choices.getByRole("option", { name: new RegExp(bob.name) })).toBeVisible();
  if (SHOTS) await box.screenshot({ path: `${SHOTS}/mention.png` }).catch(() => {});
  if (SHOTS) await page.getByRole("region", { name: "Comments" }).screenshot({ path: `${SHOTS}/mention-panel.png` });
  await box.press("Enter");
  await expect(box).toHaveValue(`Can you check the billing, @${bob.login} `);
  await box.press("Control+Enter");
  const thread = page.getByRole("region", { name: "Comments" }).getByRole("article").first();
  await expect(thread.getByText(`@${bob.login}`)).toBeVisible();

  // A mention of someone not on the team is refused on the field, and the text stays.
  await box.fill("and @nobody-like-this");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByText("@nobody-like-this isn't anyone on the team")).toBeVisible();
  await expect(box).toHaveValue("and @nobody-like-this");

  await bob.page.reload();
  await expect(bell).toHaveAccessibleName("Notifications: 1 unread");
  await expect(bob.page.getByTestId("notification-badge")).toHaveText("1");
  await bell.click();
  const list = bob.page.getByRole("list", { name: "Notifications" });
  const item = list.getByRole("listitem").first();
  await expect(item).toContainText("mentioned you on a poster");
  await expect(item).toContainText("New");
  await fitsAndAxe(bob.page, "notifications");
  await bob.page.setViewportSize(DESKTOP);
  await item.getByRole("link").click();
  await bob.page.waitForURL(new RegExp(`/posters/${id}#comment-`));
  await expect(bob.page.getByRole("region", { name: "Comments" })).toContainText("Can you check the billing");
  await expect(bell).toHaveAccessibleName("Notifications");
  await bob.close();
});
