import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import sharp from "sharp";
import { expect, test } from "./members";

// The develop components (components/develop/) on their test bench, app/dev/develop-kit (on only with ONESHEET_DEV_KIT=1,
// which playwright.config.ts sets). The bench's source image is 600×900.

const W = 600;
const H = 900;

async function maskPixels(page: Page) {
  const output = page.locator("output[aria-label='Mask result']");
  await expect(output).toHaveAttribute("data-png", /^data:image\/png;base64,/);
  const url = (await output.getAttribute("data-png")) ?? "";
  const png = Buffer.from(url.split(",")[1] ?? "", "base64");
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => data[(y * info.width + x) * info.channels] ?? -1;
  const values = new Set<number>();
  for (let i = 0; i < data.length; i += info.channels) values.add(data[i] ?? -1);
  return { width: info.width, height: info.height, at, values };
}

/** A point given in image pixels, on screen. */
async function screenPoint(surface: Locator, x: number, y: number) {
  const box = await surface.boundingBox();
  if (!box) throw new Error("no box");
  return { x: box.x + (x / W) * box.width, y: box.y + (y / H) * box.height };
}

test.beforeEach(async ({ page }) => {
  await page.goto("/dev/develop-kit");
  await expect(page.getByRole("heading", { name: "Develop kit" })).toBeVisible();
});

test("painting makes a black/white mask PNG at the image's size, white where painted; eraser and undo take it back", async ({
  page,
}) => {
  const surface = page.getByRole("application", { name: "Mask painter" });
  const from = await screenPoint(surface, 150, 200);
  const to = await screenPoint(surface, 450, 200);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();

  const mask = await maskPixels(page);
  expect([mask.width, mask.height]).toEqual([W, H]);
  // The painter draws at the size it is shown (times the pixel ratio), not at the image's: the PNG above was drawn
  // from the strokes at the image's size.
  const shown = await surface.locator("canvas").evaluate((c: HTMLCanvasElement) => ({
    pixels: c.width,
    css: c.getBoundingClientRect().width * window.devicePixelRatio,
  }));
  expect(Math.abs(shown.pixels - Math.min(W, Math.round(shown.css)))).toBeLessThanOrEqual(1);
  expect([...mask.values].sort()).toEqual([0, 255]);
  expect(mask.at(150, 200)).toBe(255);
  expect(mask.at(300, 200)).toBe(255);
  expect(mask.at(450, 200)).toBe(255);
  expect(mask.at(300, 600)).toBe(0);
  expect(mask.at(20, 20)).toBe(0);

  // The eraser over the middle of the stroke.
  await page.getByRole("button", { name: "Eraser" }).click();
  const mid = await screenPoint(surface, 300, 200);
  await page.mouse.click(mid.x, mid.y);
  await expect.poll(async () => (await maskPixels(page)).at(300, 200)).toBe(0);
  expect((await maskPixels(page)).at(150, 200)).toBe(255);

  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(async () => (await maskPixels(page)).at(300, 200)).toBe(255);
  // Redo puts the eraser's dot back; undo again takes it away.
  await page.getByRole("button", { name: "Redo" }).click();
  await expect.poll(async () => (await maskPixels(page)).at(300, 200)).toBe(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(async () => (await maskPixels(page)).at(300, 200)).toBe(255);
  await expect(page.getByRole("button", { name: "Redo" })).toBeEnabled();
  await page.getByRole("button", { name: "Clear" }).click();
  // A new change forgets what was undone.
  await expect(page.getByRole("button", { name: "Redo" })).toBeDisabled();
  await expect(page.locator("output[aria-label='Mask result']")).toHaveText("No mask");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator("output[aria-label='Mask result']")).toHaveText(/Mask PNG/);
});

test("a finger and a pen paint too (pointer events, not mouse events)", async ({ page }) => {
  const surface = page.getByRole("application", { name: "Mask painter" });
  const cdp = await page.context().newCDPSession(page);
  // A finger: touch events as a touchscreen sends them, down the left side.
  const a = await screenPoint(surface, 100, 300);
  const b = await screenPoint(surface, 100, 700);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: a.x, y: a.y }] });
  for (let i = 1; i <= 8; i++) {
    const y = a.y + ((b.y - a.y) * i) / 8;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: a.x, y }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await expect.poll(async () => (await maskPixels(page)).at(100, 500)).toBe(255);

  // A pen, across the bottom.
  const c = await screenPoint(surface, 200, 800);
  const d = await screenPoint(surface, 500, 800);
  const pen = { pointerType: "pen" as const, button: "left" as const, clickCount: 1 };
  await cdp.send("Input.dispatchMouseEvent", { type: "mousePressed", x: c.x, y: c.y, ...pen });
  await cdp.send("Input.dispatchMouseEvent", { type: "mouseMoved", x: d.x, y: d.y, ...pen, buttons: 1 });
  await cdp.send("Input.dispatchMouseEvent", { type: "mouseReleased", x: d.x, y: d.y, ...pen });
  await expect.poll(async () => (await maskPixels(page)).at(350, 800)).toBe(255);
  const mask = await maskPixels(page);
  expect(mask.at(100, 500)).toBe(255);
  expect(mask.at(300, 500)).toBe(0);
});

