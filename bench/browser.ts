import { type Browser, type BrowserContextOptions, chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/chromium";

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

declare global {
  interface Window {
    /** The page's last Largest Contentful Paint candidate, kept by coldVisit's init script. */
    __lcp?: { at: number; element: string; url: string };
  }
}

export interface Visit {
  /** Bytes on the wire (compressed bodies + headers) of the requests of one resource type, or of all. */
  bytes(type?: string): number;
  count(type?: string): number;
  largest(type: string): number;
  /** From navigation start to the load event, in ms (the page's own Navigation Timing). */
  loadMs: number;
  /** Largest Contentful Paint, in ms from navigation start (the browser's own last candidate before we read it). */
  lcpMs: number;
  /** What the largest paint was (`img`, `p`, …), to tell an image's paint from a heading's. */
  lcpElement: string;
  /** Where an LCP's time went: the HTML's first byte, and for an image, when its request left and its last byte came. */
  ttfbMs: number;
  lcpImage?: { requestMs: number; responseEndMs: number };
  /** Every request, to see which files make up a figure (BENCH_FILES=1 prints them). */
  files: { url: string; type: string; bytes: number }[];
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
  // Registered before any of the page's own code runs; `buffered` hands over the candidates painted before it.
  await context.addInitScript(() => {
    const record = { at: Number.NaN, element: "", url: "" };
    window.__lcp = record;
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1);
      if (!(last instanceof LargestContentfulPaint)) return;
      record.at = last.startTime;
      record.element = last.element?.tagName.toLowerCase() ?? "";
      record.url = last.url;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  const page = await context.newPage();
  const sizes: { url: string; type: string; bytes: number }[] = [];
  page.on("requestfinished", async (request) => {
    const { responseBodySize, responseHeadersSize } = await request.sizes();
    sizes.push({ url: request.url(), type: request.resourceType(), bytes: responseBodySize + responseHeadersSize });
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  const { loadMs, ttfbMs, lcp, lcpImage } = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    const lcp = window.__lcp ?? { at: Number.NaN, element: "", url: "" };
    const image = lcp.url ? performance.getEntriesByName(lcp.url)[0] : undefined;
    return {
      loadMs: navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN,
      ttfbMs: navigation ? navigation.responseStart - navigation.startTime : Number.NaN,
      lcp,
      lcpImage:
        image instanceof PerformanceResourceTiming
          ? { requestMs: image.requestStart || image.startTime, responseEndMs: image.responseEnd }
          : undefined,
    };
  });
  await context.close();
  const of = (type?: string) => sizes.filter((s) => !type || s.type === type);
  return {
    bytes: (type) => of(type).reduce((sum, s) => sum + s.bytes, 0),
    count: (type) => of(type).length,
    largest: (type) => Math.max(0, ...of(type).map((s) => s.bytes)),
    loadMs,
    lcpMs: lcp.at,
    lcpElement: lcp.element,
    ttfbMs,
    lcpImage,
    files: sizes,
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
