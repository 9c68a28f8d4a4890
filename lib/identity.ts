import "server-only";

// Who is making a request. Until team sign-in lands (issue 4), every request is the one shared "team" member, so
// budgets and rate limits are the team's as a whole; sign-in will make this the signed-in member's OpenID subject.
export const TEAM_USER = "team";

export function requestUser(_request: Request): string {
  return TEAM_USER;
}

/** The same, for pages (server components), which have no Request object. */
export async function requestUserOnServer(): Promise<string> {
  return TEAM_USER;
}
