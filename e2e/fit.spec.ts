import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { makePoster, makePosters } from "./fixtures";
import { expect, test } from "./members";

// Every page, on a phone (390×844) and a laptop (1440×900): nothing scrolls sideways, and axe (WCAG 2 A and AA)
// finds nothing. One array lists the pages: a new page is one line. Screenshots go to test-results/fit/ to look at.

interface Data {
  posterId: string;
  boardId: string;
  posterShare: string;
  boardShare: string;
  reviewShare: string;
  compareIds: string[];
  campaignId: string;
}

interface PageCase {
  name: string;
  path: (data: Data) => string;
  /** Visited without an account, as a stranger with a link would. */
  signedOut?: boolean;
  /** What says the page has rendered (its main heading, by default any h1). */
  heading?: string | RegExp;
}

const PAGES: PageCase[] = [
  { name: "studio", path: () => "/" },
  { name: "gallery", path: () => "/gallery", heading: "Gallery" },
  { name: "boards", path: () => "/boards", heading: "Boards" },
  { name: "board", path: (d) => `/boards/${d.boardId}` },
  { name: "campaigns", path: () => "/campaigns", heading: "Campaigns" },
  { name: "campaign", path: (d) => `/campaigns/${d.campaignId}` },
  { name: "campaign markets", path: (d) => `/campaigns/${d.campaignId}?tab=markets` },
  { name: "poster", path: (d) => `/posters/${d.posterId}`, heading: "Poster" },
  { name: "design", path: (d) => `/posters/${d.posterId}/design`, heading: "Design poster" },
  { name: "develop", path: () => "/develop", heading: "Start from an image" },
  { name: "spending", path: () => "/spending", heading: "Spending" },
  { name: "account", path: () => "/account" },
  { name: "signout", path: () => "/signout", heading: "Sign out of the studio?" },
  { name: "not-found", path: () => "/no-such-page" },
  { name: "signin", path: () => "/signin", signedOut: true, heading: "Sign in to the studio" },
  { name: "shared poster", path: (d) => d.posterShare, signedOut: true },
  { name: "shared board", path: (d) => d.boardShare, signedOut: true },
  { name: "compare", path: (d) => `/compare?ids=${d.compareIds.join(",")}` },
  { name: "reviews", path: () => "/reviews", heading: "Reviews" },
  { name: "notifications", path: () => "/notifications", heading: "Notifications" },
  { name: "trash", path: () => "/trash", heading: "Trash" },
  { name: "review link", path: (d) => d.reviewShare, signedOut: true },
];

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };
const SIZES = [
  { label: "phone", viewport: PHONE },
  { label: "laptop", viewport: LAPTOP },
];

const SHOTS = "test-results/fit";

// A poster, a board with three posters, and a share link for each: made once per worker through the API.
let made: Promise<Data> | undefined;
function data(request: APIRequestContext): Promise<Data> {
  made ??= (async () => {
    const { id: posterId } = await makePoster(request, { prompt: "a lighthouse keeper at dawn, for the fit check" });
    const ids = await makePosters(request, 3, "fit board poster", 3);
    const board = await request.post("/api/boards", { data: { name: "Fit check: a board with a long enough name" } });
    expect(board.status()).toBe(201);
    const boardId = (await board.json()).id as string;
    for (const id of ids) {
      const added = await request.post(`/api/boards/${boardId}/posters`, { data: { posterId: id } });
      expect(added.ok(), await added.text()).toBe(true);
    }
    // A campaign with key art and two markets (the markets table is the widest thing on its page).
    const campaign = async (keyArt: string) => {
      const created = await request.post("/api/campaigns", {
        data: { name: "Fit check: a campaign with a long enough name", title: "Lighthouse", releaseDate: "2027-03-12" },
      });
      expect(created.status(), await created.text()).toBe(201);
      const id: string = (await created.json()).id;
      expect((await request.post(`/api/campaigns/${id}/key-art`, { data: { posterId: keyArt } })).ok()).toBe(true);
      const markets = await request.put(`/api/campaigns/${id}/markets`, {
        data: [
          { code: "en-GB", title: "Lighthouse", tagline: "Every light has a keeper" },
          { code: "fr-FR", title: "Le Phare", tagline: "Chaque lumière a son gardien" },
        ],
      });
      expect(markets.ok(), await markets.text()).toBe(true);
      return id;
    };
    const share = async (body: object) => {
      const response = await request.post("/api/shares", { data: body });
      expect(response.status(), await response.text()).toBe(201);
      return new URL((await response.json()).url).pathname;
    };
    return {
      posterId,
      boardId,
      posterShare: await share({ posterId }),
      boardShare: await share({ boardId }),
      reviewShare: await share({ boardId, review: true, snapshot: true }),
      compareIds: [posterId, ...ids],
      campaignId: await campaign(posterId),
    };
  })();
  return made;
}

/** A tab at this size, signed in as `as` (a saved session) or signed out. */
async function open(browser: Browser, baseURL: string, viewport: { width: number; height: number }, as?: string) {
  const context = await browser.newContext({
    baseURL,
    viewport,
    storageState: as,
    extraHTTPHeaders: { origin: baseURL },
  });
  return context.newPage();
}

/** The elements wider than the window, to say what overflows when the check fails. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.getAttribute("class") ?? "").slice(0, 80)}`);
  });

for (const { name, path, signedOut, heading } of PAGES) {
  test(`${name} fits a phone and a laptop, and axe finds nothing`, async ({ browser, request, member }, info) => {
    test.setTimeout(120_000);
    const baseURL = info.project.use.baseURL as string;
    const target = path(await data(request));
    mkdirSync(SHOTS, { recursive: true });
    for (const { label, viewport } of SIZES) {
      const tab = await open(browser, baseURL, viewport, signedOut ? undefined : member.storageState);
      await tab.goto(target);
      await expect(
        heading ? tab.getByRole("heading", { name: heading, level: 1 }) : tab.locator("h1").first(),
      ).toBeVisible();
      await tab.waitForLoadState("networkidle").catch(() => {});
      await tab.screenshot({ path: `${SHOTS}/${name.replaceAll(" ", "-")}-${label}.png`, fullPage: true });

      const widths = await tab.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        inner: window.innerWidth,
      }));
      expect(widths.scroll, `${label}: ${(await overflowing(tab)).join(", ")}`).toBeLessThanOrEqual(widths.client);
      expect(widths.scroll).toBeLessThanOrEqual(widths.inner);

      const { violations } = await new AxeBuilder({ page: tab }).withTags(["wcag2a", "wcag2aa"]).analyze();
      const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
      expect(found, `${label}: axe`).toEqual([]);
      await tab.context().close();
    }
  });
}

test("on a phone the nav is a menu: the button says whether it is open, Escape and following a link close it", async ({
  browser,
  member,
}, info) => {
  const tab = await open(browser, info.project.use.baseURL as string, PHONE, member.storageState);
  await tab.goto("/gallery");
  const nav = tab.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Spending" })).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Reviews" })).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await tab.screenshot({ path: `${SHOTS}/nav-menu-phone.png` });
  await tab.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();

  await menu.click();
  await nav.getByRole("link", { name: "Spending" }).click();
  await expect(tab.getByRole("heading", { name: "Spending", level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Gallery" })).toBeHidden();

  // A laptop has no menu button: the links are always there.
  await tab.setViewportSize(LAPTOP);
  await expect(menu).toBeHidden();
  await expect(nav.getByRole("link", { name: "Gallery" })).toBeVisible();
  await tab.context().close();
});
