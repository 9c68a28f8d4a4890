import type { Metadata } from "next";
import { StartFromImage } from "@/components/develop/panel/start-from-image";
import { requireMember } from "@/lib/identity";

// Start from an image: upload a photo, a sketch or a reference and develop it like a poster. Its own route, so the
// studio's first load carries none of this code.

export const metadata: Metadata = { title: "Start from an image" };

export default async function DevelopPage() {
  await requireMember("/develop");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-display text-4xl tracking-wide">Start from an image</h1>
        <p className="text-sm text-muted">
          Upload a photo, a sketch or a layout, or a reference whose look you want, then make a poster from it.
        </p>
      </div>
      <StartFromImage />
    </div>
  );
}
