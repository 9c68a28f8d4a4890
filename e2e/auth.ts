import { expect, type Page } from "@playwright/test";

/** Signs in through the offline stack's OpenID provider, as a company's SSO would: sign-in page → provider → back. */
export async function signIn(page: Page, login: string, returnTo = "/") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByRole("button", { name: /^Sign in with/ }).click();
  await page.waitForURL(/\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.locator('button[type="submit"]').first().click();
  // The provider asks once to share email and profile with OneSheet.
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/interaction") && !url.pathname.startsWith("/signin"));
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}
