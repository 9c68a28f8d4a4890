import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NowProvider } from "@/components/ui/now";
import { bebas } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "OneSheet studio", template: "%s · OneSheet" },
  description: "Design movie posters with Stability AI models on Amazon Bedrock.",
  robots: { index: false, follow: false },
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
        {/* Ages ("5 minutes ago") are measured against this render's clock until the page has hydrated. */}
        <NowProvider serverNow={Date.now()}>{children}</NowProvider>
      </body>
    </html>
  );
}
