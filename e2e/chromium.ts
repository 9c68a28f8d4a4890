// Debian's Chromium, as Playwright drives it here (it can't download a browser of its own). Without the
// background-networking flags Chromium keeps calling home, and this machine's closed network refuses every call.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
