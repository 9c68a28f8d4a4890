"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BoardSummary, PosterView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import type { Actor } from "@/lib/permissions";
import { BoardPicker } from "../boards/board-picker";
import { AddToCampaign } from "../campaigns/add-to-campaign";
import { useToast } from "../ui/toast";

const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";

/** `canChange`: the member made the poster or is an admin, so may design and delete it. */
export function PosterActions(props: { poster: PosterView; boards: BoardSummary[]; canChange: boolean; me: Actor }) {
  const { poster } = props;
  const router = useRouter();
  const [favorite, setFavorite] = useState(Boolean(poster.favorite));
  const [message, setMessage] = useState("");
  const [deleting, setDeleting] = useState(false);
  const toast = useToast();

  const say = (error: unknown, fallback: string) => setMessage(error instanceof ApiError ? error.message : fallback);

  async function toggleFavorite() {
    try {
      await api.setFavorite(poster.id, !favorite);
      setFavorite(!favorite);
    } catch (error) {
      say(error, "Couldn't change the favourite.");
    }
  }

  // No "are you sure?": the poster goes to the trash, and the toast (which outlasts the move to the gallery) undoes
  // it, back to this page.
  async function remove() {
    setDeleting(true);
    try {
      await api.deletePoster(poster.id);
    } catch (error) {
      setDeleting(false);
      say(error, "Couldn't delete the poster.");
      return;
    }
    toast({
      message: "Poster moved to the trash.",
      action: {
        label: "Undo",
        run: async () => {
          try {
            await api.restorePoster(poster.id);
            toast({ message: "Poster restored." });
            router.push(`/posters/${poster.id}`);
          } catch (error) {
            toast({
              message: error instanceof ApiError ? error.message : "Couldn't restore the poster: try the Trash page.",
            });
          }
        },
      },
    });
    router.push("/gallery");
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Link href={`/?from=${poster.id}`} className={button}>
          Use these settings
        </Link>
        {props.canChange && (
          <Link href={`/posters/${poster.id}/design`} className={button}>
            {poster.design ? "Edit design" : "Design poster"}
          </Link>
        )}
        {poster.design && poster.artUrl && (
          <a href={poster.artUrl} className={button}>
            Plain art
          </a>
        )}
        <a href={poster.downloadUrl} download className={button}>
          Download
        </a>
        <button type="button" onClick={toggleFavorite} aria-pressed={favorite} className={button}>
          {favorite ? "★ Favourite" : "☆ Favourite"}
        </button>
        {props.canChange && (
          <button
            type="button"
            onClick={remove}
            disabled={deleting}
            className="rounded-md border border-danger/60 px-3 py-1.5 text-sm text-danger hover:bg-danger/10 disabled:opacity-50"
          >
            Delete
          </button>
        )}
      </div>
      <BoardPicker
        boards={props.boards}
        add={(boardId) => api.addToBoard(boardId, poster.id)}
        done={(board) => setMessage(`Added to “${board.name}”.`)}
        fail={setMessage}
      />
      <AddToCampaign posterId={poster.id} me={props.me} onMessage={setMessage} />
      <p role="status" className="min-h-5 text-sm text-muted">
        {message}
      </p>
    </div>
  );
}
