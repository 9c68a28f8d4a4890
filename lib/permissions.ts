// Who may do what, in one place for the API and the pages: the maker of a thing (or an admin) changes, shares and
// revokes it; everyone else on the team views it. Every record has a maker (records from before makers were recorded
// were given the admin by `npm run backfill`), so there is no "nobody's, hence anyone's" case.

export interface Actor {
  sub: string;
  isAdmin: boolean;
}

export function mayChange(actor: Actor, createdBy: string): boolean {
  return actor.isAdmin || createdBy === actor.sub;
}
