"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, api } from "@/lib/client/api";

export function NewBoardForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState("");

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    try {
      const board = await api.createBoard(name);
      router.push(`/boards/${board.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields?.name ?? e.message) : "Couldn't create the board.");
    }
  }

  return (
    <form onSubmit={submit} aria-label="New board" className="mb-8 flex flex-wrap items-end gap-2 text-sm">
      <label className="flex flex-col gap-1">
        New board
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Midnight Harbor — teaser options"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "new-board-error" : undefined}
          className="w-80 rounded-md border border-edge bg-panel px-3 py-2"
        />
      </label>
      <button type="submit" className="rounded-md bg-accent px-4 py-2 font-semibold text-ink">
        Create board
      </button>
      {error && (
        <p id="new-board-error" className="w-full text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
