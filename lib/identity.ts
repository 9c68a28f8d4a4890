import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { z } from "zod";
import { authOptions } from "./auth/options";
import { getAuthConfig } from "./aws/config";
import { AppError } from "./errors";
import { getMember } from "./store/members";
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

// Anyone can type an address into some providers' profiles: only one the provider verified makes an admin.
const admin = (email: string, verified: boolean | undefined) =>
  verified === true && getAuthConfig().adminEmails.includes(email.toLowerCase());

// The user next-auth's session callback shapes (lib/auth/options.ts): read with a schema, so a session from before a
// change of that shape is no session rather than a member with missing fields.
const sessionUser = z.object({
  id: z.string().min(1),
  email: z.string().nullish(),
  name: z.string().nullish(),
  emailVerified: z.boolean().optional(),
});

/** The member a session (as next-auth's session callback shapes it) stands for. */
export function memberFromSession(session: { user?: unknown } | null | undefined): Member | undefined {
  const parsed = sessionUser.safeParse(session?.user);
  if (!parsed.success) return undefined;
  const user = parsed.data;
  const email = user.email ?? "";
  return { sub: user.id, email, name: user.name ?? email, isAdmin: admin(email, user.emailVerified), via: "session" };
}

async function fromSession(): Promise<Member | undefined> {
  return memberFromSession(await getServerSession(authOptions()));
}

// A token carries no provider claims: its admin rights come from what the provider said at the member's last
// sign-in, recorded on their member row.
async function fromToken(bearer: string): Promise<Member> {
  const token = await findToken(bearer);
  if (!token)
    throw new AppError("unauthenticated", {
      message: "That API token isn't valid (it may have been revoked or have expired).",
    });
  const row = await getMember(token.sub);
  const email = row?.email || token.email;
  return { sub: token.sub, email, name: row?.name || email, isAdmin: admin(email, row?.emailVerified), via: "token" };
}

/** The member behind an API request, or a 401. */
export async function authenticate(request: Request): Promise<Member> {
  getAuthConfig(); // no identity provider configured: refuse, never run open
  const bearer = /^Bearer (\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer) return fromToken(bearer);
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
