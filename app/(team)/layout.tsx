import type { ReactNode } from "react";
import { TeamNav } from "@/components/team-nav";
import { ToastProvider, Toasts } from "@/components/ui/toast";

// The team's pages: studio, gallery, posters, boards. Share pages (/s/…) live outside, with no way back in.
export default function TeamLayout({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <header className="border-b border-edge">
        <TeamNav />
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
        <Toasts />
      </main>
    </ToastProvider>
  );
}
