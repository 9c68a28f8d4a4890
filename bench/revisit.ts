import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { kib } from "./stats";

// Issue 8's figure: image bytes a revisit of a page downloads once the browser has seen it, against the cold first
// visit. Thumbnails are immutable objects, so a revisit costs nothing only if the page hands out the same URLs again
// (URLs are signed within fixed windows: lib/aws/url-window.ts).

interface ImageTraffic {
  /** Bytes received from the network for images (compressed bodies + headers); cache hits receive none. */
  bytes: number;
  /** Images fetched from the network, and images the browser's cache answered. */
  fetched: number;
  cached: number;
}

/** Loads `url` in `page` and counts its images' network traffic as Chromium's network layer reports it. */
async function imageTraffic(page: Page, url: string): Promise<ImageTraffic> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const images = new Set<string>();
  const fromCache = new Set<string>();
  const traffic: ImageTraffic = { bytes: 0, fetched: 0, cached: 0 };
  cdp.on("Network.requestWillBeSent", (e) => {
    if (e.type === "Image") images.add(e.requestId);
  });
  cdp.on("Network.requestServedFromCache", (e) => fromCache.add(e.requestId));
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Image") images.add(e.requestId);
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) fromCache.add(e.requestId);
  });
  cdp.on("Network.loadingFinished", (e) => {
    if (!images.has(e.requestId)) return;
    if (fromCache.has(e.requestId)) traffic.cached++;
    else traffic.fetched++;
    traffic.bytes += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  await cdp.detach();
  return traffic;
}

/** A first visit in a fresh browser context, then a revisit in a new tab of the same context (same cache). */
export async function revisitFigures(
  browser: Browser,
  url: string,
  label: string,
  storageState?: BrowserContextOptions["storageState"],
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState });
  try {
    const cold = await imageTraffic(await context.newPage(), url);
    const warm = await imageTraffic(await context.newPage(), url);
    const share = cold.bytes ? (100 * warm.bytes) / cold.bytes : Number.NaN;
    console.log(`\n${label}`);
    console.log(`  images cold    ${kib(cold.bytes)} in ${cold.fetched} fetched`);
    console.log(
      `  images warm    ${kib(warm.bytes)} in ${warm.fetched} fetched, ${warm.cached} from the browser cache: ` +
        `${share.toFixed(1)}% of cold (target ≤ 5%)`,
    );
  } finally {
    await context.close();
  }
}
