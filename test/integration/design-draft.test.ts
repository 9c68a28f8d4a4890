import { describe, expect, it } from "vitest";
import { PUT as putBrand } from "@/app/api/campaigns/[id]/brand/route";
import { POST as addKeyArt } from "@/app/api/campaigns/[id]/key-art/route";
import { POST as createCampaign } from "@/app/api/campaigns/route";
import {
  DELETE as discardDraft,
  GET as getDraft,
  PATCH as patchDraft,
} from "@/app/api/posters/[id]/design/draft/route";
import { DELETE as removeDesign, PUT as saveDesign } from "@/app/api/posters/[id]/design/route";
import { client } from "../support/api";
import { authed, type MemberName, withLocalStack } from "../support/local-stack";

// The design editor's autosave against the offline stack: each PATCH is the next revision, a stale one is refused
// and changes nothing, only who may design the poster reads or writes its draft, a campaign's locks hold a draft as
// they hold a save, and Save (or removing the design) takes the draft away in the same write.
withLocalStack();

const SITE = "http://studio.test";
// biome-ignore lint/suspicious/noExplicitAny: JSON under test
type Json = any;
type Route = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

async function call(route: Route, id: string, method: string, body?: unknown, who: MemberName = "alice") {
  const path = route === saveDesign || route === removeDesign ? "design" : "design/draft";
  const response = await route(
    authed(
      `${SITE}/api/posters/${id}/${path}`,
      { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
      who,
    ),
    { params: Promise.resolve({ id }) },
  );
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Json };
}

const draft = (id: string, who: MemberName = "alice") => call(getDraft, id, "GET", undefined, who);
const patch = (id: string, body: unknown, who: MemberName = "alice") => call(patchDraft, id, "PATCH", body, who);

async function newPoster(prompt: string) {
  const made = await client.createPoster({ prompt, seed: 5 });
  expect(made.status).toBe(201);
  return made.body.id as string;
}

