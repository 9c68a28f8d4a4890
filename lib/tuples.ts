// Lists the type system can't see as non-empty, or keyed, made so without a cast at each use: zod's enums want a
// non-empty tuple, and Object.keys types an object literal's keys as string[].

/** A list that must hold something (a catalogue's ids): the tuple type zod's enums take, or an error at load. */
export function nonEmpty<T>(items: readonly T[], what: string): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error(`${what}: the list is empty`);
  return [first, ...rest];
}

/** The keys of an object literal, typed as its keys. The one cast: Object.keys says string[] because an object may
 * carry more keys than its type names; the `as const` literals this is used on carry exactly theirs. */
export const keysOf = <T extends Record<string, unknown>>(object: T) => Object.keys(object) as (keyof T & string)[];

/** The member of `allowed` equal to `value` (a select's string, typed as its options), or undefined. */
export function pick<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}
