import "server-only";
import { assertBrandAllows } from "../campaigns/locks";
import { type DraftRequest, type DraftView, MAX_DRAFT_BYTES } from "../design/draft-schema";
import { AppError } from "../errors";
import type { Actor } from "../permissions";
import { deleteDraft, getDraft, putDraft } from "../store/design-drafts";
import { loadToChange } from "./design";

// The design editor's autosave: a draft per poster, kept until Save commits it (lib/posters/design.ts saveDesign,
// whose write deletes the draft in the same transaction) or the user discards it. Only who may design the poster
// (its maker, an admin) may read or write its draft, and a campaign's brand kit holds a draft to its locks as it
// holds a save: a locked change is refused as it is made, not once the work is done.

const view = (draft: { design: DraftView["design"]; revision: number; savedAt: string }): DraftView => ({
  design: draft.design,
  revision: draft.revision,
  savedAt: draft.savedAt,
});

/** The poster's draft, or undefined when it has none. */
export async function findDraft(id: string, member: Actor): Promise<DraftView | undefined> {
  await loadToChange(id, member);
  const draft = await getDraft(id);
  return draft && view(draft);
}

export async function saveDraft(
  id: string,
  request: DraftRequest,
  member: Actor,
): Promise<{ revision: number; savedAt: string }> {
  const record = await loadToChange(id, member);
  if (Buffer.byteLength(JSON.stringify(request.design)) > MAX_DRAFT_BYTES) throw new AppError("draft_too_large");
  await assertBrandAllows(record, request.design);
  const saved = await putDraft(
    { posterId: id, design: request.design, savedAt: new Date().toISOString(), savedBy: member.sub },
    request.baseRevision,
  );
  if (saved === "conflict") throw new AppError("draft_conflict");
  return { revision: saved.revision, savedAt: saved.savedAt };
}

/** Discards the draft (the poster keeps its saved design); the same whether or not there was one. */
export async function discardDraft(id: string, member: Actor): Promise<void> {
  await loadToChange(id, member);
  await deleteDraft(id);
}
