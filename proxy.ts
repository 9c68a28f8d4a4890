import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, strictTransportSecurity } from "./lib/security-headers";

// Runs before every page (and Auth.js's own pages under /api/auth): a fresh nonce per response for the Content-Security-Policy, so no inline script runs
// unless Next.js itself put it there. (Sign-in is checked by the pages and the API, not here.)
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  // Pages only: not the API (JSON, no scripts; lib/http.ts sets its headers) but Auth.js's HTML pages under
  // /api/auth (sign-out, errors); not static files.
  matcher: [
    {
      source: "/((?!api(?!/auth)|_next/static|_next/image|icon.svg|robots.txt).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
