import { expect, test } from "@playwright/test";
import { signIn } from "./auth";

// The feed's first page comes with the studio's HTML (listed on the server): a member with posters sees them before
// any script has run, never the "Nothing here yet" note first, and the page asks the API for no first page.
// A member of its own, so the other specs' posters (made in parallel as alice) can't push this one off that page.
test("my newest posters are in the studio's HTML, with no empty state and no client fetch", async ({ browser }) => {
  // Signed out to start with (the project signs every context in as alice).
  const signedIn = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await signedIn.newPage();
  await signIn(page, "first-page");
  const made = await page.request.post("/api/posters", {
    data: { prompt: "a poster listed on the server", model: "stability.stable-image-core-v1:1" },
  });
  expect(made.status(), await made.text()).toBe(201);
  const { id } = await made.json();
  const storageState = await signedIn.storageState();

  // Scripts off: what the server sent is all there is.
  const noScripts = await browser.newContext({ storageState, javaScriptEnabled: false });
  const html = await noScripts.newPage();
  await html.goto("/");
  const feed = html.getByRole("list", { name: "Your posters, newest first" });
  await expect(feed.locator(`[data-poster-id="${id}"] img`)).toBeVisible();
  await expect(html.getByText("Nothing here yet")).toHaveCount(0);
  await noScripts.close();

  // Scripts on: the page hydrates over that list without asking for it again.
  const asked: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/posters" && r.method() === "GET") asked.push(r.url());
  });
  await page.goto("/");
  await expect(
    page.getByRole("list", { name: "Your posters, newest first" }).locator(`[data-poster-id="${id}"]`),
  ).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(asked).toEqual([]);
  await signedIn.close();
});
