import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import sharp from "sharp";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";
import { DevelopPanel } from "./pages/develop-page";

// Developing posters in a poster's workspace and from an upload, against the offline emulator (400 ms per call).

const CORE = "stability.stable-image-core-v1:1";

interface Poster {
  id: string;
  width: number;
  height: number;
  prompt: string;
  operation: string;
  parentId?: string;
  inputs?: Record<string, string | number>;
  versions?: string[];
}

async function poster(request: APIRequestContext, id: string): Promise<Poster> {
  const response = await request.get(`/api/posters/${id}`);
  expect(response.status()).toBe(200);
  return response.json();
}

async function source(request: APIRequestContext, prompt: string) {
  const { id } = await makePoster(request, { prompt, model: CORE, aspectRatio: "2:3" });
  return poster(request, id);
}

const noViolations = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

test("vary a poster: the prompt starts as the source's, the result links to its page, which shows where it came from", async ({
  page,
  request,
}) => {
  const parent = await source(request, "A lone detective on a rain-soaked harbor, neon");
  const develop = new DevelopPanel(page);
  await develop.gotoPoster(parent.id);
  await expect(develop.panel.getByRole("button", { name: "Vary", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(develop.field("Prompt")).toHaveValue(parent.prompt);
  await expect(develop.panel.getByText("$0.08 · usually about")).toBeVisible();

  await develop.field("Prompt").fill(`${parent.prompt}, stronger rain`);
  await develop.run("Vary").click();
  await expect(develop.tile("Vary 1")).toHaveAttribute("aria-busy", "true");
  await expect(develop.tile("Vary 1").getByText(/usually about \d+ s/)).toBeVisible();
  const childId = await develop.doneId("Vary 1");
  const child = await poster(request, childId);
  // The version keeps the source's prompt (the gallery finds it by the film's words); what it was asked is its own.
  expect([child.parentId, child.operation, child.prompt, child.inputs?.prompt]).toEqual([
    parent.id,
    "vary",
    parent.prompt,
    `${parent.prompt}, stronger rain`,
  ]);

  // The new version opens in the workspace as the current one, Develop still open, with the way back.
  await expect(page).toHaveURL(new RegExp(`/posters/${childId}\\?.*previous=${parent.id}`));
  await expect(develop.panel).toBeVisible();
  await expect(page.getByRole("link", { name: "← Back to the previous" })).toHaveAttribute(
    "href",
    `/posters/${parent.id}?tool=develop`,
  );
  await page.getByRole("tab", { name: "Details" }).click();
  const lineage = page.getByRole("region", { name: "Lineage" });
  await expect(lineage).toContainText("Made from this poster by Vary.");
  await expect(lineage).toContainText(`Instruction:${parent.prompt}, stronger rain`);
  // Compared with the original on the canvas, from the history strip.
  await page.getByRole("region", { name: "History" }).getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page.getByRole("slider", { name: "Divider between original and this version" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Original", exact: true })).toBeVisible();
  await noViolations(page);

  await lineage.getByRole("link", { name: "this poster" }).click();
  await expect(page).toHaveURL(new RegExp(`/posters/${parent.id}$`));
  const versions = page.getByRole("region", { name: "Lineage" });
  await expect(versions.getByRole("heading", { name: "Versions (1)" })).toBeVisible();
  await expect(versions.getByRole("link", { name: "Version 1: Vary" })).toHaveAttribute("href", `/posters/${childId}`);
});

test("errors in plain words: an empty prompt is a field error, a filtered result fails its tile, Cancel and Retry", async ({
  page,
  request,
}) => {
  const parent = await source(request, "Two rival chefs, a burning kitchen");
  const develop = new DevelopPanel(page);
  await develop.gotoPoster(parent.id);
  await develop.field("Prompt").fill("");
  await develop.run("Vary").click();
  await expect(develop.panel.getByText("Describe the poster: the prompt can't be empty.")).toBeVisible();
  await expect(develop.field("Prompt")).toHaveAttribute("aria-invalid", "true");
  await expect(develop.results).toHaveCount(0);

  await develop.field("Prompt").fill("Two rival chefs [fault:output-filter]");
  await develop.run("Vary").click();
  await expect(develop.tile("Vary 1").getByRole("alert")).toContainText(/filter/i);

  await develop.field("Prompt").fill("Two rival chefs [latency:4000]");
  await develop.run("Vary").click();
  await develop.tile("Vary 2").getByRole("button", { name: "Cancel Vary 2" }).click();
  await expect(develop.tile("Vary 2")).toContainText("Cancelled.");
  await develop.tile("Vary 2").getByRole("button", { name: "Retry Vary 2" }).click();
  await develop.doneId("Vary 2");
});

test("reframe 2:3 to 16:9 by dragging the art: the new poster is the source plus the margins the drag set", async ({
  page,
  request,
}) => {
  const parent = await source(request, "A desert highway at dusk");
  const develop = new DevelopPanel(page);
  await develop.gotoPoster(parent.id);
  await develop.choose("Reframe");
  await develop.field("New ratio").selectOption("16:9");
  await expect(develop.panel.getByText("$0.06 · usually about 12 s")).toBeVisible();
  const extra = Math.round((parent.height * 16) / 9) - parent.width;

  const art = develop.artOnCanvas();
  await art.scrollIntoViewIfNeeded();
  const box = await art.boundingBox();
  if (!box) throw new Error("no art");
  const perPixel = box.width / parent.width;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - (extra / 4) * perPixel, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();

  await develop.run("Reframe").click();
  const child = await poster(request, await develop.doneId("Reframe 1"));
  expect(child.operation).toBe("reframe");
  const margin = (side: string) => Number(child.inputs?.[side] ?? 0);
  const [left, right, up, down] = [margin("left"), margin("right"), margin("up"), margin("down")] as const;
  expect(left + right).toBe(extra);
  expect(left).toBeLessThan(right - extra / 4); // moved left of centre by about a quarter of the extra width
  expect([up, down]).toEqual([0, 0]);
  expect([child.width, child.height]).toEqual([parent.width + extra, parent.height]);
});

test("fix a region: paint a mask, say what goes there; the mask goes as an upload and the size stays", async ({
  page,
  request,
}) => {
  const parent = await source(request, "A spaceship over a frozen lake");
  const develop = new DevelopPanel(page);
  await develop.gotoPoster(parent.id);
  await develop.choose("Fix a region");
  await develop.run("Fix a region").click();
  await expect(develop.panel.getByRole("alert")).toContainText("Paint over the area first");

  await develop.paint([0.3, 0.3], [0.7, 0.35]);
  await develop.field("What goes there").fill("a second moon");
  await develop.run("Fix a region").click();
  const child = await poster(request, await develop.doneId("Fix a region 1"));
  expect(child.operation).toBe("inpaint");
  expect(child.inputs?.maskUploadId).toMatch(/^[A-Za-z0-9_-]+$/);
  expect([child.width, child.height]).toEqual([parent.width, parent.height]);
});

test("the keyboard path through the mask tool: Tab to the painter, Enter adds the rectangle, Enter runs", async ({
  page,
  request,
}) => {
  const parent = await source(request, "A lighthouse in a storm");
  const develop = new DevelopPanel(page);
  await develop.gotoPoster(parent.id);
  await develop.choose("Erase");
  // The painter lies on the workspace's canvas: the next stop after the canvas's zoom buttons.
  await page.getByRole("toolbar", { name: "Zoom" }).getByRole("button", { name: "100%" }).focus();
  await page.keyboard.press("Tab");
  await expect(develop.maskPainter()).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(develop.panel.getByText(/^Added to the mask/)).toBeAttached();
  await develop.run("Erase").focus();
  await page.keyboard.press("Enter");
  const child = await poster(request, await develop.doneId("Erase 1"));
  expect(child.operation).toBe("erase");
  expect([child.width, child.height]).toEqual([parent.width, parent.height]);
});

test("replace and upscale (fast): controls follow the choice, the price too", async ({ page, request }) => {
  const parent = await source(request, "A red car in a rainy street");
  const develop = new DevelopPanel(page);
  await develop.gotoPoster(parent.id);
  await develop.choose("Replace");
  await develop.field("What to find").fill("the red car");
  await develop.field("What to put there").fill("a vintage motorbike");
  await develop.run("Replace").click();
  const replaced = await poster(request, await develop.doneId("Replace 1"));
  expect([replaced.operation, replaced.inputs?.search]).toEqual(["search-replace", "the red car"]);

  // The result opened as the current version, on the same operation: upscale that one.
  await expect(develop.panel.getByRole("button", { name: "Replace", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await develop.choose("Upscale");
  await expect(develop.field("Upscaler")).toHaveValue("fast");
  await expect(develop.field("Prompt")).toHaveCount(0); // the fast upscaler takes none
  await expect(develop.panel.getByText("$0.03 · usually about 4 s")).toBeVisible();
  await develop.field("Upscaler").selectOption("creative");
  await expect(develop.field("Prompt")).toBeVisible();
  await expect(develop.panel.getByText("$0.60 · usually about 30 s")).toBeVisible();
  await develop.field("Upscaler").selectOption("fast");
  await develop.run("Upscale").click();
  const big = await poster(request, await develop.doneId("Upscale 1"));
  expect([big.operation, big.parentId]).toEqual(["upscale", replaced.id]);
  expect(big.width).toBeGreaterThan(parent.width * 2);
  expect(big.width / big.height).toBeCloseTo(parent.width / parent.height, 1);
});

test("start from an image: upload a reference in the studio's Start from an image, and style a new poster from it", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Start from an image" }).click();
  await expect(page.getByRole("heading", { name: "Start from an image" })).toBeVisible();
  await page.getByLabel("A reference whose style to use").check();
  const png = await sharp({
    create: { width: 640, height: 640, channels: 3, background: { r: 200, g: 60, b: 40 } },
  })
    .png()
    .toBuffer();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Choose a file…" }).click();
  await (await chooser).setFiles({ name: "reference.png", mimeType: "image/png", buffer: png });
  await expect(page.getByText("Uploaded reference.png (640×640).")).toBeVisible();

  const develop = new DevelopPanel(page);
  await expect(develop.panel.getByRole("button", { name: "In the style of", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.getByLabel("What it shows (optional)").fill("Blue Note Nights: the reference palette");
  await develop.field("Prompt").fill("A jazz club poster, same palette");
  await develop.field("Aspect ratio").selectOption("2:3");
  await noViolations(page);
  await develop.run("In the style of").click();
  const id = await develop.doneId("In the style of 1");
  const made = await poster(request, id);
  expect([made.operation, made.parentId]).toEqual(["style-guide", undefined]);
  // The upload's description is the poster's prompt; the prompt typed for the operation is its instruction.
  expect([made.prompt, made.inputs?.prompt]).toEqual([
    "Blue Note Nights: the reference palette",
    "A jazz club poster, same palette",
  ]);
  expect(made.width).toBeLessThan(made.height);

  await develop
    .tile("In the style of 1")
    .getByRole("link", { name: /Open poster/ })
    .click();
  await expect(page.getByRole("region", { name: "Lineage" })).toContainText(
    "Made from an uploaded image by In the style of.",
  );
});

test("axe: the poster page with the Develop panel open on each surface (mask, reframe) has no violations", async ({
  page,
  request,
}) => {
  const parent = await source(request, "A haunted carnival at night");
  const develop = new DevelopPanel(page);
  await develop.gotoPoster(parent.id);
  await noViolations(page);
  await develop.choose("Fix a region");
  await expect(develop.maskPainter()).toBeVisible();
  await noViolations(page);
  await develop.choose("Reframe");
  await expect(develop.artOnCanvas()).toBeVisible();
  await noViolations(page);
});

test("restyle a poster after another one (named by id) and after an upload: the style picker, its error, the result", async ({
  page,
  request,
}) => {
  const parent = await source(request, "A lighthouse keeper in a storm");
  const keyArt = await source(request, "Golden wheat fields at sunset, warm palette");
  const develop = new DevelopPanel(page);
  await develop.gotoPoster(parent.id);
  await develop.choose("Restyle");
  await expect(develop.panel.getByText("$0.08 · usually about 15 s")).toBeVisible();
  const picker = develop.panel.getByRole("group", { name: "Style image" });
  await expect(picker.getByRole("group", { name: "Newest posters" })).toBeVisible();
  // Run without a style image: the picker says what's missing, nothing is sent.
  await develop.run("Restyle").click();
  await expect(picker.getByRole("alert")).toHaveText(
    "Pick the style image: a poster from the library, or an image of yours.",
  );
  await noViolations(page);

  // An id of no poster: said once, at the picker; no result tile with a Retry that could only fail again.
  await develop.field("Or a poster's id").fill("AAAAAAAAAAAAAAAA");
  await develop.run("Restyle").click();
  await expect(picker.getByRole("alert")).toHaveText("There is no poster with that id for the style image.");
  await expect(develop.panel.getByText("There is no poster with that id for the style image.")).toHaveCount(1);
  await expect(develop.results).toHaveCount(0);

  await develop.field("Or a poster's id").fill(keyArt.id);
  await expect(picker.getByRole("alert")).toHaveCount(0);
  await develop.field("Style strength").fill("0.8");
  await develop.run("Restyle").click();
  const byPoster = await poster(request, await develop.doneId("Restyle 1"));
  expect([byPoster.operation, byPoster.parentId, byPoster.width, byPoster.height]).toEqual([
    "style-transfer",
    parent.id,
    parent.width,
    parent.height,
  ]);
  expect(byPoster.inputs).toMatchObject({ stylePosterId: keyArt.id, styleStrength: 0.8 });

  // The result is the current version now, Restyle still picked: restyle it again, after an upload.
  await expect(develop.panel.getByRole("button", { name: "Restyle", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await picker.getByLabel("An image of yours").check();
  const png = await sharp({ create: { width: 400, height: 500, channels: 3, background: { r: 30, g: 90, b: 200 } } })
    .png()
    .toBuffer();
  const chooser = page.waitForEvent("filechooser");
  await picker.getByRole("button", { name: "Choose a file…" }).click();
  await (await chooser).setFiles({ name: "palette.png", mimeType: "image/png", buffer: png });
  await expect(picker.getByText("Uploaded palette.png.")).toBeVisible();
  await develop.run("Restyle").click();
  const byUpload = await poster(request, await develop.doneId("Restyle 1"));
  expect(byUpload.inputs?.styleUploadId).toEqual(expect.any(String));
  expect(byUpload.parentId).toBe(byPoster.id);
});
