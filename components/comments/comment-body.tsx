import { splitMentions } from "@/lib/member-handles";

// A comment's words as text (React escapes it: markup someone typed shows as they typed it, never as HTML), its
// mentions of members set apart. Newlines are kept.
export function CommentBody(props: { body: string; mentions: { handle: string; name: string }[] }) {
  const names = new Map(props.mentions.map((m) => [m.handle, m.name]));
  // Each part keyed by where it starts in the text.
  let at = 0;
  const parts = splitMentions(props.body, new Set(names.keys())).map((part) => {
    const start = at;
    at += part.text.length;
    return { ...part, start };
  });
  return (
    <p className="whitespace-pre-line break-words text-sm">
      {parts.map((part) =>
        "handle" in part ? (
          <span
            key={part.start}
            title={names.get(part.handle)}
            className="rounded bg-accent/15 px-0.5 font-semibold text-accent"
          >
            {part.text}
          </span>
        ) : (
          <span key={part.start}>{part.text}</span>
        ),
      )}
    </p>
  );
}
