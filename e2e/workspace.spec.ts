import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";
import { DevelopPanel } from "./pages/develop-page";

// The poster page as a workspace: the canvas stays on screen whatever tool is open, zooms and pans, the history
// strip switches and compares versions, and Develop paints its mask on the canvas and opens its result.

const CORE = "stability.stable-image-core-v1:1";
const TABS = ["Details", "Comments", "Develop", "Design", "Print", "Formats", "Share"] as const;
const SHOTS = process.env.WORKSPACE_SHOTS;

async function vary(request: APIRequestContext, posterId: string, prompt: string): Promise<string> {
  const response = await request.post("/api/posters", {
    data: { operation: "vary", source: { posterId }, prompt },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}

/** The box on screen, which must lie wholly inside the viewport. */
async function expectInView(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  const view = page.viewportSize();
  if (!box || !view) throw new Error(`no box for ${what}`);
  expect(box.width, `${what} has a size`).toBeGreaterThan(100);
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(view.width + 0.5);
  expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(view.height + 0.5);
}

const noViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
};

const zoomOf = async (page: Page) => Number(await page.getByTestId("canvas-viewport").getAttribute("data-zoom"));

for (const size of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  const at = `${size.width}×${size.height}`;
  test.describe(`at ${at}`, () => {
    test.use({ viewport: size });

    test("each tool's tab keeps the canvas in view, also after scrolling its panel; ?tool= opens it; axe clean", async ({
      page,
      request,
    }) => {
      test.setTimeout(120_000);
      const parent = await makePoster(request, { prompt: "A lighthouse keeper in a storm, workspace", model: CORE });
      const id = await vary(request, parent.id, "A lighthouse keeper in a storm, at dawn");
      await page.goto(`/posters/${id}`);
      const canvas = page.getByRole("region", { name: "Canvas" });
      const panel = page.getByTestId("tool-panel");
      await expect(page.getByRole("tab", { name: "Details" })).toHaveAttribute("aria-selected", "true");
      for (const name of TABS) {
        const tab = page.getByRole("tab", { name: new RegExp(`^${name}`) });
        await tab.click();
        await expect(tab).toHaveAttribute("aria-selected", "true");
        await expect(page).toHaveURL(new RegExp(`[?&]tool=${name.toLowerCase()}`));
        await expect(page.getByRole("tabpanel", { name: new RegExp(`^${name}`) })).toBeVisible();
        await expectInView(page, canvas, `the canvas with ${name} open`);
        await expectInView(page, page.getByTestId("canvas-art"), `the art with ${name} open`);
        // Scroll the tool's panel to its end (and try the page too): the canvas doesn't move.
        await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        await page.mouse.wheel(0, 2000);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await expectInView(page, canvas, `the canvas with ${name} open, scrolled`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
        if (SHOTS) {
          mkdirSync(SHOTS, { recursive: true });
          await panel.evaluate((el) => el.scrollTo(0, 0));
          await page.screenshot({ path: `${SHOTS}/${size.width}-${name.toLowerCase()}.png` });
        }
        await noViolations(page);
      }
      // A link to a tool opens it; older links by #fragment too.
      await page.goto(`/posters/${id}?tool=formats`);
      await expect(page.getByRole("region", { name: "Format pack" })).toBeVisible();
      await page.goto(`/posters/${id}#develop`);
      await expect(page.getByRole("tab", { name: "Develop" })).toHaveAttribute("aria-selected", "true");
    });

    test("the design page is the workspace's Design tab: its canvas stays in view while the fields and the print panel scroll; the other tabs lead back", async ({
      page,
      request,
    }) => {
      test.setTimeout(90_000);
      const { id } = await makePoster(request, { prompt: "A lighthouse keeper in a storm, designed", model: CORE });
      await page.goto(`/posters/${id}/design`);
      await expect(page.getByRole("heading", { name: "Design poster" })).toBeVisible();
      await expect(page.getByRole("tab", { name: "Design" })).toHaveAttribute("aria-selected", "true");
      const designPanel = page.getByRole("tabpanel", { name: "Design" });
      await expect(designPanel.getByRole("form", { name: "Poster design" })).toBeVisible();
      await designPanel.getByLabel("Title", { exact: true }).fill("Storm Light");
      const canvas = page.getByRole("region", { name: "Poster canvas" });
      await expect(canvas).toHaveAttribute("data-settled", "true");
      await expectInView(page, canvas, "the design canvas");
      // To the fields' end, where the print panel is (and the page too): the canvas stays where it was.
      const before = await canvas.boundingBox();
      const panel = page.getByTestId("tool-panel");
      await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.mouse.wheel(0, 2000);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      expect(await panel.evaluate((el) => el.scrollTop), "the fields scrolled").toBeGreaterThan(0);
      await expect(designPanel.getByRole("region", { name: "Print", exact: true })).toBeInViewport();
      await expectInView(page, canvas, "the design canvas, the fields scrolled to their end");
      expect(await canvas.boundingBox()).toEqual(before);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/${size.width}-design-scrolled.png` });
      }
      await noViolations(page);
      // Every other tab is a link to the poster page with that tool open.
      for (const name of TABS.filter((t) => t !== "Design")) {
        await expect(page.getByRole("tab", { name })).toHaveAttribute(
          "href",
          `/posters/${id}?tool=${name.toLowerCase()}`,
        );
      }
      await page.getByRole("tab", { name: "Print" }).click();
      await expect(page).toHaveURL(new RegExp(`/posters/${id}\\?tool=print$`));
      await expect(page.getByRole("tab", { name: "Print" })).toHaveAttribute("aria-selected", "true");
    });

    test("zoom: the buttons, the keyboard and the wheel; Fit brings it back; dragging pans a zoomed canvas", async ({
      page,
      request,
    }) => {
      const { id } = await makePoster(request, { prompt: "A desert highway at dusk, zoom", model: CORE });
      await page.goto(`/posters/${id}`);
      const art = page.getByTestId("canvas-art");
      await expect(art).toBeVisible();
      const fit = await art.boundingBox();
      if (!fit) throw new Error("no art");
      const zoom = page.getByRole("toolbar", { name: "Zoom" });
      // On a phone the − and + buttons give way to a pinch (and the keyboard's + −).
      if (size.width >= 640) await zoom.getByRole("button", { name: "Zoom in" }).click();
      else await expect(zoom.getByRole("button", { name: "Zoom in" })).toBeHidden();
      if (size.width < 640) await page.keyboard.press("+");
      await expect.poll(() => zoomOf(page)).toBeCloseTo(1.25, 2);
      await expect.poll(async () => (await art.boundingBox())?.width).toBeGreaterThan(fit.width * 1.2);
      // 100%: one image pixel per CSS pixel (832 px wide art).
      await zoom.getByRole("button", { name: "100%" }).click();
      await expect(zoom.getByRole("status", { name: "Zoom level" })).toHaveText("100%");
      await expect.poll(async () => Math.round((await art.boundingBox())?.width ?? 0)).toBe(832);
      // Dragging pans it.
      const before = await art.boundingBox();
      const view = await page.getByTestId("canvas-viewport").boundingBox();
      if (!before || !view) throw new Error("no boxes");
      await page.mouse.move(view.x + view.width / 2, view.y + view.height / 2);
      await page.mouse.down();
      await page.mouse.move(view.x + view.width / 2 + 60, view.y + view.height / 2 + 40, { steps: 5 });
      await page.mouse.up();
      await expect.poll(async () => Math.round(((await art.boundingBox())?.y ?? 0) - before.y)).toBe(40);
      await zoom.getByRole("button", { name: "Fit" }).click();
      await expect.poll(() => zoomOf(page)).toBe(1);
      expect(await art.boundingBox()).toEqual(fit);
      // The keyboard: + and − from anywhere but a text field, 0 fits.
      await page.getByRole("tab", { name: "Details" }).focus();
      await page.keyboard.press("+");
      await page.keyboard.press("+");
      await expect.poll(() => zoomOf(page)).toBeCloseTo(1.5625, 3);
      await page.keyboard.press("-");
      await expect.poll(() => zoomOf(page)).toBeCloseTo(1.25, 3);
      await page.keyboard.press("0");
      await expect.poll(() => zoomOf(page)).toBe(1);
      // The wheel zooms about the pointer.
      await page.mouse.move(view.x + view.width / 2, view.y + view.height / 2);
      await page.mouse.wheel(0, -300);
      await expect.poll(() => zoomOf(page)).toBeGreaterThan(1.3);
    });

    test("the history strip opens a version and compares two on the canvas", async ({ page, request }) => {
      const parent = await makePoster(request, { prompt: "Two rival chefs, a burning kitchen, history", model: CORE });
      const child = await vary(request, parent.id, "Two rival chefs, a frozen kitchen");
      await page.goto(`/posters/${parent.id}?tool=develop`);
      const history = page.getByRole("region", { name: "History" });
      await expect(history.getByRole("link", { name: "This version" })).toHaveAttribute("aria-current", "page");
      await history.getByRole("link", { name: "Version 1: Vary" }).click();
      await expect(page).toHaveURL(new RegExp(`/posters/${child}\\?tool=develop$`));
      // The tool stays open on the version it switched to.
      await expect(page.getByRole("tab", { name: "Develop" })).toHaveAttribute("aria-selected", "true");
      await expect(history.getByRole("link", { name: "This version" })).toHaveAttribute("aria-current", "page");
      await expect(history.getByRole("link", { name: "Original" })).toHaveAttribute(
        "href",
        `/posters/${parent.id}?tool=develop`,
      );

      await history.getByRole("button", { name: "Compare", exact: true }).click();
      const canvas = page.getByRole("region", { name: "Canvas" });
      await expect(canvas.getByRole("slider", { name: "Divider between original and this version" })).toBeVisible();
      await expectInView(page, canvas.getByRole("img", { name: "Original", exact: true }), "the compared original");
      await expect(canvas.getByRole("link", { name: /side by side, full size/ })).toHaveAttribute(
        "href",
        `/compare?ids=${parent.id},${child}`,
      );
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${size.width}-compare.png` });
      await noViolations(page);
      await history.getByRole("button", { name: "Done" }).click();
      await expect(canvas.getByRole("slider")).toHaveCount(0);
      await expect(page.getByTestId("canvas-art")).toBeVisible();
    });

    test("Fix a region: paint the mask on the canvas, run; the new version opens, with the way back", async ({
      page,
      request,
    }) => {
      const { id } = await makePoster(request, { prompt: "A spaceship over a frozen lake, workspace", model: CORE });
      const develop = new DevelopPanel(page);
      await develop.gotoPoster(id);
      // Reframe draws the new canvas on the workspace's canvas, the art movable inside it.
      await develop.choose("Reframe");
      await develop.field("New ratio").selectOption("16:9");
      const canvas = page.getByRole("region", { name: "Canvas" });
      await expect(canvas.getByRole("application", { name: "Art position on the new canvas" })).toBeVisible();
      await expectInView(
        page,
        canvas.getByRole("application", { name: "Art position on the new canvas" }),
        "the art to reframe",
      );
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${size.width}-develop-reframe.png` });
      await develop.choose("Fix a region");
      const painter = develop.maskPainter();
      // The painter lies on the canvas, over the art, not in the tool's panel.
      await expect(
        page.getByRole("region", { name: "Canvas" }).getByRole("application", { name: "Mask painter" }),
      ).toBeVisible();
      const art = await page.getByTestId("canvas-art").boundingBox();
      const surface = await painter.boundingBox();
      expect(surface).toEqual(art);
      await expect(painter).toHaveAttribute("data-mask-empty", "true");
      await develop.paint([0.3, 0.3], [0.7, 0.35]);
      await expect(painter).toHaveAttribute("data-mask-empty", "false");
      await expectInView(page, canvas, "the canvas while painting");
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${size.width}-develop-mask.png` });
      await develop.field("What goes there").fill("a second moon");
      await develop.run("Fix a region").click();
      const childId = await develop.doneId("Fix a region 1");
      const child = await (await request.get(`/api/posters/${childId}`)).json();
      expect([child.operation, child.parentId]).toEqual(["inpaint", id]);
      expect(child.inputs?.maskUploadId).toEqual(expect.any(String));
      // The new version is the current one, Develop still open, and the way back is one click.
      await expect(page.getByRole("tab", { name: "Develop" })).toHaveAttribute("aria-selected", "true");
      const back = page.getByRole("link", { name: "← Back to the previous" });
      await expect(back).toBeVisible();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${size.width}-new-version.png` });
      await noViolations(page);
      await back.click();
      await expect(page).toHaveURL(new RegExp(`/posters/${id}\\?tool=develop$`));
      await expect(
        page.getByRole("region", { name: "History" }).getByRole("link", { name: "Version 1: Fix a region" }),
      ).toBeVisible();
    });
  });
}
