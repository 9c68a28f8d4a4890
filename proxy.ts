import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "./lib/security-headers";

// Runs before every page: a fresh nonce per response for the Content-Security-Policy, so no inline script runs
// unless Next.js itself put it there. (Sign-in is checked by the pages and the API, not here.)
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: not the API (JSON, no scripts), not static files.
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|icon.svg|robots.txt).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
