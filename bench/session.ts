import type { Browser, BrowserContextOptions } from "@playwright/test";
import { signIn } from "../e2e/auth";
import { createToken } from "../lib/store/tokens";

// The bench signs in like the team does: a browser session (through the local OpenID provider) for pages, and an
// API token for its scripted requests.
export interface BenchAuth {
  headers: Record<string, string>;
  storageState: BrowserContextOptions["storageState"];
  cookie: string;
  token: string;
}

export async function benchAuth(browser: Browser, baseURL: string): Promise<BenchAuth> {
  const { token } = await createToken({ sub: "bench", email: "bench@onesheet.local" }, "bench");
  const context = await browser.newContext({ baseURL });
  await signIn(await context.newPage(), "bench");
  const storageState = await context.storageState();
  await context.close();
  const cookie = storageState.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return {
    token,
    storageState,
    cookie,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  };
}

/** For sections that only call the API: a token, no browser session. */
export async function tokenAuth(): Promise<BenchAuth> {
  const { token } = await createToken({ sub: "bench", email: "bench@onesheet.local" }, "bench");
  return {
    token,
    storageState: undefined,
    cookie: "",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  };
}
