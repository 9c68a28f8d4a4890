// Who may do what, in one place for the API and the pages: the maker of a thing (or an admin) changes, shares and
// revokes it; everyone else on the team views it. Things made before makers were recorded belong to everyone.

export interface Actor {
  sub: string;
  isAdmin: boolean;
}

export function mayChange(actor: Actor, createdBy: string | undefined): boolean {
  return actor.isAdmin || !createdBy || createdBy === actor.sub;
}
