import { describe, expect, it } from "vitest";
import { chargeLabel, OPERATION_FILTERS, POSTER_MODEL_IDS, posterModelLabel, VERSION_MARKS } from "@/lib/models";
import { versionMark } from "@/lib/posters/version-mark";

// Derived posters store the id the app invoked as their `model`: the gallery, share pages and spending name them.
describe("poster labels", () => {
  it("names image services as AWS does, models by their label, and unknown ids as they are", () => {
    expect(posterModelLabel("us.stability.stable-fast-upscale-v1:0")).toBe("Stable Fast Upscale");
    expect(posterModelLabel("us.stability.stable-outpaint-v1:0")).toBe("Stable Outpaint");
    expect(posterModelLabel("stability.sd3-5-large-v1:0")).toBe("SD3.5 Large");
    expect(posterModelLabel("stability.stable-diffusion-xl-v1")).toBe("SDXL 1.0 (retired)");
    expect(posterModelLabel("us.stability.stable-sharpen-v9:0")).toBe("us.stability.stable-sharpen-v9:0");
    // Every model and service can be filtered on, each once (Vary invokes the models themselves).
    expect(POSTER_MODEL_IDS).toContain("us.stability.stable-image-remove-background-v1:0");
    expect(new Set(POSTER_MODEL_IDS).size).toBe(POSTER_MODEL_IDS.length);
    expect(OPERATION_FILTERS.map((o) => o.id)).toEqual(expect.arrayContaining(["generate", "upscale", "reframe"]));
  });

  it("names a charge by the service and the operation it ran (a format pack's reframe), a model by its label", () => {
    expect(chargeLabel("us.stability.stable-outpaint-v1:0")).toBe("Stable Outpaint (Reframe)");
    expect(chargeLabel("us.stability.stable-fast-upscale-v1:0")).toBe("Stable Fast Upscale (Upscale)");
    expect(chargeLabel("stability.sd3-5-large-v1:0")).toBe("SD3.5 Large");
    expect(chargeLabel("us.stability.stable-sharpen-v9:0")).toBe("us.stability.stable-sharpen-v9:0");
  });

  it("marks derived posters with what was done, a reframe with its new ratio, generated ones not at all", () => {
    expect(versionMark({ operation: "upscale", aspectRatio: "1:1" }, VERSION_MARKS)).toBe("Upscaled");
    expect(versionMark({ operation: "reframe", aspectRatio: "16:9" }, VERSION_MARKS)).toBe("Reframed 16:9");
    expect(versionMark({ operation: "remove-background", aspectRatio: "2:3" }, VERSION_MARKS)).toBe("Cut out");
    expect(versionMark({ operation: "generate", aspectRatio: "2:3" }, VERSION_MARKS)).toBeUndefined();
    expect(versionMark({ operation: "sharpen", aspectRatio: "2:3" }, VERSION_MARKS)).toBe("sharpen");
  });
});
