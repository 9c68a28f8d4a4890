// /compare?ids=a,b,c: the gallery, boards and the studio link here with 2 to 4 poster ids.

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

/** The distinct ids asked for, in order, or why they can't be compared. */
export function parseCompareIds(raw: unknown): { ids: string[]; problem?: string } {
  const text = Array.isArray(raw) ? raw.join(",") : typeof raw === "string" ? raw : "";
  const ids = [
    ...new Set(
      text
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length < COMPARE_MIN)
    return { ids, problem: "Pick at least two posters to compare: select them in the studio, the gallery or a board." };
  if (ids.length > COMPARE_MAX)
    return {
      ids: ids.slice(0, COMPARE_MAX),
      problem: `Up to ${COMPARE_MAX} posters fit side by side: these are the first ${COMPARE_MAX}.`,
    };
  return { ids };
}
