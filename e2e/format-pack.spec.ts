import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";

// From one designed key art, a pack of five formats: pick them, see the price and what each will be, make them (a
// job: leaving the page doesn't stop it), watch them fill in, download the ZIP (every file listed in its manifest,
// screen formats at their exact pixels) and find them on the board chosen in the same step.

const SHOTS = "test-results/format-pack";

test("a pack of five formats from a designed poster, downloaded as a ZIP and added to a board", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const { id } = await makePoster(request, { prompt: "a lighthouse at dusk, for a format pack", seed: 41 });
  const design = await request.put(`/api/posters/${id}/design`, {
    data: { template: "classic", title: "Harbor Lights", tagline: "Every light is a promise", date: "June 2027" },
  });
  expect(design.status(), await design.text()).toBe(200);
  const board = await (await request.post("/api/boards", { data: { name: "Harbor Lights pack" } })).json();

  // The workspace's Formats tab, by its link.
  await page.goto(`/posters/${id}?tool=formats`);
  const pack = page.getByRole("region", { name: "Format pack" });
  await pack.scrollIntoViewIfNeeded();
  for (const name of [/^One-sheet 27:40/, /^Story 9:16/, /^Widescreen 16:9/, /^Feed post 4:5/, /^Square 1:1/]) {
    await pack.getByRole("checkbox", { name }).check();
  }
  // The one-sheet is a free crop of the 2:3 art; the other four are reframes at $0.06, and the story and the feed post
  // come out smaller than their pixels (832×1479, 973×1216), so Fast Upscale ($0.03) first.
  await expect(pack.getByText("5 formats, 4 reframes, 2 upscales · $0.30")).toBeVisible();
  const story = pack.getByRole("checkbox", { name: /^Story 9:16/ }).locator("xpath=..");
  await expect(story).toContainText("Reframe + Fast Upscale · $0.09");
  await expect(story).toContainText("Delivered at 1080×1920 px (enlarged from 832×1479)");
  // A printed placement says its resolution before anything is made: 30 ppi at 27×40 in is soft in print.
  await expect(pack.getByRole("checkbox", { name: /^One-sheet 27:40/ }).locator("xpath=..")).toContainText(
    "30 ppi at 27×40 in: soft in print",
  );
  await expect(pack.getByRole("checkbox", { name: /^Leaderboard banner/ })).toBeDisabled();
  await pack.getByLabel("Also add to board").selectOption(board.id);
  await page.screenshot({ path: `${SHOTS}/picker-1280.png`, fullPage: true });
  await pack.getByRole("button", { name: "Make pack · $0.30" }).click();

  // It is a job: leaving the page (here, a reload) doesn't stop it, and coming back follows it again.
  const results = pack.getByRole("region", { name: "The pack" });
  await expect(results.getByRole("status")).toHaveText(/^(Queued|Making|5 formats made)/);
  await page.reload();
  await expect(results.getByRole("status")).toHaveText(/5 formats made · \$0\.30 charged · added to the board/, {
    timeout: 120_000,
  });
  for (const label of ["One-sheet 27:40", "Story 9:16", "Widescreen 16:9", "Feed post 4:5", "Square 1:1"]) {
    await expect(results.getByRole("img", { name: label })).toBeVisible();
    // Each format shows its own composed poster (the lettering re-laid), not the plain art.
    expect(await results.getByRole("img", { name: label }).getAttribute("src")).toContain("composed-");
  }
  await page.screenshot({ path: `${SHOTS}/results-1280.png`, fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    results.getByRole("link", { name: "Download ZIP" }).click(),
  ]);
  const file = `${SHOTS}/pack.zip`;
  await download.saveAs(file);
  execFileSync("unzip", ["-tq", file]);
  const names = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n");
  const manifest = JSON.parse(execFileSync("unzip", ["-p", file, "manifest.json"], { encoding: "utf8" }));
  expect(manifest.files).toHaveLength(5);
  const story1080 = manifest.files.find((f: { placement: { id: string } }) => f.placement.id === "story");
  expect(story1080).toMatchObject({ widthPx: 1080, heightPx: 1920, deliveredAtTargetPx: true, upscaled: "fast" });
  expect(names.sort()).toEqual([...manifest.files.map((f: { file: string }) => f.file), "manifest.json"].sort());

  const onBoard = await (await request.get(`/api/boards/${board.id}`)).json();
  expect(onBoard.posters).toHaveLength(5);

  // The key art's versions (the page refreshed when the pack ended) are named by their placement, not "Reframe",
  // in the Details tab's lineage and in the history strip under the canvas.
  await expect(
    page.getByRole("region", { name: "History" }).getByRole("link", { name: /Version \d+: Story 9:16/ }),
  ).toBeVisible();
  await page.getByRole("tab", { name: "Details" }).click();
  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("link", { name: /Version \d+: Story 9:16/ })).toBeVisible();
  await expect(versions.getByRole("link", { name: /Version \d+: One-sheet 27:40/ })).toBeVisible();

  await page.getByRole("tab", { name: "Formats" }).click();
  const { violations } = await new AxeBuilder({ page }).include("#pack").withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);

  // On a phone: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  await pack.screenshot({ path: `${SHOTS}/pack-390.png` });
});
