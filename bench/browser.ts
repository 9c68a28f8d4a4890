import { type Browser, type BrowserContextOptions, chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/chromium";

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Visit {
  /** Bytes on the wire (compressed bodies + headers) of the requests of one resource type, or of all. */
  bytes(type?: string): number;
  count(type?: string): number;
  largest(type: string): number;
  /** From navigation start to the load event, in ms (the page's own Navigation Timing). */
  loadMs: number;
}

/** Loads a page in a fresh context (nothing cached), as a first-time visitor would, and adds up what it fetched. */
export async function coldVisit(
  browser: Browser,
  url: string,
  storageState?: BrowserContextOptions["storageState"],
  device: Pick<BrowserContextOptions, "viewport" | "isMobile" | "hasTouch"> = {
    viewport: { width: 1280, height: 800 },
  },
): Promise<Visit> {
  // Signed in (cookies) but with nothing cached: a first visit.
  const context = await browser.newContext({ ...device, storageState });
  const page = await context.newPage();
  const sizes: { type: string; bytes: number }[] = [];
  page.on("requestfinished", async (request) => {
    const { responseBodySize, responseHeadersSize } = await request.sizes();
    sizes.push({ type: request.resourceType(), bytes: responseBodySize + responseHeadersSize });
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  const loadMs = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN;
  });
  await context.close();
  const of = (type?: string) => sizes.filter((s) => !type || s.type === type);
  return {
    bytes: (type) => of(type).reduce((sum, s) => sum + s.bytes, 0),
    count: (type) => of(type).length,
    largest: (type) => Math.max(0, ...of(type).map((s) => s.bytes)),
    loadMs,
  };
}

/** Server time of a page: from request to the last byte of HTML. */
export async function timePage(url: string, cookie?: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}
