import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { bebas } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "OneSheet studio", template: "%s · OneSheet" },
  description: "Design movie posters with Stability AI models on Amazon Bedrock.",
};

export const viewport: Viewport = { themeColor: "#0c0d12" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={bebas.variable}>
      <body className="min-h-dvh font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-accent focus:px-3 focus:py-2 focus:text-ink"
        >
          Skip to content
        </a>
        <header className="border-b border-edge">
          <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
            <Link href="/" className="font-display text-3xl tracking-wide text-accent">
              OneSheet
            </Link>
            <span className="text-sm text-muted">Key art studio</span>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
