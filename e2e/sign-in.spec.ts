import { signIn } from "./auth";
import { makePoster } from "./fixtures";
import { expect, test } from "./members";
import { SharePanel } from "./pages/library-pages";
import { StudioPage } from "./pages/studio-page";

// These start signed out: a fresh browser with no cookies.
test.use({ storageState: { cookies: [], origins: [] } });

test("signed out, the studio sends you to sign in; after signing in you generate, sign out, and share links still work", async ({
  page,
  browser,
}) => {
  await page.goto("/gallery");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fgallery/);
  await expect(page.getByRole("heading", { name: "Sign in to the studio" })).toBeVisible();
  expect((await page.request.get("/api/posters")).status()).toBe(401);

  await signIn(page, "bob", "/");
  const studio = new StudioPage(page);
  await studio.generatePoster("bob's harbor at dawn", 1);
  await studio.waitForDone(1);
  await studio.tile(1).getByRole("img").click({ trial: true });
  const posterId = (await (await page.request.get("/api/posters?mine=true&limit=1")).json()).posters[0].id as string;
  await page.goto(`/posters/${posterId}`);
  const link = await new SharePanel(page).create();

  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByText(/Signed in as Bob \(bob@onesheet\.local\)/)).toBeVisible();
  await page.getByRole("link", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/posters")).status()).toBe(401);

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link);
  await expect(stranger.getByRole("list", { name: "Shared posters" }).getByRole("img")).toHaveCount(1);
});

test("API tokens work until revoked; a member can't delete another's poster", async ({
  page,
  playwright,
  baseURL,
  member,
}) => {
  await signIn(page, "carol", "/account");
  await page.getByLabel("Token name").fill("e2e script");
  await page.getByLabel("Expires after").selectOption({ label: "7 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent()) as string;
  expect(token).toMatch(/^os_/);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await expect(page.getByRole("list", { name: "Your tokens" })).toContainText(`expires ${inAWeek}`);

  const script = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  expect((await script.get("/api/posters?limit=1")).status()).toBe(200);
  const alicesPoster = await makePoster(
    await playwright.request.newContext({
      baseURL,
      storageState: member.storageState,
      extraHTTPHeaders: { origin: baseURL as string },
    }),
    {
      prompt: "alice made this",
    },
  );
  const denied = await script.delete(`/api/posters/${alicesPoster.id}`);
  expect(denied.status()).toBe(403);
  expect((await denied.json()).error.code).toBe("forbidden");
  await page.goto(`/posters/${alicesPoster.id}`);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  // Nor is carol offered what only alice (or an admin) may do: designing it, or sharing it.
  await expect(page.getByRole("link", { name: /Design poster|Edit design/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Share" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Use these settings" })).toBeVisible();

  await page.goto("/account");
  // Revoking asks first (e2e/trash.spec.ts checks that Cancel keeps the token).
  await page.getByRole("button", { name: "Revoke token e2e script" }).click();
  await page
    .getByRole("dialog", { name: "Revoke token e2e script" })
    .getByRole("button", { name: "Revoke token" })
    .click();
  await expect(page.getByText("Token revoked.")).toBeVisible();
  const after = await script.get("/api/posters?limit=1");
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("unauthenticated");
});

test("the offline admin is an admin: the local provider verifies its emails, and admin rights need that", async ({
  page,
}) => {
  await signIn(page, "admin", "/account");
  await expect(page.getByText(/Signed in as Admin \(admin@onesheet\.local\), an admin\./)).toBeVisible();
});
