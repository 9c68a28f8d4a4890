"use client";

import { signIn, signOut } from "next-auth/react";

const button = "rounded-md bg-accent px-5 py-2.5 font-semibold text-ink hover:brightness-110";

export function SignInButton(props: { provider: string; callbackUrl: string }) {
  return (
    <button type="button" className={button} onClick={() => signIn("oidc", { callbackUrl: props.callbackUrl })}>
      Sign in with {props.provider}
    </button>
  );
}

export function SignOutButton() {
  return (
    <button type="button" className={button} onClick={() => signOut({ callbackUrl: "/signin" })}>
      Sign out
    </button>
  );
}
