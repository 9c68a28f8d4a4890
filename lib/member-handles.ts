// Handles for @mentions, and finding them in text. Pure: the comment box's autocomplete and the comment's rendering
// use it in the browser, the comments service on the server.
//
// A handle is what a person types after "@": the local part of the member's email ("alice-2" for
// alice-2@onesheet.local), lowercased — what people at a company already call each other by. OpenID subjects are
// opaque (a Cognito sub is a UUID) and display names have spaces and repeat, so neither will do. Two members whose
// addresses share a local part (alice@studio.com, alice@agency.com) each get a short suffix made from their subject
// ("alice-3f2a"), the same on every read, so neither takes the other's mentions.

export interface DirectoryMember {
  sub: string;
  name: string;
  handle: string;
}

const HANDLE_MAX = 40;

function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .slice(0, HANDLE_MAX)
    .replace(/^[._-]+|[._-]+$/g, "");
}

/** FNV-1a, four hex digits: short, stable, and enough to tell apart the few people who share a name. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0").slice(0, 4);
}

function baseHandle(member: { sub: string; email: string; name: string }): string {
  return slug(member.email.split("@")[0] ?? "") || slug(member.name) || slug(member.sub) || "member";
}

/** The team with a handle each, unique within it, sorted by name. */
export function withHandles(members: readonly { sub: string; email: string; name: string }[]): DirectoryMember[] {
  const bases = members.map(baseHandle);
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  return members
    .map((m, i) => {
      const base = bases[i] ?? "member";
      return {
        sub: m.sub,
        name: m.name || base,
        handle: (counts.get(base) ?? 0) > 1 ? `${base}-${shortHash(m.sub)}` : base,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.handle.localeCompare(b.handle));
}

// "@" at the start of a word (not inside an address like dana@agency.com), then a handle: letters, digits, and . _ -
// inside it, so "@bob." and "@bob," end at "bob".
const MENTION = /(?<![\w@.])@([a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)/gi;

/** The handles a text mentions, lowercased, each once, in the order they first appear. */
export function mentionedHandles(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => (m[1] ?? "").toLowerCase()))];
}

export type TextPart = { text: string } | { text: string; handle: string };

/** The text cut into plain runs and the mentions of `handles` (as typed), for showing mentions as such. */
export function splitMentions(text: string, handles: ReadonlySet<string>): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(MENTION)) {
    const handle = (match[1] ?? "").toLowerCase();
    if (!handles.has(handle) || match.index === undefined) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ text: match[0], handle });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** The word being typed at the caret, when it is a mention in progress ("@al|"): its start and what follows "@". */
export function mentionAt(text: string, caret: number): { start: number; query: string } | undefined {
  const before = text.slice(0, caret);
  const match = /(?<![\w@.])@([a-z0-9._-]*)$/i.exec(before);
  return match ? { start: match.index, query: (match[1] ?? "").toLowerCase() } : undefined;
}
