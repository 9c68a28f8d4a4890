import type { Metadata } from "next";
import { connection } from "next/server";
import { SignInButton } from "@/components/account/sign-in-button";
import { ConfigProblem } from "@/components/notices";
import { sameSitePath } from "@/lib/auth/callback";
import { signInSetup } from "@/lib/site";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  await connection();
  const params = await searchParams;
  const { provider, problem } = signInSetup();
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4">
      <p className="font-display text-5xl tracking-wide text-accent">OneSheet</p>
      <h1 className="text-xl font-semibold">Sign in to the studio</h1>
      {problem && <ConfigProblem detail={problem} />}
      {params.error && (
        <p role="alert" className="text-danger">
          Sign-in didn&apos;t complete: try again, or ask an admin to check your access.
        </p>
      )}
      {provider && <SignInButton provider={provider} callbackUrl={sameSitePath(params.callbackUrl)} />}
      <p className="text-sm text-muted">For the marketing team only. Shared poster links open without signing in.</p>
    </main>
  );
}
