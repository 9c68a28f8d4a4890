/** Seeds for N variations: consecutive from a locked seed (so "lock" reproduces the set), otherwise random. */
export function variationSeeds(count: number, maxSeed: number, locked?: number): number[] {
  if (locked !== undefined) return Array.from({ length: count }, (_, i) => (locked + i) % (maxSeed + 1));
  const values = crypto.getRandomValues(new Uint32Array(count));
  return Array.from(values, (v) => 1 + (v % maxSeed));
}
