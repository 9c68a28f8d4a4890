import { describe, expect, it } from "vitest";
import { recentPrompts } from "@/lib/posters/service";
import { getPoster } from "@/lib/store/posters";
import { client } from "../support/api";
import { withLocalStack } from "../support/local-stack";
import { picture, putUpload, rectMask } from "../support/uploads";

// A developed poster keeps its source's words as its prompt; what the operation was asked ("dark swirling storm
// clouds" for a Fix) is its instruction, in `inputs`. So the gallery finds versions by the film's words, and the
// team's recent prompts are what people typed to generate, never an edit's fragments.

withLocalStack();

const FILM = "Midnight Harbor: a lone detective on the pier at night";
const FIX = "dark swirling storm clouds";

async function generate(prompt: string) {
  const made = await client.createPoster({ prompt, aspectRatio: "1:1", seed: 21 });
  expect(made.status).toBe(201);
  return made.body;
}

/** A Fix (inpaint) of the top half of a 1024×1024 poster. */
async function fix(posterId: string, prompt: string, extra: object = {}) {
  const mask = await putUpload("alice", await rectMask(1024, 1024, { left: 0, top: 0, width: 1024, height: 400 }));
  const fixed = await client.createPoster({
    operation: "inpaint",
    source: { posterId },
    mask: { uploadId: mask },
    prompt,
    ...extra,
  });
  expect(fixed.status).toBe(201);
  return fixed.body;
}

const searchIds = async (words: string) =>
  (await client.listPosters(`?versions=show&q=${encodeURIComponent(words)}`)).body.posters.map(
    (p: { id: string }) => p.id,
  );

describe("a develop operation's new poster", () => {
  it("keeps its source's prompt and records the instruction as inputs.prompt, in the answer and the table", async () => {
    const parent = await generate(FILM);
    const fixed = await fix(parent.id, FIX, { negativePrompt: "lightning" });
    expect(fixed).toMatchObject({ prompt: FILM, operation: "inpaint", parentId: parent.id });
    expect(fixed.inputs).toMatchObject({ prompt: FIX, negativePrompt: "lightning", growMask: 5 });
    expect(fixed.negativePrompt).toBeUndefined();

    const stored = await getPoster(fixed.id);
    expect(stored).toMatchObject({ prompt: FILM, promptSearch: FILM.toLowerCase() });
    expect(stored?.inputs).toMatchObject({ prompt: FIX, negativePrompt: "lightning" });
    expect((await client.getPoster(fixed.id)).body).toMatchObject({ prompt: FILM, inputs: { prompt: FIX } });

    // A version of a version still says the film's words.
    const again = await fix(fixed.id, "a lighthouse beam");
    expect(again).toMatchObject({ prompt: FILM, inputs: { prompt: "a lighthouse beam" } });
  });

  it("is found by the gallery's search for the film's words", async () => {
    const parent = await generate("Quarry Sunset: two riders on the ridge");
    const fixed = await fix(parent.id, "a flock of crows");
    const found = await searchIds("quarry RIDERS");
    expect(found).toContain(parent.id);
    expect(found).toContain(fixed.id);
  });

  it("never puts an edit's instruction among the team's recent prompts", async () => {
    const parent = await generate("Glass City: a heist at dawn");
    await fix(parent.id, "a shattered skylight");
    const recent = await recentPrompts();
    expect(recent).toContain("Glass City: a heist at dawn");
    expect(recent).not.toContain("a shattered skylight");
    expect(recent).not.toContain(FIX);
  });

  it("keeps search and select words in inputs as before, beside the instruction", async () => {
    const parent = await generate("Desert Run: a red car on the salt flats");
    const replaced = await client.createPoster({
      operation: "search-replace",
      source: { posterId: parent.id },
      search: "the red car",
      prompt: "a black motorbike",
    });
    expect(replaced.status).toBe(201);
    expect(replaced.body.prompt).toBe("Desert Run: a red car on the salt flats");
    expect(replaced.body.inputs).toMatchObject({ search: "the red car", prompt: "a black motorbike" });
    // An operation with no instruction records none.
    const cut = await client.createPoster({ operation: "remove-background", source: { posterId: parent.id } });
    expect(cut.body.prompt).toBe("Desert Run: a red car on the salt flats");
    expect(cut.body.inputs.prompt).toBeUndefined();
  });

  it("from an upload: the upload's description when given, else the instruction", async () => {
    const bytes = await picture(512, 512);
    const mask = await putUpload("alice", await rectMask(512, 512, { left: 0, top: 0, width: 256, height: 256 }));
    const described = await client.createPoster({
      operation: "inpaint",
      source: { uploadId: await putUpload("alice", bytes), description: "  Night Ferry agency comp, the captain  " },
      mask: { uploadId: mask },
      prompt: "a brass compass",
    });
    expect(described.status).toBe(201);
    expect(described.body).toMatchObject({ prompt: "Night Ferry agency comp, the captain" });
    expect(described.body.inputs).toMatchObject({ prompt: "a brass compass" });

    const plain = await client.createPoster({
      operation: "inpaint",
      source: { uploadId: await putUpload("alice", bytes) },
      mask: { uploadId: mask },
      prompt: "a brass compass",
    });
    expect(plain.body).toMatchObject({ prompt: "a brass compass", inputs: { prompt: "a brass compass" } });

    const bad = await client.createPoster({
      operation: "erase",
      source: { uploadId: "abcdefgh", description: 42 },
    });
    expect(bad.status).toBe(400);
  });
});
