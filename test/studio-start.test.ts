import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Studio } from "@/components/studio/studio";
import { modelForReuse } from "@/lib/models";

// "Use these settings" from a poster made with a retired model: the studio's first render, as the server sends it.
// (Which radio is checked is set by react-hook-form in the browser; modelForReuse's own test covers the model.)
const render = (start: Parameters<typeof Studio>[0]["start"]) =>
  renderToStaticMarkup(
    createElement(Studio, {
      start,
      recentPrompts: [],
      today: { day: "2026-11-26", teamSpent: 0, teamBudget: 25, userSpent: 0, userBudget: null },
      me: { sub: "alice", isAdmin: false },
    }),
  );

describe("the studio, started from a poster made with SDXL 1.0", () => {
  const reuse = modelForReuse("stability.stable-diffusion-xl-v1");
  const html = render({
    model: reuse.model,
    prompt: "an old harbor",
    aspectRatio: "2:3",
    seed: 9,
    notice: reuse.notice,
  });

  it("offers no SDXL, nor its controls", () => {
    expect(html).toContain('value="stability.sd3-5-large-v1:0"');
    expect(html).not.toContain("stability.stable-diffusion-xl-v1");
    expect(html).not.toContain("Prompt strength");
  });

  it("says so in a visible, polite note", () => {
    expect(html).toContain(
      "This poster was made with SDXL 1.0, which AWS has retired, so these settings use SD3.5 Large instead.",
    );
    expect(html).toMatch(/<p role="note"[^>]*>This poster was made with SDXL 1\.0/);
  });

  it("shows no note when the poster's model is current", () => {
    const current = render({ model: "stability.stable-image-core-v1:1", prompt: "x", aspectRatio: "2:3", seed: 9 });
    expect(current).not.toContain('role="note"');
  });
});