test("the keyboard path: arrows move the selection, Shift+arrows resize it, Enter adds it to the mask", async ({
  page,
}) => {
  await expect(page.getByText(/move the dashed selection with the arrow keys/)).toBeVisible();
  await page.getByRole("slider", { name: "Brush size" }).focus();
  await page.keyboard.press("Tab"); // Undo and Clear are disabled: the next stop is the painter
  const surface = page.getByRole("application", { name: "Mask painter" });
  await expect(surface).toBeFocused();
  // Starts as the middle quarter (150×225 at 225,338); each press is 2% of the long side, 18 px.
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  for (let i = 0; i < 2; i++) await page.keyboard.press("Shift+ArrowDown");
  await expect(page.getByText("Selection 150 by 261 pixels, 279 from the left and 338 from the top.")).toBeAttached();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/^Added to the mask/)).toBeAttached();

  const mask = await maskPixels(page);
  expect(mask.at(281, 340)).toBe(255); // inside, top-left
  expect(mask.at(427, 596)).toBe(255); // inside, bottom-right (279+150, 338+261): only there because it grew
  expect(mask.at(250, 400)).toBe(0); // left of the moved rectangle, where it started
  expect(mask.at(350, 603)).toBe(0); // below the resized rectangle
  expect(mask.at(350, 334)).toBe(0); // above
});

test("reframe: the new canvas is 16:9 around the 2:3 art, and dragging or arrows move the art between the margins", async ({
  page,
}) => {
  const result = page.locator("output[aria-label='Reframe result']");
  // 600×900 to 16:9 is 1600×900: 1000 px to share, centred to start.
  await expect(result).toHaveText(JSON.stringify({ left: 500, right: 500, up: 0, down: 0 }));
  await expect(page.getByText("New canvas 1600 × 900 px.")).toBeVisible();

  const art = page.getByRole("application", { name: "Art position on the new canvas" });
  await art.scrollIntoViewIfNeeded();
  const box = await art.boundingBox();
  if (!box) throw new Error("no art");
  const frame = box.width / 600; // screen px per image px
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 300 * frame, box.y + box.height / 2 + 50, { steps: 8 });
  await page.mouse.up();
  await expect(result).not.toHaveText(/"left":500/);
  const dragged = JSON.parse((await result.textContent()) ?? "{}");
  expect(dragged.left).toBeGreaterThan(190);
  expect(dragged.left).toBeLessThan(210);
  expect(dragged.left + dragged.right).toBe(1000);
  expect([dragged.up, dragged.down]).toEqual([0, 0]);

  await art.focus();
  await page.keyboard.press("ArrowRight"); // 1% of 1600
  await expect(result).toHaveText(
    JSON.stringify({ left: dragged.left + 16, right: dragged.right - 16, up: 0, down: 0 }),
  );
  await page.keyboard.press("Home");
  await expect(result).toHaveText(JSON.stringify({ left: 500, right: 500, up: 0, down: 0 }));

  await page.getByLabel("Target").selectOption("custom");
  await expect(result).toHaveText(JSON.stringify({ left: 100, right: 100, up: 0, down: 300 }));
  await art.focus();
  await page.keyboard.press("Shift+ArrowDown"); // 800×1200 canvas: 1% of the long side, ×10 with Shift
  await expect(result).toHaveText(JSON.stringify({ left: 100, right: 100, up: 120, down: 180 }));
});

test("compare: the divider is a keyboard slider, and side by side shows both", async ({ page }) => {
  const slider = page.getByRole("slider", { name: /Divider between before and after/ });
  await expect(slider).toHaveAttribute("aria-valuenow", "50");
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowLeft");
  await expect(slider).toHaveAttribute("aria-valuenow", "45");
  await page.keyboard.press("PageUp");
  await expect(slider).toHaveAttribute("aria-valuenow", "55");
  await expect(page.getByRole("img", { name: "Before", exact: true })).toHaveCSS("clip-path", "inset(0px 45% 0px 0px)");
  await page.keyboard.press("End");
  await expect(slider).toHaveAttribute("aria-valuetext", "100% before, 0% after");

  await page.getByRole("button", { name: "Side by side" }).click();
  await expect(page.getByRole("button", { name: "Side by side" })).toHaveAttribute("aria-pressed", "true");
  await expect(slider).toHaveCount(0);
  await expect(page.getByRole("img", { name: "Before", exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "After", exact: true })).toBeVisible();
});

test("upload: the file chooser, paste and drop hand a real image to onFile; other files get a reason", async ({
  page,
}) => {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#c33" } })
    .png()
    .toBuffer();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Choose a file…" }).click();
  await (await chooser).setFiles({ name: "reference.png", mimeType: "image/png", buffer: png });
  await expect(page.getByText(`Received reference.png (${png.length} bytes, image/png)`)).toBeVisible();

  const next = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Choose a file…" }).click();
  await (await next).setFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("not an image") });
  const zone = page.getByRole("region", { name: "Upload a reference image" });
  await expect(zone.getByRole("alert")).toHaveText("“notes.png” isn't a PNG, JPEG or WebP image. Choose one of those.");

  // Paste and drop, as the browser delivers them: events carrying a DataTransfer with the file.
  for (const [kind, name] of [
    ["paste", "pasted.png"],
    ["drop", "dropped.png"],
  ] as const) {
    await page.getByRole("button", { name: "Choose a file…" }).evaluate(
      (button, { bytes, kind, name }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, { type: "image/png" }));
        const event =
          kind === "paste"
            ? new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
            : new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true });
        button.dispatchEvent(event);
      },
      { bytes: [...png], kind, name },
    );
    await expect(page.getByText(`Received ${name} (${png.length} bytes, image/png)`)).toBeVisible();
  }
  await expect(zone.getByRole("alert")).toHaveCount(0);
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test(`axe finds nothing and nothing overflows at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.getByRole("slider", { name: /Divider/ }).focus(); // the focus ring is part of the check
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: test.info().outputPath(`develop-kit-${viewport.width}.png`), fullPage: true });
  });
}
