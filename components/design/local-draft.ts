"use client";

import * as z from "zod/mini";
import { draftDesignSchema } from "@/lib/design/draft-schema";
import type { DesignInput } from "@/lib/design/schema";

// The editor's unsaved changes, kept in this browser (localStorage) until the server has them: a change the network
// couldn't take (offline, a server error) survives a reload or a closed tab, and autosave sends it when it can.
// Parsed on read like any stored entity: an entry from an older editor, or edited by hand, is dropped.

const localDraftSchema = z.object({ design: draftDesignSchema, changedAt: z.string() });
export type LocalDraft = z.output<typeof localDraftSchema>;

const keyOf = (posterId: string) => `onesheet.design-draft.${posterId}`;

export function readLocalDraft(posterId: string): LocalDraft | undefined {
  try {
    const text = localStorage.getItem(keyOf(posterId));
    if (!text) return undefined;
    const parsed = localDraftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeLocalDraft(posterId: string, design: DesignInput): void {
  try {
    localStorage.setItem(keyOf(posterId), JSON.stringify({ design, changedAt: new Date().toISOString() }));
  } catch {
    // Storage full or refused (private mode): autosave still tries the server; the warning on leaving still applies.
  }
}

export function clearLocalDraft(posterId: string): void {
  try {
    localStorage.removeItem(keyOf(posterId));
  } catch {
    // Nothing kept, nothing to clear.
  }
}

/** JSON with its keys in order: two designs are the same whatever order their fields were set in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Whether two designs say the same, defaults filled in (a field left at its default is the default). */
export function sameDesign(a: unknown, b: unknown): boolean {
  const normal = (d: unknown) => {
    const parsed = draftDesignSchema.safeParse(d);
    return stableJson(parsed.success ? parsed.data : d);
  };
  return normal(a) === normal(b);
}
