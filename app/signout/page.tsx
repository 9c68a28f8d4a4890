import type { Metadata } from "next";
import { connection } from "next/server";
import { SignOutButton } from "@/components/account/sign-in-button";

export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage() {
  await connection(); // rendered per request, so its scripts carry the response's CSP nonce
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4">
      <p className="font-display text-5xl tracking-wide text-accent">OneSheet</p>
      <h1 className="text-xl font-semibold">Sign out of the studio?</h1>
      <SignOutButton />
    </main>
  );
}
