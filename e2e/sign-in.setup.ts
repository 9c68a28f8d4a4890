import { test as setup } from "@playwright/test";
import { signIn } from "./auth";
import { member } from "./members";

// Every spec runs signed in as its worker's member (e2e/members.ts): each signs in through the real sign-in flow
// once, here, side by side, then from the saved cookie.
setup("sign in as each worker's member", async ({ browser }, info) => {
  await Promise.all(
    Array.from({ length: info.config.workers }, async (_, slot) => {
      const { login, storageState } = member(slot);
      const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const page = await context.newPage();
      await signIn(page, login);
      await context.storageState({ path: storageState });
      await context.close();
    }),
  );
});
