import { describe, expect, it } from "vitest";
import {
  check,
  initialValues,
  OPERATION_GROUPS,
  operation,
  serviceFor,
  visibleInputs,
} from "@/components/develop/panel/operation-menu";
import { OPERATION_IDS } from "@/lib/models";

// The Develop panel's reading of the operation catalogue: every operation is offered once, the controls follow the
// choices, the price shown is the service the request would call, and refusals come back as field → sentence.

const source = { posterId: "p1" };

describe("the Develop panel's menu", () => {
  it("offers every operation of the catalogue exactly once", () => {
    expect(OPERATION_GROUPS.flatMap((g) => g.ids).sort()).toEqual([...OPERATION_IDS].sort());
  });

  it("prefills Vary's prompt from the source, and selects start on the schema's default", () => {
    expect(initialValues(operation("vary"), "A harbor at night")).toMatchObject({
      prompt: "A harbor at night",
      strength: 0.35,
      model: "sd3.5",
    });
    expect(initialValues(operation("upscale")).mode).toBe("fast");
    // Conservative and Creative need a prompt describing the art: it starts as the source's, not empty.
    expect(initialValues(operation("upscale"), "A harbor at night").prompt).toBe("A harbor at night");
    // A Fix's prompt says what goes in the mask: it starts empty.
    expect(initialValues(operation("inpaint"), "A harbor at night").prompt).toBeUndefined();
    expect(initialValues(operation("reframe")).aspectRatio).toBe("");
    expect(initialValues(operation("style-guide")).aspectRatio).toBe("1:1");
  });

  it("hides the prompt and creativity while the fast upscaler is picked", () => {
    const upscale = operation("upscale");
    expect(visibleInputs(upscale, { mode: "fast" }).map((i) => i.name)).toEqual(["mode"]);
    expect(visibleInputs(upscale, { mode: "creative" }).map((i) => i.name)).toEqual(["mode", "prompt", "creativity"]);
  });

  it("prices the service the choice calls, valid or not", () => {
    const upscale = operation("upscale");
    expect(serviceFor(upscale, { operation: "upscale", source, mode: "fast" }).priceCents).toBe(3);
    // Creative without its prompt is refused, but the price shown is still the creative upscaler's.
    expect(serviceFor(upscale, { operation: "upscale", source, mode: "creative" }).priceCents).toBe(60);
    expect(serviceFor(upscale, { operation: "upscale", source, mode: "creative", prompt: "a city" }).priceCents).toBe(
      60,
    );
    const vary = operation("vary");
    expect(serviceFor(vary, { operation: "vary", source, prompt: "x", model: "ultra" }).priceCents).toBe(14);
  });

  it("offers Restyle under New art from this, priced as Style Transfer, asking for its style image", () => {
    expect(OPERATION_GROUPS.find((g) => g.label === "New art from this")?.ids).toContain("style-transfer");
    const restyle = operation("style-transfer");
    expect(restyle.inputs.find((i) => i.kind === "image")).toMatchObject({ name: "style", role: "style" });
    expect(serviceFor(restyle, { operation: "style-transfer", source }).priceCents).toBe(8);
    expect(initialValues(restyle)).toEqual({ compositionFidelity: 0.9, styleStrength: 1, changeStrength: 0.9 });
    expect(check({ operation: "style-transfer", source }).errors).toEqual({
      style: "Name the style image as {posterId} or {uploadId}.",
    });
    expect(check({ operation: "style-transfer", source, style: { posterId: "p2" } }).errors).toBeUndefined();
  });

  it("checks a request with the API's own schema and words", () => {
    expect(check({ operation: "vary", source, prompt: "  " }).errors).toEqual({
      prompt: "Describe the poster: the prompt can't be empty.",
    });
    expect(check({ operation: "upscale", source, mode: "creative" }).errors?.prompt).toMatch(/needs a prompt/);
    const ok = check({ operation: "reframe", source, left: 100, right: 100 });
    expect(ok.errors).toBeUndefined();
    expect(ok.request).toMatchObject({ operation: "reframe", left: 100, right: 100 });
  });
});
