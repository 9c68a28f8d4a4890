import { test as setup } from "@playwright/test";
import { signIn } from "./auth";

// Every spec runs signed in as alice (a member), through the real sign-in flow once, then from the saved cookie.
setup("sign in as alice", async ({ page }) => {
  await signIn(page, "alice");
  await page.context().storageState({ path: "test-results/.auth/alice.json" });
});
