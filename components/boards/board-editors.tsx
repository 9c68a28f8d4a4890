"use client";

import { useId, useState } from "react";
import type { BoardView } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { useDirectory } from "../comments/use-directory";

// Who may add, remove and reorder a board's posters besides its maker. Its maker (or an admin) picks team members
// from the directory; everyone else sees who they are.

export function BoardEditors(props: { board: BoardView; canChoose: boolean; onChanged: (board: BoardView) => void }) {
  const { board } = props;
  const members = useDirectory(props.canChoose);
  const [picked, setPicked] = useState("");
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const id = useId();
  const taken = new Set([board.createdBy, ...board.editors.map((e) => e.sub)]);
  const choices = members.filter((m) => !taken.has(m.sub));

  async function run(action: () => Promise<BoardView>, done: string) {
    setBusy(true);
    try {
      props.onChanged(await action());
      setMessage(done);
      setPicked("");
    } catch (error) {
      setMessage(error instanceof ApiError ? (error.fields?.memberSub ?? error.message) : "That didn't go through.");
    } finally {
      setBusy(false);
    }
  }

  const names = board.editors.map((e) => e.name);
  if (!props.canChoose) {
    return names.length > 0 ? (
      <p className="text-sm text-muted">
        Editors: <span className="text-white">{names.join(", ")}</span>
      </p>
    ) : null;
  }
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2 rounded-lg border border-edge p-3">
      <h2 id={`${id}-h`} className="text-sm font-semibold">
        Editors <span className="font-normal text-muted">— can add, remove and reorder posters</span>
      </h2>
      {board.editors.length === 0 ? (
        <p className="text-sm text-muted">Only you can change this board. Add colleagues who work on it with you.</p>
      ) : (
        <ul aria-label="Editors" className="flex flex-wrap gap-2">
          {board.editors.map((editor) => (
            <li
              key={editor.sub}
              className="flex items-center gap-1 rounded-full border border-edge py-0.5 pl-3 pr-1 text-sm"
            >
              {editor.name}
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  run(() => api.removeBoardEditor(board.id, editor.sub), `${editor.name} is no longer an editor.`)
                }
                className="rounded-full px-2 py-0.5 text-xs text-muted hover:text-white disabled:opacity-50"
              >
                Remove<span className="sr-only"> {editor.name} as editor</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const who = members.find((m) => m.sub === picked);
          if (who)
            void run(() => api.addBoardEditor(board.id, who.sub), `${who.name} can now change this board's posters.`);
        }}
        className="flex flex-wrap items-end gap-2"
      >
        <label className="flex min-w-0 flex-col gap-1 text-sm">
          Add an editor
          <select
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
            className="max-w-full rounded-md border border-edge bg-panel px-3 py-2 text-sm"
          >
            <option value="">{choices.length ? "Choose a colleague…" : "Nobody else on the team yet"}</option>
            {choices.map((m) => (
              <option key={m.sub} value={m.sub}>
                {m.name} (@{m.handle})
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={busy || !picked}
          className="rounded-md border border-edge px-3 py-2 text-sm hover:border-accent disabled:opacity-50"
        >
          Add editor
        </button>
      </form>
      <p role="status" className="text-sm text-muted">
        {message}
      </p>
    </section>
  );
}
