import { existsSync } from "node:fs";

// Debian's Chromium, as Playwright drives it here (it can't download a browser of its own). Without the
// background-networking flags Chromium keeps calling home, and this machine's closed network refuses every call.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// The e2e tests run in Debian's headless shell (chromium-headless-shell: the old headless mode, which Playwright
// itself runs headless tests in) where it is installed: the full browser in headless mode costs about twice the CPU
// per test (a GPU process compositing in software, a heavier browser process), and CPU is what the 2-CPU CI machine
// is short of. The benchmark (bench/) keeps the full browser, which is what people use.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
export const TEST_CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM_PATH);

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
