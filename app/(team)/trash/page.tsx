import type { Metadata } from "next";
import Link from "next/link";
import { TrashList } from "@/components/trash/trash-list";
import { requireMember } from "@/lib/identity";
import { listTrashViews } from "@/lib/posters/trash";
import { TRASH_DAYS } from "@/lib/trash-rules";

export const metadata: Metadata = { title: "Trash" };

// Deleted posters, restorable until the sweeper purges them: the member's own (an admin sees everyone's).
export default async function TrashPage() {
  const member = await requireMember("/trash");
  const page = await listTrashViews({ limit: 50, member });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="font-display text-4xl tracking-wide">Trash</h1>
        <p className="text-sm text-muted">
          Deleted posters wait here for {TRASH_DAYS} days, then go for good with their files and comments.{" "}
          {member.isAdmin ? "As an admin you see everyone's." : "You see the ones you made."} While here, a poster is
          off the gallery, its boards and its campaign; restored, it is back where it was.{" "}
          <Link href="/gallery" className="underline hover:text-accent">
            Back to the gallery
          </Link>
        </p>
      </div>
      <TrashList initial={page} />
    </div>
  );
}
