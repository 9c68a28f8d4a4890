import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { StudioPage } from "./pages/studio-page";

test("the studio shows today's spending, and the Spending page lists it with a CSV download", async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  const before = Number(((await page.getByTestId("today").textContent()) ?? "").match(/\$([\d.]+)/)?.[1]);
  await studio.generatePoster("a spending check, neon harbor", 1);
  await studio.waitForDone(1);
  // Other tests spend at the same time: ours adds at least its own price.
  const after = Number(((await page.getByTestId("today").textContent()) ?? "").match(/\$([\d.]+)/)?.[1]);
  expect(after).toBeGreaterThanOrEqual(before + 0.08 - 1e-9);

  await page.getByRole("link", { name: "Spending" }).click();
  await expect(page.getByRole("heading", { name: "Spending" })).toBeVisible();
  await expect(page.getByRole("table").nth(1).getByRole("row").nth(1)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV (30 days)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^onesheet-spending-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
});
