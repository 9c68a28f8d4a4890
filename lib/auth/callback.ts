// Where sign-in and sign-out send people afterwards: only ever somewhere on this site. A callback URL is attacker
// input (it rides in a link); anything that resolves elsewhere — another site, `//evil.com`, `\\evil.com`, `/\evil.com`
// (browsers read a backslash as a slash), another scheme, garbage — falls back to the home page, never an error.

/** A full URL on `baseUrl`'s origin, or the site's home page. */
export function sameSiteUrl(url: string, baseUrl: string): string {
  try {
    const base = new URL(baseUrl);
    const target = new URL(url, base);
    return target.origin === base.origin ? target.href : `${base.origin}/`;
  } catch {
    return `${baseUrl.replace(/\/+$/, "")}/`;
  }
}

const PROBE = "http://onesheet.invalid";

/** A same-site path (with query and fragment) from a `callbackUrl` parameter, or `/`. */
export function sameSitePath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  const resolved = sameSiteUrl(value, PROBE);
  return resolved.slice(PROBE.length) || "/";
}

/**
 * The request with its `callbackUrl` query parameter made same-site. Auth.js rejects a callback URL it can't parse
 * (`\\evil.com`) as a server misconfiguration — a 500 page — before any callback of ours runs, so it is fixed here,
 * on the way in.
 */
export function withSameSiteCallback<R extends Request>(request: R, site: string, make: (url: URL, from: R) => R): R {
  const url = new URL(request.url);
  const callback = url.searchParams.get("callbackUrl");
  if (callback === null) return request;
  const safe = sameSiteUrl(callback, site);
  if (safe === callback) return request;
  url.searchParams.set("callbackUrl", safe);
  return make(url, request);
}
