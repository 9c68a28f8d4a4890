import { trimText } from "@/lib/display-text";

// The team's recent prompts, newest first: one click puts a prompt back in the prompt box.
export function RecentPrompts(props: { prompts: string[]; onPick: (prompt: string) => void }) {
  if (props.prompts.length === 0) return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted hover:text-white">Team&apos;s recent prompts</summary>
      <ul aria-label="Recent prompts" className="mt-2 space-y-1">
        {props.prompts.map((prompt) => (
          <li key={prompt}>
            <button
              type="button"
              onClick={() => props.onPick(prompt)}
              className="w-full rounded px-2 py-1 text-left hover:bg-panel"
              title={prompt}
            >
              {trimText(prompt, 110)}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
