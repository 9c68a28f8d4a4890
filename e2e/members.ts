import { test as base } from "@playwright/test";

// One member per Playwright worker: the tests running at the same time are signed in as different people, so "my"
// feed, boards and spending hold one test's work at a time, and a test can say exactly what it expects there. The
// sign-in project (sign-in.setup.ts) signs each of them in once, through the real flow; a worker then uses the saved
// cookie of the member for its slot (parallelIndex: a worker restarted after a failure keeps its slot's member).
// What stays team-wide (the gallery, the team's spending today, its recent prompts) other workers still add to.

export interface Member {
  /** What they type at the provider's sign-in page. */
  login: string;
  /** As the app names them (the provider's name claim: "alice-2" → "Alice 2"). */
  name: string;
  email: string;
  /** The saved session the worker's pages and API requests start from. */
  storageState: string;
}

export function member(slot: number): Member {
  const login = `alice-${slot + 1}`;
  return {
    login,
    name: `Alice ${slot + 1}`,
    email: `${login}@onesheet.local`,
    storageState: `test-results/.auth/${login}.json`,
  };
}

/** A member no test has signed in as before (`prefix` plus the time: letters and digits, so the provider's name for
 * them is the login with a capital). For a test about totals that must hold exactly this test's work. */
export function freshMember(prefix: string): Omit<Member, "storageState"> {
  const login = `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  return { login, name: login[0]?.toUpperCase() + login.slice(1), email: `${login}@onesheet.local` };
}

export const test = base.extend<{ member: Member }, { workerMember: Member }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  workerMember: [async ({}, use, workerInfo) => use(member(workerInfo.parallelIndex)), { scope: "worker" }],
  member: async ({ workerMember }, use) => use(workerMember),
  storageState: async ({ workerMember }, use) => use(workerMember.storageState),
});

export { expect } from "@playwright/test";
