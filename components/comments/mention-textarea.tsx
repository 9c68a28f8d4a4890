"use client";

import { type RefObject, useId, useRef, useState } from "react";
import { COMMENT_MAX } from "@/lib/comments/schema";
import { type DirectoryMember, mentionAt } from "@/lib/member-handles";
import { useDirectory } from "./use-directory";

// A comment box that offers the team as you type "@": ↑/↓ choose, Enter or Tab puts the handle in, Escape closes.
// The box stays a textbox (it keeps its label and its own keys); the list is tied to it with aria-controls and
// aria-activedescendant, as a screen reader expects of an autocomplete.

const SHOWN = 6;

function matches(members: DirectoryMember[], query: string): DirectoryMember[] {
  const q = query.toLowerCase();
  return members.filter((m) => m.handle.startsWith(q) || m.name.toLowerCase().includes(q)).slice(0, SHOWN);
}

export function MentionTextarea(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/⌘+Enter. */
  onSubmit: () => void;
  describedBy?: string;
  invalid?: boolean;
  rows?: number;
  /** For the form to focus the box (after a pin is placed, say). */
  inputRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  const own = useRef<HTMLTextAreaElement>(null);
  const box = props.inputRef ?? own;
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [closedAt, setClosedAt] = useState<number>();
  const typing = mentionAt(props.value, caret);
  const members = useDirectory(Boolean(typing));
  const options = typing && closedAt !== typing.start ? matches(members, typing.query) : [];
  const open = options.length > 0;
  const chosen = Math.min(active, options.length - 1);

  function pick(member: DirectoryMember) {
    if (!typing) return;
    const before = props.value.slice(0, typing.start);
    const after = props.value.slice(caret).replace(/^[\w.-]*/, "");
    const inserted = `@${member.handle} `;
    props.onChange(before + inserted + after);
    const at = before.length + inserted.length;
    setCaret(at);
    requestAnimationFrame(() => box.current?.setSelectionRange(at, at));
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      props.onSubmit();
      return;
    }
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((chosen + step + options.length) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      const member = options[chosen];
      if (!member) return;
      event.preventDefault();
      pick(member);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setClosedAt(typing?.start);
    }
  }

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="relative">
      <textarea
        ref={box}
        id={props.id}
        value={props.value}
        rows={props.rows ?? 3}
        maxLength={COMMENT_MAX}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(chosen) : undefined}
        onChange={(e) => {
          props.onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setClosedAt(typing?.start)}
        onFocus={() => setClosedAt(undefined)}
        className="block w-full rounded-md border border-edge bg-ink px-3 py-2 text-base aria-[invalid=true]:border-danger sm:text-sm"
      />
      {open && (
        <div
          id={listId}
          role="listbox"
          aria-label="Team members"
          className="absolute inset-x-0 top-full z-30 mt-1 max-h-64 overflow-auto rounded-md border border-edge bg-panel py-1 shadow-xl"
        >
          {options.map((member, i) => (
            <div
              key={member.sub}
              id={optionId(i)}
              role="option"
              // Reached with the arrow keys from the box (aria-activedescendant), never by Tab.
              tabIndex={-1}
              aria-selected={i === chosen}
              // Chosen with the mouse before the box loses focus (a blur would close the list first).
              onMouseDown={(e) => {
                e.preventDefault();
                pick(member);
              }}
              className="flex cursor-pointer items-baseline gap-2 px-3 py-2 text-sm aria-selected:bg-accent aria-selected:text-ink"
            >
              <span className="font-medium">{member.name}</span>
              <span className="text-xs opacity-80">@{member.handle}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
