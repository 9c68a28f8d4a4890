"use client";

import { useRouter } from "next/navigation";

// Back to wherever the comparison was picked (the studio, the gallery, a board); the studio when opened from a link.
export function BackButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      onClick={() => (window.history.length > 1 ? router.back() : router.push("/"))}
      className="rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent"
    >
      ← Back
    </button>
  );
}
