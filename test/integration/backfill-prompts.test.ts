import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { backfillPrompts } from "@/lib/maintenance/backfill-prompts";
import { artKeys } from "@/lib/storage";
import { getPoster, type PosterRecord, putPoster } from "@/lib/store/posters";
import { client } from "../support/api";
import { withLocalStack } from "../support/local-stack";

// The one-off prompt backfill against the real offline table: posters as the old code wrote them (a Fix's prompt was
// its instruction), put right once; a second run answers from its record and changes nothing, and a forced one finds
// nothing left to change.

withLocalStack();

let clock = Date.parse("2026-11-01T10:00:00Z");
/** A poster item as the code before the fix wrote it (its words as given). */
async function legacy(fields: Partial<PosterRecord> & { prompt: string }): Promise<PosterRecord> {
  const id = randomBytes(12).toString("base64url");
  clock += 60_000;
  const record: PosterRecord = {
    id,
    model: "stability.sd3-5-large-v1:0",
    aspectRatio: "2:3",
    params: {},
    seed: 1,
    createdBy: "alice",
    width: 832,
    height: 1216,
    bytes: 1000,
    price: 0.07,
    createdAt: new Date(clock).toISOString(),
    ...artKeys(id),
    ...fields,
  };
  await putPoster(record);
  return record;
}

const FILM = "Midnight Harbor: a lone detective on the pier";

describe("npm run backfill (lib/maintenance/backfill-prompts.ts)", () => {
  it("moves old instructions into inputs.prompt, takes the film's words from the generated ancestor, and runs once", async () => {
    const generated = await legacy({ prompt: FILM, negativePrompt: "blurry" });
    const fixed = await legacy({
      prompt: "dark swirling storm clouds",
      negativePrompt: "lightning",
      operation: "inpaint",
      parentId: generated.id,
      inputs: { maskUploadId: "m1", growMask: 5 },
    });
    // Erased from the Fix: the old code gave it the Fix's prompt (its parent's), no negative prompt.
    const erased = await legacy({
      prompt: fixed.prompt,
      operation: "erase",
      parentId: fixed.id,
      inputs: { growMask: 5 },
    });
    const upscaled = await legacy({
      prompt: FILM,
      operation: "upscale",
      parentId: generated.id,
      inputs: { mode: "fast" },
    });
    // A Fix whose parent has since been deleted: nothing to take the film's words from.
    const orphan = await legacy({
      prompt: "a neon sign that says OPEN",
      operation: "inpaint",
      parentId: randomBytes(12).toString("base64url"),
      parentGone: true,
      inputs: { growMask: 5 },
    });
    const fromUpload = await legacy({
      prompt: "a brass compass",
      operation: "inpaint",
      inputs: { sourceUploadId: "u1", growMask: 5 },
    });

    const first = await backfillPrompts();
    expect(first).toMatchObject({ status: "done", changed: 5, skipped: 0 });
    expect(first.scanned).toBeGreaterThanOrEqual(6);

    const current = async () =>
      Promise.all([generated, fixed, erased, upscaled, orphan, fromUpload].map((p) => getPoster(p.id)));
    const [g, f, e, u, o, x] = await current();
    expect(g).toMatchObject({ prompt: FILM, negativePrompt: "blurry" });
    expect(f).toMatchObject({ prompt: FILM, negativePrompt: "blurry", promptSearch: FILM.toLowerCase() });
    expect(f?.inputs).toEqual({
      maskUploadId: "m1",
      growMask: 5,
      prompt: "dark swirling storm clouds",
      negativePrompt: "lightning",
    });
    expect(e).toMatchObject({ prompt: FILM, negativePrompt: "blurry", inputs: { growMask: 5 } });
    expect(e?.inputs?.prompt).toBeUndefined();
    expect(u).toMatchObject({ prompt: FILM, inputs: { mode: "fast" } });
    expect(o).toMatchObject({ prompt: "a neon sign that says OPEN", inputs: { prompt: "a neon sign that says OPEN" } });
    expect(x).toMatchObject({ prompt: "a brass compass", inputs: { prompt: "a brass compass", sourceUploadId: "u1" } });

    // The gallery finds the Fix and the erase by the film's words now.
    const found = (await client.listPosters("?versions=show&q=midnight%20harbor")).body.posters.map(
      (p: { id: string }) => p.id,
    );
    expect(found).toEqual(expect.arrayContaining([fixed.id, erased.id]));

    // Again: it has run, and says when; nothing is read or written.
    const second = await backfillPrompts();
    expect(second).toEqual({ ...first, status: "already-ran" });
    // Forced over its own output, it finds nothing to change.
    const forced = await backfillPrompts({ force: true });
    expect(forced).toMatchObject({ status: "done", changed: 0, skipped: 0 });
    expect(await current()).toEqual([g, f, e, u, o, x]);
  });
});
