import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";
import { DevelopPanel } from "./pages/develop-page";

// A print master from the design editor: pick US one-sheet, see the guides and the art's real resolution with the
// upscale offer, export the PDF, download it, and find it listed on the poster page.

const noViolations = async (page: import("@playwright/test").Page) =>
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
const shots = process.env.PRINT_SHOTS;

test("export a US one-sheet PDF from the design editor; the poster page lists it", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { id } = await makePoster(request, { prompt: "a lighthouse in a storm, for print", seed: 41 });
  const saved = await request.put(`/api/posters/${id}/design`, {
    data: { template: "classic", title: "Storm Light", billing: "A NORTHLIGHT PICTURES PRODUCTION" },
  });
  expect(saved.status()).toBe(200);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/posters/${id}/design`);
  await expect(page.getByTestId("print-guides")).toHaveCount(0);
  await page.getByLabel("Print size").selectOption({ label: "US one-sheet 27×40 in" });
  await expect(page.getByTestId("print-guides")).toBeVisible();
  // 832×1216 art over 27.25×40.25 in: 30 ppi, and it says so, with what each upscaler would really give there.
  await expect(page.getByTestId("effective-ppi")).toContainText("30 ppi at this size");
  await expect(
    page.getByText(
      "30 ppi at 27×40 in: below 150 ppi, so it prints soft. No upscaler reaches 150 ppi at this size; Fast 4× comes closest: 120 ppi for $0.03.",
    ),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Upscale with Fast 4×" })).toHaveAttribute(
    "href",
    `/posters/${id}?develop=upscale&mode=fast&from=${id}&print=us-one-sheet#develop`,
  );
  await noViolations(page);
  if (shots) await page.screenshot({ path: `${shots}/print-panel-1440.png`, fullPage: true });

  // The size is kept in the URL: a reload keeps it.
  await expect(page).toHaveURL(/[?&]print=us-one-sheet/);
  await page.reload();
  await expect(page.getByLabel("Print size")).toHaveValue("us-one-sheet");

  // An unsaved change: the export saves it first and stays on the editor.
  await page.getByLabel("Title", { exact: true }).fill("Storm Light Returns");
  await expect(page.getByRole("button", { name: "Export PDF", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Save and export PDF" }).click();
  // 30 ppi prints soft: it asks first, the upscale offered as the better way.
  const anyway = page.getByRole("button", { name: "Export anyway at 30 ppi" });
  await expect(anyway).toBeVisible();
  await expect(page.getByRole("link", { name: "Upscale with Fast 4×" })).toHaveCount(2);
  await expect(page.getByText("Upscale with Fast 4× first gives a sharper PDF: 120 ppi for $0.03.")).toBeVisible();
  await noViolations(page);
  await anyway.click();
  const download = page.getByRole("link", { name: /Download PDF/ });
  await expect(download).toBeVisible({ timeout: 30_000 });
  const pdf = await request.get((await download.getAttribute("href")) ?? "");
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  // For the README: the master as a printer's RIP would see it, rendered back to pixels by poppler.
  if (shots) {
    writeFileSync(`${shots}/us-one-sheet.pdf`, await pdf.body());
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "20",
      "-singlefile",
      `${shots}/us-one-sheet.pdf`,
      `${shots}/us-one-sheet-pdf`,
    ]);
  }
  await expect(page).toHaveURL(new RegExp(`/posters/${id}/design\\?print=us-one-sheet$`));
  expect((await (await request.get(`/api/posters/${id}`)).json()).design.title).toBe("Storm Light Returns");
  // Saved now: plain Export again.
  await expect(page.getByRole("button", { name: "Export PDF", exact: true })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (shots) await page.screenshot({ path: `${shots}/print-panel-390.png`, fullPage: true });

  await page.goto(`/posters/${id}?tool=print`);
  const masters = page.getByRole("region", { name: "Print masters" });
  await expect(masters.getByText("PDF · US one-sheet 27×40 in")).toBeVisible();
  await expect(masters.getByRole("link", { name: /Download PDF/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await noViolations(page);
  if (shots) await page.screenshot({ path: `${shots}/poster-exports-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  if (shots) await page.screenshot({ path: `${shots}/poster-exports-1440.png`, fullPage: true });
});

test("print advice: what each upscaler reaches, only useful runs offered, and the new art measured after one", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const prompt = "a harbor at midnight, for print advice";
  const { id } = await makePoster(request, { prompt, seed: 43 });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/posters/${id}/design?print=us-one-sheet`);
  const upscalers = page.getByRole("list", { name: "Upscalers at this size" });
  // 832×1216 on a 27.25×40.25 in page (the art as the catalogue's rules upscale it; hand-checked in
  // test/print-advice.test.ts): Fast 4× 3328×4864 → 120 ppi; Conservative and Creative end at 4,096 px → 101 ppi.
  await expect(upscalers.getByRole("listitem")).toHaveText([
    "Fast 4×: 120 ppi · $0.03 (3328×4864 px) Upscale with Fast 4×",
    "Conservative: 101 ppi · $0.40 (2803×4096 px) — Fast 4× is as sharp for less",
    "Creative: 101 ppi · $0.60 (2803×4096 px) — Fast 4× is as sharp for less",
  ]);
  // None reaches 150 ppi here: nothing is recommended, and no run is offered that Fast beats for less.
  await expect(page.getByText("Recommended")).toHaveCount(0);
  await expect(upscalers.getByRole("link")).toHaveCount(1);

  // Conservative and Creative open with the poster's prompt filled in (they refuse to run without one).
  await page.goto(`/posters/${id}?develop=upscale&mode=conservative#develop`);
  const develop = new DevelopPanel(page);
  await expect(develop.field("Upscaler")).toHaveValue("conservative");
  await expect(develop.field("Prompt")).toHaveValue(prompt);

  // Following the offer: the Develop panel on Upscale, Fast picked; run it; back to Print, which measures anew.
  await page.goto(`/posters/${id}/design?print=us-one-sheet`);
  await page.getByRole("link", { name: "Upscale with Fast 4×" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/posters/${id}\\?develop=upscale&mode=fast`));
  await expect(develop.field("Upscaler")).toHaveValue("fast");
  await develop.run("Upscale").click();
  await develop.doneId("Upscale 1", { timeout: 60_000 });
  await expect(develop.panel.getByRole("link", { name: "Back to Print: measure the new art" })).toHaveAttribute(
    "href",
    `/posters/${id}/design?print=us-one-sheet`,
  );
  // The browser's Back shows the new measure too: a finished run refreshes the router's cached pages. (The result
  // opened as the current version: Back goes to the poster it was made from first, then to Print.)
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/posters/${id}\\?develop=upscale&mode=fast`));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/posters/${id}/design\\?print=us-one-sheet$`));
  await expect(page.getByTestId("effective-ppi")).toContainText(
    "120 ppi at this size (from the upscaled art, 3328×4864 px)",
  );
  await expect(
    page.getByText(
      "120 ppi at 27×40 in: below 150 ppi, so it prints soft. Already upscaled: best art is 3328×4864, and no upscaler makes it sharper at this size.",
    ),
  ).toBeVisible();
  // Fast again would give 122 ppi (it shrinks the art to 847×1237 first), the others 101: nothing worth paying for,
  // so no list of runs not to make beside the sentence that says so.
  await expect(upscalers).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Upscale with/ })).toHaveCount(0);
  await noViolations(page);
});

test("a TIFF being made shows on the design page and the poster page after a reload, and turns into its download", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { id } = await makePoster(request, { prompt: "a desert road at dusk, for a TIFF", seed: 44 });
  // A large custom size, so the master is still being made when the pages load (it is a job on the queue).
  const queued = await request.post(`/api/posters/${id}/exports`, {
    data: { format: "tiff", size: { widthIn: 100, heightIn: 100 } },
  });
  expect(queued.status()).toBe(202);

  await page.setViewportSize({ width: 1440, height: 900 });
  // The poster page's Print tab, loaded while it is made, follows it to its download without a reload.
  await page.goto(`/posters/${id}?tool=print`);
  const masters = page.getByRole("region", { name: "Print masters" });
  await expect(masters.getByText(/^CMYK TIFF · /)).toBeVisible();
  await expect(masters.getByRole("link", { name: /Download CMYK TIFF/ })).toBeVisible({ timeout: 90_000 });

  // The design page lists the poster's masters too, not only those made in this visit.
  await page.goto(`/posters/${id}/design`);
  const listed = page.getByRole("list", { name: "Print masters of this poster" });
  await expect(listed.getByRole("link", { name: /Download CMYK TIFF/ })).toBeVisible();
});
