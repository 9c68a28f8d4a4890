import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokens } from "@/components/account/api-tokens";
import { requireMember } from "@/lib/identity";
import { ownTokens } from "@/lib/member-tokens";
import { TRASH_DAYS } from "@/lib/trash-rules";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const member = await requireMember("/account");
  const tokens = await ownTokens(member);
  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <h1 className="font-display text-4xl tracking-wide">Account</h1>
        <p className="text-muted">
          Signed in as {member.name} ({member.email}){member.isAdmin ? ", an admin" : ""}.{" "}
          <Link href="/signout" className="underline">
            Sign out
          </Link>
        </p>
      </div>
      <p className="text-sm text-muted">
        Deleted posters wait in the{" "}
        <Link href="/trash" className="underline hover:text-accent">
          Trash
        </Link>{" "}
        for {TRASH_DAYS} days before they go for good.
      </p>
      <ApiTokens
        initial={tokens.map(({ id, name, prefix, createdAt, expiresAt }) => ({
          id,
          name,
          prefix,
          createdAt,
          expiresAt,
        }))}
      />
    </div>
  );
}
