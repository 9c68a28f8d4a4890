// Signing windows for pre-signed GET URLs. A URL signed at the present instant is new on every view, and a new URL
// is a browser cache miss whatever the object's Cache-Control says. So every URL is signed as of the start of a fixed
// window (time since the epoch cut into windows of W seconds; every server agrees on them): the same object within
// one window gets a byte-identical URL, and a revisit is served from the browser's cache.
//
// With a lifetime of ttl seconds and W = max(1, floor(ttl / 2)), a URL handed out at `now` has
//     now + (ttl − W) s  <  expiry  ≤  now + ttl s
// i.e. it never outlives ttl after the page is served (the promise we make about signed URLs), and it is never
// served with ttl − W seconds or less left, about half its lifetime (ttl 900 → 450 s < life left ≤ 900 s). For
// ttl = 1 the window is one second, the precision of a SigV4 date: what signing at `now` gives anyway.

export interface UrlWindow {
  /** The start of the window: the X-Amz-Date of every URL signed in it. */
  signingDate: Date;
  /** X-Amz-Expires, in seconds. */
  expiresIn: number;
  /** signingDate + expiresIn: the instant the URL stops working. */
  expiresAt: Date;
}

export function windowSeconds(ttlSeconds: number): number {
  return Math.max(1, Math.floor(ttlSeconds / 2));
}

export function urlWindow(nowMs: number, ttlSeconds: number): UrlWindow {
  const windowMs = windowSeconds(ttlSeconds) * 1000;
  const start = Math.floor(nowMs / windowMs) * windowMs;
  return {
    signingDate: new Date(start),
    expiresIn: ttlSeconds,
    expiresAt: new Date(start + ttlSeconds * 1000),
  };
}
