import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { withSameSiteCallback } from "@/lib/auth/callback";
import { authOptions } from "@/lib/auth/options";
import { siteUrl } from "@/lib/site";

// Auth.js's own routes (sign-in, callback, session, sign-out). Options are built on the first request, so a build
// or a server without sign-in configured doesn't fail at import time.
type Context = { params: Promise<{ nextauth: string[] }> };

// The site a callback must stay on: the configured site URL; without one, Auth.js's own idea of it (the request's).
function site(request: NextRequest): string {
  return siteUrl()?.origin ?? request.nextUrl.origin;
}

async function auth(request: NextRequest, context: Context): Promise<Response> {
  const options = authOptions();
  const safe = withSameSiteCallback(request, site(request), (url, from) => new NextRequest(url, from));
  return NextAuth(safe, context, options);
}

export { auth as GET, auth as POST };
