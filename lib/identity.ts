import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { authOptions } from "./auth/options";
import { getAuthConfig } from "./aws/config";
import { AppError } from "./errors";
import { findToken } from "./store/tokens";

// Who is making a request: a signed-in team member (Auth.js session cookie) or a script with a personal API token
// (Authorization: Bearer os_…). Nobody else gets past the studio's pages or its API.

export interface Member {
  sub: string;
  email: string;
  name: string;
  isAdmin: boolean;
  /** How the request proved who it is: a token is not subject to the browser's Origin check. */
  via: "session" | "token";
}

const admin = (email: string) => getAuthConfig().adminEmails.includes(email.toLowerCase());

async function fromSession(): Promise<Member | undefined> {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id) return undefined;
  const email = user.email ?? "";
  return { sub: user.id, email, name: user.name ?? email, isAdmin: admin(email), via: "session" };
}

/** The member behind an API request, or a 401. */
export async function authenticate(request: Request): Promise<Member> {
  getAuthConfig(); // no identity provider configured: refuse, never run open
  const bearer = /^Bearer (\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer) {
    const token = await findToken(bearer);
    if (!token)
      throw new AppError("unauthenticated", { message: "That API token isn't valid (it may have been revoked)." });
    return { sub: token.sub, email: token.email, name: token.email, isAdmin: admin(token.email), via: "token" };
  }
  const member = await fromSession().catch(() => undefined);
  if (!member) throw new AppError("unauthenticated");
  return member;
}

/** The signed-in member for a page (server component); signed out, it sends them to sign in and back. */
export async function requireMember(returnTo: string): Promise<Member> {
  await connection(); // per request, never at build time
  getAuthConfig();
  const member = await fromSession();
  if (!member) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return member;
}
