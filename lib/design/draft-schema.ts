import * as z from "zod/mini";
import { designSchema, TEXT_FIELDS, type TextField, withoutBidi } from "./schema";

// A design draft: the editor's work in progress, autosaved as it is typed (PATCH /api/posters/{id}/design/draft).
// It is the design's own schema (the same fields, fonts, templates and ranges: built from its shape, so a field added
// to the design is a field of the draft) with what a half-typed design breaks taken off: text may be over the
// design's limits and have extra lines (the editor shows the error on the field while the user fixes it), needn't be
// trimmed, a colour may be half typed, and there needn't be any text yet. Saving still takes the full design schema.
// Pure: the browser imports it too.

/** A draft as stored, in bytes of its JSON: a small item, far below DynamoDB's 400 KB, however much text it holds. */
export const MAX_DRAFT_BYTES = 16 * 1024;

/** Per text field: generous (the design's own limits are 40–1,200), so typing past a limit is still kept. */
const DRAFT_TEXT_MAX = 4000;

const looseText = (what: string) =>
  z.optional(
    z
      .string({ error: `The ${what} must be text.` })
      .check(withoutBidi, z.maxLength(DRAFT_TEXT_MAX, `Keep the ${what} under ${DRAFT_TEXT_MAX} characters.`)),
  );

const looseColor = z.optional(z.string().check(z.maxLength(16, "Colours are hex, like #F5C542.")));

// Every text field of the design (TEXT_FIELDS), loosened: `satisfies` fails the build if one is left out.
const textFields = {
  aboveTitle: looseText(TEXT_FIELDS.aboveTitle),
  title: looseText(TEXT_FIELDS.title),
  tagline: looseText(TEXT_FIELDS.tagline),
  billing: looseText(TEXT_FIELDS.billing),
  date: looseText(TEXT_FIELDS.date),
} satisfies Record<TextField, unknown>;

export const draftDesignSchema = z.strictObject(
  { ...designSchema.shape, ...textFields, titleColor: looseColor, textColor: looseColor },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `Unknown design setting: ${issue.keys.join(", ")}.` : undefined,
  },
);
export type DraftDesign = z.output<typeof draftDesignSchema>;

/** PATCH /api/posters/{id}/design/draft: the design as it stands, and the draft revision it was made on (none: there
 * is no draft yet, as far as the editor knows). */
export const draftRequestSchema = z.strictObject(
  {
    design: draftDesignSchema,
    baseRevision: z.optional(
      z
        .number({ error: "baseRevision must be the revision number of the draft you last saw." })
        .check(z.int(), z.gte(1, "baseRevision must be the revision number of the draft you last saw.")),
    ),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `Unknown draft field: ${issue.keys.join(", ")}.` : undefined,
  },
);
export type DraftRequest = z.output<typeof draftRequestSchema>;

/** A draft as the API and the editor see it. */
export interface DraftView {
  design: DraftDesign;
  revision: number;
  savedAt: string;
}

/** A refused draft's messages keyed by the design's own field ("title", not "design"), as the editor names them. */
export function draftFieldErrors(error: { issues: readonly z.core.$ZodIssue[] }): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const [top, inner] = issue.path.map(String);
    const keys =
      issue.code === "unrecognized_keys" ? issue.keys : [top === "design" && inner ? inner : (top ?? "body")];
    for (const key of keys) fields[key] ??= issue.message;
  }
  return fields;
}
