import type { Metadata } from "next";

export const metadata: Metadata = { title: "Not found" };

// One plain page for every miss, share tokens included: unknown, revoked and expired look the same.
export default function NotFound() {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh max-w-xl flex-col items-center justify-center gap-3 px-4 text-center"
    >
      <p className="font-display text-5xl tracking-wide text-accent">404</p>
      <h1 className="text-xl font-semibold">This page doesn&apos;t exist</h1>
      <p className="text-muted">The link may be mistyped, or it may have expired or been revoked.</p>
    </main>
  );
}
