import "server-only";
import { listMembers, type MemberRecord } from "./store/members";

// The team as the pages show it: names to pick a maker by (the gallery's filter) and to put beside ledger emails.

/** Everyone who has signed in, newest first (at most `limit`). */
export const teamMembers = (limit = 100): Promise<MemberRecord[]> => listMembers(limit);
