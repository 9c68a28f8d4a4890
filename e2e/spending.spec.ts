import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./auth";
import { expect, freshMember, test } from "./members";
import { StudioPage } from "./pages/studio-page";

const dollars = (text: string | null) => Number((text ?? "").match(/\$([\d.]+)/)?.[1]);

test("the studio shows today's spending; the Spending page charts 30 days, totals per person and per day, and lists it with a CSV download", async ({
  browser,
}) => {
  // Its page lists the team's last 250 charges, which the whole suite has made by now: axe takes a while over it.
  test.setTimeout(120_000);
  // A member with no spending yet, so their own total is exactly this test's image.
  const spender = freshMember("spender");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, spender.login);
  const studio = new StudioPage(page);
  await studio.goto();
  const before = dollars(await page.getByTestId("today").textContent());
  await studio.generatePoster("a spending check, neon harbor", 1);
  await studio.waitForDone(1);
  // The team's total: other workers' tests spend at the same time, so ours adds at least its own price.
  const after = dollars(await page.getByTestId("today").textContent());
  expect(after).toBeGreaterThanOrEqual(before + 0.08 - 1e-9);

  await page.getByRole("link", { name: "Spending" }).click();
  await expect(page.getByRole("heading", { name: "Spending", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: "Spending per day, last 30 days (UTC)" })).toBeVisible();

  // The spender's own total over 30 days is this image, at its price.
  const people = page.getByRole("table", { name: "Spending per person, last 30 days" });
  // Named as the rest of the app names them, their email on hover.
  const row = people.getByRole("row").filter({ has: page.getByRole("rowheader", { name: spender.name, exact: true }) });
  await expect(row.getByTitle(spender.email)).toBeVisible();
  expect(dollars(await row.getByRole("cell").last().textContent())).toBe(0.08);

  // Day by day, behind a disclosure: today (the newest, first) has at least this image (the team's count).
  await page.getByText("The numbers, day by day").click();
  const days = page.getByRole("table", { name: "Spending per day, last 30 days" }).getByRole("row");
  await expect(days).toHaveCount(31);
  const today = new Date().toISOString().slice(0, 10);
  await expect(days.nth(1).getByRole("rowheader")).toHaveText(today);
  expect(Number(await days.nth(1).getByRole("cell").first().textContent())).toBeGreaterThanOrEqual(1);

  await expect(page.getByRole("table", { name: "Who generated what" }).getByRole("row").nth(1)).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Who generated what" }).getByRole("cell", { name: spender.email }),
  ).toHaveCount(0);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze()).violations).toEqual([]);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV (30 days)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^onesheet-spending-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  await context.close();
});
