import type { FieldErrors } from "../errors";

// A list's field messages keyed by where in the list they are ("2.title": the third market's title), so a table
// can highlight the very cell; zod's issues carry that path.

export function pathErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) fields[issue.path.map(String).join(".") || "body"] ??= issue.message;
  return fields;
}
