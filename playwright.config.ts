import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from "./e2e/chromium";

// E2E runs against the production build (`npm run build` first) on the offline stack, with a fresh data folder
// per run. E2E_DEV=1 runs against `next dev` instead, for quicker iteration.
const port = Number(process.env.E2E_PORT ?? 3100);
// Workers load this file too: the env var makes them agree with the main process on the folder.
process.env.ONESHEET_E2E_DATA ??= mkdtempSync(path.join(os.tmpdir(), "onesheet-e2e-"));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  // Each worker is signed in as its own member (e2e/members.ts), so tests side by side don't share a feed. Four on
  // the 2-CPU CI machine: a test spends much of its time waiting (for the server, a render, a job), and four keep
  // the CPUs busy where two left them idle about half the time.
  workers: Number(process.env.E2E_WORKERS ?? 4),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    // A failed test's trace keeps its DOM snapshots, network and console; not the screencast, which every test paid
    // for (a quarter of the e2e stage's CPU) and only a failed one's trace kept.
    trace: { mode: "retain-on-failure", screenshots: false },
    launchOptions: { executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "sign-in", testMatch: /sign-in\.setup\.ts/ },
    {
      name: "chromium",
      dependencies: ["sign-in"],
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 900 },
        // The API refuses a signed-in browser's state-changing requests from other sites; the test runner's own
        // API requests say where they come from, as a browser would.
        extraHTTPHeaders: { origin: `http://localhost:${port}` },
      },
    },
  ],
  webServer: {
    command: `node_modules/.bin/tsx local/start.ts ${process.env.E2E_DEV ? "dev" : "start"}`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      ONESHEET_DATA_DIR: process.env.ONESHEET_E2E_DATA,
      // Model time 0: a test that needs a tile to stay pending says so with a [latency:MS] marker in its prompt.
      ONESHEET_EMULATOR_LATENCY_MS: "0",
      // Short-lived signatures, so the share test can wait past them (e2e/library.spec.ts reads the same variable).
      ONESHEET_URL_TTL_SECONDS: process.env.E2E_URL_TTL ?? "10",
      // Parallel tests make requests far faster than people do.
      ONESHEET_DAILY_BUDGET_USD: "100000",
      ONESHEET_MAX_IN_FLIGHT: "50",
      ONESHEET_REQUESTS_PER_MINUTE: "10000",
      ONESHEET_RENDERS_PER_MINUTE: "10000",
      // Turns on the develop components' test bench (app/dev/develop-kit), a 404 everywhere else.
      ONESHEET_DEV_KIT: "1",
    },
  },
});
