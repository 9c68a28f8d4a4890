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

/** A board's posters (add, remove, reorder) are also its editors' to change; its name, its links and who edits it
 * stay its maker's. */
export function mayArrangeBoard(actor: Actor, board: { createdBy: string; editors: readonly string[] }): boolean {
  return mayChange(actor, board.createdBy) || board.editors.includes(actor.sub);
}
