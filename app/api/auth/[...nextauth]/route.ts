import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// Auth.js's own routes (sign-in, callback, session, sign-out). Options are built on the first request, so a build
// or a server without sign-in configured doesn't fail at import time.
type Context = { params: Promise<{ nextauth: string[] }> };

async function auth(request: Request, context: Context) {
  return NextAuth(request as never, context as never, authOptions());
}

export { auth as GET, auth as POST };
