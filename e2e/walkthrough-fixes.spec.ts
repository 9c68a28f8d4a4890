import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, Locator, Page } from "@playwright/test";
import { makePoster, makePosters } from "./fixtures";
import { expect, test } from "./members";
import { ReviewerPage } from "./pages/review-pages";

// The small fixes from issue 18's walkthrough, each checked where it could break again: review pages sized for the
// device and zoomable, names and option letters that wrap where words do, the gallery's badges and captions, the
// studio feed's favourites, the phone lightbox, Approve before a name, a board's review link by default, and the
// reframe comparison placing the original where it sits.

const SHOTS = process.env.FIXES_SHOTS; // a folder: screenshots for people to look at
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const shot = async (page: Page, name: string, fullPage = true) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${page.viewportSize()?.width}.png`, fullPage });
};
const noViolations = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

/** Words of an element's text that the layout split over two lines (a word broken mid-way; after a hyphen is a
 * break between words). */
function brokenWords(locator: Locator): Promise<string[]> {
  return locator.evaluate((element) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (const match of text.matchAll(/[^\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/** How many lines an element's text takes. */
const lineCount = (locator: Locator) =>
  locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function reviewBoard(request: APIRequestContext, posterIds: string[], name: string) {
  const board = (await (await request.post("/api/boards", { data: { name } })).json()) as { id: string };
  for (const id of posterIds)
    expect((await request.post(`/api/boards/${board.id}/posters`, { data: { posterId: id } })).status()).toBe(200);
  const share = await request.post("/api/shares", {
    data: { boardId: board.id, expiresInDays: 7, showPrompt: false, review: true },
  });
  expect(share.status(), await share.text()).toBe(201);
  const { url, token } = (await share.json()) as { url: string; token: string };
  return { boardId: board.id, url, token };
}

const phoneContext = (browser: Browser, extra: { storageState?: string } = {}) =>
  browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 3, ...extra });

test("a review page on a phone: full-resolution images, zoomable, Approve before a name says why, names wrap at spaces", async ({
  request,
  browser,
}) => {
  test.setTimeout(120_000);
  const [a, b] = await makePosters(request, 2, "review sizes lighthouse");
  const { url } = await reviewBoard(request, [a as string, b as string], `Sizes ${Date.now()}`);
  const context = await phoneContext(browser);
  const phone = await context.newPage();
  await phone.goto(url);
  const reviewer = new ReviewerPage(phone);

  // Pinch-zoom stays the browser's: nothing in the page turns it off.
  const viewport = (await phone.locator('meta[name="viewport"]').getAttribute("content")) ?? "";
  expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0*)?\b/);
  const image = reviewer.option("A").getByRole("img");
  expect(await image.evaluate((img) => getComputedStyle(img).touchAction)).not.toBe("none");
  // A 390 px phone at 3× needs the full image, not the 320 px thumbnail the board page shows.
  await expect(image).toHaveAttribute("srcset", /\s320w,.*\s\d{3,4}w$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\.png\?/);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(320);

  // Approve before a name: the page says why, where the name goes, and it is in view.
  await reviewer.option("A").getByRole("button", { name: "Approve option A" }).click();
  const nameField = phone.getByLabel("Your name");
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  const why = phone.getByText("Type your name first: it goes with your verdict on option A.");
  await expect(why).toBeInViewport();
  await expect(nameField).toHaveAccessibleDescription(/Type your name first/);
  await shot(phone, "review-approve-without-name");
  await noViolations(phone);

  // A long name wraps between its words, never inside one.
  // A word long enough to cross the line's end wherever the line breaks before it.
  const name = "Maximiliana Featherstonehaughworthingtonia Smith";
  await reviewer.giveName(name);
  await expect(nameField).toHaveCount(0);
  await reviewer.option("A").getByRole("button", { name: "Ask for changes to option A" }).click();
  await expect(reviewer.option("A").getByRole("status")).toContainText("Asked for changes");
  await expect(reviewer.option("A").getByText(name)).toBeVisible();
  for (const where of [phone.getByText(`Reviewing as ${name}`), reviewer.option("A").getByText(name)])
    expect(await brokenWords(where)).toEqual([]);
  // "Option A" stays on one line beside "Latest on this link: Asked for changes".
  expect(await lineCount(reviewer.option("A").getByRole("heading", { name: "Option A" }))).toBe(1);
  await shot(phone, "review-long-name");
  await context.close();
});

test("a review page at 1440: images sized for their column; a shared board's grid keeps thumbnails", async ({
  page,
  request,
}) => {
  const [a, b, c, d] = await makePosters(request, 4, "review sizes desk");
  const { url } = await reviewBoard(request, [a, b, c] as string[], `Sizes desk ${Date.now()}`);
  await page.setViewportSize(DESKTOP);
  await page.goto(url);
  const image = new ReviewerPage(page).option("A").getByRole("img");
  await expect(image).toHaveAttribute("sizes", /.+/);
  // Three columns of about 370 px: more than the thumbnail holds.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\.png\?/);
  await shot(page, "review-board");

  // A board shared to look at (not review): four thumbnails a row, each narrower than the thumbnail.
  const board = (await (await request.post("/api/boards", { data: { name: `Grid ${Date.now()}` } })).json()) as {
    id: string;
  };
  for (const id of [a, b, c, d])
    await request.post(`/api/boards/${board.id}/posters`, { data: { posterId: id as string } });
  const shared = await request.post("/api/shares", {
    data: { boardId: board.id, expiresInDays: 7, showPrompt: false },
  });
  await page.goto(((await shared.json()) as { url: string }).url);
  const tile = page.getByRole("list", { name: "Shared posters" }).getByRole("img").first();
  await expect(tile).toHaveAttribute("srcset", /\s320w,/);
  await expect.poll(() => tile.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\.webp\?/);
});

test("the gallery on a phone and at 1440: badges stay clear of the caption and each other; tiles name their model", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const word = `glacier${Date.now().toString(36)}`;
  const parent = await makePoster(request, {
    prompt: `${word} approved with versions`,
    model: "stability.stable-image-core-v1:1",
    aspectRatio: "2:3",
  });
  await makePoster(request, { operation: "remove-background", source: { posterId: parent.id } });
  const { token } = await reviewBoard(request, [parent.id], `Gallery ${word}`);
  const verdict = await request.post(`/api/shares/${token}/reviews`, {
    data: { posterId: parent.id, name: "Dana", verdict: "approve" },
  });
  expect(verdict.status(), await verdict.text()).toBe(201);

  const tile = page
    .getByRole("list", { name: "Posters" })
    .getByRole("listitem")
    .filter({ has: page.locator(`a[href="/posters/${parent.id}"]`) });
  const versions = tile.getByText("+1 version");
  const approved = tile.getByText("Approved", { exact: true });

  await page.setViewportSize(PHONE);
  await page.goto(`/gallery?q=${word}`);
  await expect(versions).toBeVisible();
  await expect(approved).toBeVisible();
  const [v, s] = [await versions.boundingBox(), await approved.boundingBox()];
  expect(v && s && !overlaps(v, s), `${JSON.stringify(v)} ${JSON.stringify(s)}`).toBe(true);
  // The model is on the tile itself, not only in a caption that needs a hover.
  await expect(tile.getByText("Stable Image Core", { exact: true })).toBeVisible();
  await shot(page, "gallery-badges");

  await page.setViewportSize(DESKTOP);
  await page.goto(`/gallery?q=${word}`);
  await tile.getByRole("link").hover();
  const caption = tile.getByText(`${word} approved with versions`);
  await expect(caption).toBeVisible();
  await expect(approved).toBeVisible();
  await expect(versions).toBeVisible();
  // Visible and uncovered: the caption's text stays clear of both badges, which stay opaque.
  const c = await caption.boundingBox();
  for (const badge of [approved, versions]) {
    const box = await badge.boundingBox();
    expect(c && box && !overlaps(c, box), `${JSON.stringify(c)} ${JSON.stringify(box)}`).toBe(true);
    const opacity = await badge.evaluate((el) => {
      let product = 1;
      for (let at: Element | null = el; at && at.tagName !== "LI"; at = at.parentElement)
        product *= Number(getComputedStyle(at).opacity);
      return product;
    });
    expect(opacity).toBe(1);
  }
  await shot(page, "gallery-hover");
  await noViolations(page);
});

test("the studio's feed shows favourites without a hover; the phone lightbox swipes and has no keyboard hints", async ({
  browser,
  request,
  member,
}) => {
  test.setTimeout(120_000);
  const ids = await makePosters(request, 3, "feed swipe");
  const favourite = ids[1] as string;
  expect((await request.patch(`/api/posters/${favourite}`, { data: { favorite: true } })).status()).toBe(200);

  const context = await phoneContext(browser, { storageState: member.storageState });
  const phone = await context.newPage();
  await phone.goto("/");
  const feed = phone.getByRole("list", { name: "Your posters, newest first" });
  const card = (id: string) => feed.locator(`[data-poster-id="${id}"]`);
  await expect(card(favourite).getByRole("img", { name: "Favourite", exact: true })).toBeVisible();
  await expect(card(ids[0] as string).getByRole("img", { name: "Favourite", exact: true })).toHaveCount(0);
  await shot(phone, "feed-favourite");

  await feed.getByRole("button", { name: /^Open/ }).first().tap();
  const dialog = phone.getByRole("dialog", { name: /Poster 1 of \d+/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("← → move between posters · Esc closes")).toBeHidden();
  await expect(dialog.getByText(/Swipe/)).toBeVisible();
  await shot(phone, "lightbox", false);
  const image = phone.getByRole("dialog").getByRole("img").first();
  const swipe = async (from: number, to: number) => {
    const box = await image.boundingBox();
    if (!box) throw new Error("no image");
    const y = box.y + box.height / 2;
    const cdp = await context.newCDPSession(phone);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from, y }] });
    for (let i = 1; i <= 5; i++)
      await cdp.send("Input.dispatchTouchEvent", {
        type: "touchMove",
        touchPoints: [{ x: from + ((to - from) * i) / 5, y }],
      });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  };
  await swipe(330, 60); // to the left: the next poster
  await expect(phone.getByRole("dialog", { name: /Poster 2 of \d+/ })).toBeVisible();
  await swipe(60, 330); // back
  await expect(phone.getByRole("dialog", { name: /Poster 1 of \d+/ })).toBeVisible();
  await context.close();

  // At a desk the keys are still named.
  const desk = await browser.newContext({ viewport: DESKTOP, storageState: member.storageState });
  const page = await desk.newPage();
  await page.goto("/");
  await page
    .getByRole("list", { name: "Your posters, newest first" })
    .locator(`[data-poster-id="${favourite}"]`)
    .getByRole("button", { name: /^Open/ })
    .click();
  await expect(page.getByRole("dialog").getByText("← → move between posters · Esc closes")).toBeVisible();
  await desk.close();
});

test("a board's link defaults to reviews; a poster's link has no such choice", async ({ page, request }) => {
  const [a] = await makePosters(request, 1, "default review");
  const board = (await (await request.post("/api/boards", { data: { name: `Default ${Date.now()}` } })).json()) as {
    id: string;
  };
  await request.post(`/api/boards/${board.id}/posters`, { data: { posterId: a as string } });
  await page.goto(`/boards/${board.id}`);
  await expect(page.getByLabel("Reviewers can approve and comment")).toBeChecked();
  await expect(page.getByRole("button", { name: "Create review link" })).toBeVisible();
  await page.goto(`/posters/${a}?tool=share`);
  await expect(page.getByLabel("Reviewers can approve and comment")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create link", exact: true })).toBeVisible();
});

test("a reviewer's pin is drawn on the poster page's large image", async ({ page, request }) => {
  const [a] = await makePosters(request, 1, "pins large");
  const { token } = await reviewBoard(request, [a as string], `Pins ${Date.now()}`);
  const sent = await request.post(`/api/shares/${token}/reviews`, {
    data: { posterId: a, name: "Dana", comment: "Bigger title here", pin: { x: 0.25, y: 0.75 } },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  await page.setViewportSize(DESKTOP);
  await page.goto(`/posters/${a}`);
  const large = page.locator("#comment-image");
  const image = large.getByRole("img").first();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeTruthy();
  const pin = large.getByText("1", { exact: true });
  await expect(pin).toBeVisible();
  const [box, at] = [await image.boundingBox(), await pin.boundingBox()];
  if (!box || !at) throw new Error("no boxes");
  // Bigger than the 200 px thumbnails, and where the reviewer put it.
  expect(box.width).toBeGreaterThan(300);
  expect(Math.abs(at.x + at.width / 2 - (box.x + box.width * 0.25))).toBeLessThan(3);
  expect(Math.abs(at.y + at.height / 2 - (box.y + box.height * 0.75))).toBeLessThan(3);
});

test("a reframed poster's comparison shows the original where it sits on the new canvas", async ({ page, request }) => {
  test.setTimeout(90_000);
  const parent = await makePoster(request, { prompt: "reframe compare canyon", aspectRatio: "2:3" });
  const source = (await (await request.get(`/api/posters/${parent.id}`)).json()) as { width: number; height: number };
  // Off-centre: all the new space on the left.
  const child = await makePoster(request, {
    operation: "reframe",
    left: 400,
    source: { posterId: parent.id },
  });
  const view = (await (await request.get(`/api/posters/${child.id}`)).json()) as { width: number; height: number };
  expect(view.width).toBe(source.width + 400);
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto(`/posters/${child.id}`);
    // The workspace compares a version with its original on the canvas, from the history strip.
    await page.getByRole("region", { name: "History" }).getByRole("button", { name: "Compare", exact: true }).click();
    const slider = page.getByRole("slider", { name: "Divider between original and this version" });
    await expect(slider).toBeVisible();
    // The after image fills the frame (inside its border): the new canvas, on screen.
    const frame = await page.getByRole("img", { name: "This version", exact: true }).boundingBox();
    const original = await page.getByRole("img", { name: "Original", exact: true }).boundingBox();
    if (!frame || !original) throw new Error("no boxes");
    const scale = frame.width / view.width;
    expect(Math.abs(original.x - (frame.x + 400 * scale))).toBeLessThan(2);
    expect(Math.abs(original.width - source.width * scale)).toBeLessThan(2);
    expect(Math.abs(original.height - source.height * scale)).toBeLessThan(2);
    await slider.scrollIntoViewIfNeeded();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/reframe-compare-${viewport.width}.png` });
  }
});
