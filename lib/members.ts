import "server-only";
import { type DirectoryMember, withHandles } from "./member-handles";
import { allMembers, getMember, listMembers, type MemberRecord } from "./store/members";

// The team as the pages show it: names to pick a maker by (the gallery's filter), to put beside ledger emails, to
// choose a board's editors from and to @mention.

/** Everyone who has signed in, newest first (at most `limit`). */
export const teamMembers = (limit = 100): Promise<MemberRecord[]> => listMembers(limit);

/** The team directory (GET /api/members): each member's subject, display name and @handle, by name. No emails:
 * the directory is for choosing people, and the handle is all a mention needs. */
export async function teamDirectory(): Promise<DirectoryMember[]> {
  return withHandles(await allMembers());
}

/** One member as the directory shows them, or undefined for someone who never signed in. */
export async function directoryMember(sub: string): Promise<DirectoryMember | undefined> {
  if (sub.length === 0 || sub.length > 255) return undefined;
  const found = (await teamDirectory()).find((m) => m.sub === sub);
  if (found) return found;
  // Past the directory's cap (a very large team): read the member's row itself.
  const row = await getMember(sub);
  return row ? withHandles([row])[0] : undefined;
}

/** Names of these members (subject → display name), for lists of a few (a board's editors). */
export async function memberNames(subs: readonly string[]): Promise<Map<string, string>> {
  const rows = await Promise.all([...new Set(subs)].map((sub) => getMember(sub)));
  return new Map(rows.flatMap((row) => (row ? [[row.sub, row.name || row.email]] : [])));
}
