import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { localAuthEnv, startOidcProvider } from "../local/oidc-provider";
import { startLocalStack } from "../local/stack";
import { launch } from "./browser";
import { seed } from "./gallery";
import { revisitFigures } from "./revisit";
import { startNext } from "./server";
import { benchAuth } from "./session";

// Only the revisit figure of `npm run bench` (which prints it with the gallery's), for a quick look after a change:
//   npx next build && npx tsx --conditions=react-server bench/revisit-only.ts

const dataDir = mkdtempSync(path.join(os.tmpdir(), "onesheet-bench-"));
const stack = await startLocalStack({ dataDir, latencyMs: 0 });
const port = Number(process.env.BENCH_PORT ?? 3200);
const oidc = await startOidcProvider({ appUrls: [`http://localhost:${port}`] });
const env = { ...stack.env, ...localAuthEnv(oidc.issuer, `http://localhost:${port}`) };
Object.assign(process.env, env);
const next = await startNext(env, port);
const browser = await launch();
try {
  const auth = await benchAuth(browser, next.url);
  await seed(next.url, 48, auth.headers);
  await revisitFigures(
    browser,
    `${next.url}/gallery`,
    "Gallery revisit, first page of 24 (same browser)",
    auth.storageState,
  );
} finally {
  await browser.close();
  next.stop();
  await oidc.close();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