describe("design drafts", () => {
  it("counts revisions, keeps work in progress as typed, and refuses a stale revision without changing anything", async () => {
    const id = await newPoster("a harbour at dawn, for drafts");
    expect((await draft(id)).status).toBe(404);
    expect((await draft(id)).body.error.code).toBe("draft_not_found");

    // Nothing typed yet, then a title past the design's limit with a trailing space: both are work in progress.
    const first = await patch(id, { design: { template: "classic" } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.revision).toBe(1);
    expect(Date.parse(first.body.savedAt)).not.toBeNaN();
    const long = `${"Storm ".repeat(12)}`;
    const second = await patch(id, { design: { template: "classic", title: long, titleSize: 14 }, baseRevision: 1 });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.revision).toBe(2);
    const stored = await draft(id);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ revision: 2, design: { template: "classic", title: long, titleSize: 14 } });

    // A save made on revision 1 (another window's), or one that thinks there is no draft: 409, and revision 2 stays.
    for (const stale of [{ baseRevision: 1 }, {}]) {
      const refused = await patch(id, { design: { template: "teaser", title: "Other window" }, ...stale });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("draft_conflict");
      expect(refused.body.error.message).toMatch(/^This design's draft was changed in another window/);
    }
    expect((await draft(id)).body).toMatchObject({ revision: 2, design: { title: long } });

    // A layer placed by hand on the canvas is part of the draft, held to the design's own ranges.
    const placed = await patch(id, {
      design: { template: "classic", title: long, layers: { title: { x: 0.5, y: 0.3, scale: 1.5 } } },
      baseRevision: 2,
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(200);
    expect((await draft(id)).body.design.layers).toEqual({ title: { x: 0.5, y: 0.3, scale: 1.5 } });
    const offCanvas = await patch(id, {
      design: { template: "classic", layers: { title: { x: 7, y: 0.3 } } },
      baseRevision: 3,
    });
    expect(offCanvas.status).toBe(400);
    expect(offCanvas.body.error.fields).toHaveProperty("layers");

    // Still the design's fields, fonts and ranges: a draft is loose about text, not about what a design is.
    for (const [design, field] of [
      [{ template: "classic", titleFont: "papyrus" }, "titleFont"],
      [{ template: "classic", titleSize: 99 }, "titleSize"],
      [{ template: "classic", colour: "red" }, "colour"],
    ] as const) {
      const bad = await patch(id, { design, baseRevision: 3 });
      expect(bad.status, JSON.stringify(design)).toBe(400);
      expect(bad.body.error.fields).toHaveProperty(field);
    }
    expect((await patch(id, { design: { template: "classic" }, baseRevision: 0 })).body.error.fields).toHaveProperty(
      "baseRevision",
    );
    expect((await patch(id, { template: "classic" })).status).toBe(400);

    // Past 16 KB (five fields at the draft's per-field limit): refused with a sentence of its own.
    const huge = "x".repeat(4000);
    const big = await patch(id, {
      design: { template: "classic", title: huge, aboveTitle: huge, tagline: huge, billing: huge, date: huge },
      baseRevision: 3,
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("draft_too_large");
    expect((await draft(id)).body.revision).toBe(3);
  });

  it("is only for who may design the poster: another member gets 403 reading, writing or discarding it", async () => {
    const id = await newPoster("someone else's poster, for drafts");
    expect((await patch(id, { design: { template: "classic", tagline: "Mine" } })).status).toBe(200);
    for (const attempt of [
      () => draft(id, "bob"),
      () => patch(id, { design: { template: "classic", tagline: "Bob's" }, baseRevision: 1 }, "bob"),
      () => call(discardDraft, id, "DELETE", undefined, "bob"),
    ]) {
      const refused = await attempt();
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
    }
    expect((await draft(id)).body).toMatchObject({ revision: 1, design: { tagline: "Mine" } });
    // An admin may design anyone's poster, so may see its draft.
    expect((await draft(id, "admin")).status).toBe(200);
    // An unknown poster is a 404, as for its design.
    expect((await draft("AAAAAAAAAAAAAAAAAAAAAA")).body.error.code).toBe("not_found");
  });

  it("holds a campaign poster's draft to the brand kit's locks, as a save is", async () => {
    const made = await client.createPoster({ prompt: "key art for a locked kit", aspectRatio: "2:3", seed: 9 });
    const id = made.body.id as string;
    expect((await call(saveDesign, id, "PUT", { template: "classic", title: "Locked Light" })).status).toBe(200);
    const campaign = await createCampaign(
      authed(`${SITE}/api/campaigns`, {
        method: "POST",
        body: JSON.stringify({ name: "Locked Light", title: "Locked Light" }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(campaign.status).toBe(201);
    const campaignId = ((await campaign.json()) as Json).id as string;
    const ctx = { params: Promise.resolve({ id: campaignId }) };
    const kit = { titleFont: "anton", textFont: "oswald", billingFont: "league-gothic", locked: ["titleFont"] };
    const brand = await putBrand(
      authed(`${SITE}/api/campaigns/${campaignId}/brand`, { method: "PUT", body: JSON.stringify(kit) }),
      ctx,
    );
    expect(brand.status, await brand.clone().text()).toBe(200);
    const added = await addKeyArt(
      authed(`${SITE}/api/campaigns/${campaignId}/key-art`, { method: "POST", body: JSON.stringify({ posterId: id }) }),
      ctx,
    );
    expect(added.status, await added.clone().text()).toBe(200);

    const locked = await patch(id, { design: { template: "classic", title: "Locked Light", titleFont: "cinzel" } });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("brand_locked");
    expect(locked.body.error.fields).toHaveProperty("titleFont");
    expect((await draft(id)).status).toBe(404);
    // Under the kit's face, the rest is free, half-typed or not.
    const free = await patch(id, {
      design: { template: "classic", title: "Locked Li", titleFont: "anton", scrim: 0.2 },
    });
    expect(free.status, JSON.stringify(free.body)).toBe(200);
  });

  it("goes when Save commits the design or the design is removed, and discarding it is the same twice", async () => {
    const id = await newPoster("a lighthouse, committed");
    expect((await patch(id, { design: { template: "classic", title: "Keeper", tagline: "Half ty" } })).status).toBe(
      200,
    );
    const saved = await call(saveDesign, id, "PUT", { template: "classic", title: "Keeper", tagline: "Half typed" });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await draft(id)).status).toBe(404);
    // The committed design is the poster's; the draft's revision 1 is gone, so a save on it is stale.
    expect((await client.getPoster(id)).body.design).toMatchObject({ tagline: "Half typed" });
    expect((await patch(id, { design: { template: "classic", title: "Keeper 2" }, baseRevision: 1 })).status).toBe(409);
    expect((await patch(id, { design: { template: "classic", title: "Keeper 2" } })).body.revision).toBe(1);

    // Removing the design takes its draft too.
    expect((await call(removeDesign, id, "DELETE")).status).toBe(204);
    expect((await draft(id)).status).toBe(404);

    // Discard: 204 with or without a draft; the saved design is untouched.
    expect((await call(saveDesign, id, "PUT", { template: "classic", title: "Keeper" })).status).toBe(200);
    expect((await patch(id, { design: { template: "minimal", title: "Keep" } })).status).toBe(200);
    expect((await call(discardDraft, id, "DELETE")).status).toBe(204);
    expect((await call(discardDraft, id, "DELETE")).status).toBe(204);
    expect((await draft(id)).status).toBe(404);
    expect((await client.getPoster(id)).body.design).toMatchObject({ template: "classic", title: "Keeper" });
  });
});
