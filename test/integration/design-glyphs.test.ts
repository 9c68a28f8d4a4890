import { describe, expect, it } from "vitest";
import { POST as preview } from "@/app/api/posters/[id]/design/preview/route";
import { PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { client } from "../support/api";
import { authed, withLocalStack } from "../support/local-stack";

// Text the chosen font can't set is refused by preview and save alike, naming the characters on the field, instead
// of a poster with empty boxes in its title.
const local = withLocalStack();

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const call = (route: typeof preview, id: string, path: string, method: string, design: object) =>
  route(authed(`http://studio.test/api/posters/${id}/${path}`, { method, body: JSON.stringify(design) }), params(id));

describe("design text the font can't set", () => {
  it("is a 400 invalid_input naming the characters, on preview and save, and saves nothing", async () => {
    const poster = (await client.createPoster({ prompt: "a poster for glyphs" })).body;
    const design = { template: "classic", title: "Tide 🌊", tagline: "שלום" };
    const before = await local.objectKeys();

    for (const response of [
      await call(preview, poster.id, "design/preview?width=160", "POST", design),
      await call(saveDesign, poster.id, "design", "PUT", design),
    ]) {
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(error.code).toBe("invalid_input");
      expect(error.fields.title).toContain("🌊");
      expect(error.fields.tagline).toContain("ש ל ו ם");
    }
    expect(await local.objectKeys()).toEqual(before);
    expect((await client.getPoster(poster.id)).body.design ?? null).toBeNull();

    const fine = await call(preview, poster.id, "design/preview?width=160", "POST", {
      template: "classic",
      title: "Tide",
    });
    expect(fine.status).toBe(200);
  });
});
