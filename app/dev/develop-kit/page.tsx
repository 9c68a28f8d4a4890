import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DevelopKit } from "./develop-kit";

// A bench for the develop components (components/develop/), for the browser tests only: it is a 404 unless the
// server was started with ONESHEET_DEV_KIT=1, which only playwright.config.ts does. No data, no sign-in, no API.

export const metadata: Metadata = { title: "Develop kit (test bench)" };

// ?mask=2508x3762 gives the mask painter a source of that size (the bench's 9.4 MP case); 600×900 otherwise.
const maskSize = (value: string | undefined) => {
  const m = /^(\d{2,5})x(\d{2,5})$/.exec(value ?? "");
  const [w, h] = [Number(m?.[1] ?? 600), Number(m?.[2] ?? 900)];
  return w * h <= 16_777_216 ? { width: w, height: h } : { width: 600, height: 900 };
};

export default async function DevelopKitPage({ searchParams }: { searchParams: Promise<{ mask?: string }> }) {
  await connection(); // read the flag per request (never at build time), and carry the response's CSP nonce
  if (process.env.ONESHEET_DEV_KIT !== "1") notFound();
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-10 px-4 py-8">
      <h1 className="font-display text-4xl tracking-wide">Develop kit</h1>
      <DevelopKit mask={maskSize((await searchParams).mask)} />
    </main>
  );
}
