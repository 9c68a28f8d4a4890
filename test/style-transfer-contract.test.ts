import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { bedrockInvocations, fieldErrors, findOperation, operationRequestSchema } from "@/lib/models";
import type { CheckedImage } from "@/lib/posters/source-image";
import { STYLE_TRANSFER_CONTRACT as AWS } from "./fixtures/style-transfer-contract";

// Our Style Transfer request against the contract transcribed from AWS's page (test/fixtures), not against our own
// emulator: the field names, which are required, the documented ranges and defaults, the image limits, the price.

const styleTransfer = findOperation("style-transfer");
if (!styleTransfer) throw new Error("style-transfer is not in the catalogue");

const checked = async (width: number, height: number, background: string): Promise<CheckedImage> => ({
  bytes: await sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer(),
  width,
  height,
  format: "png",
});

const planFor = (fields: Record<string, unknown>) =>
  styleTransfer.planFor(
    operationRequestSchema.parse({
      operation: "style-transfer",
      source: { posterId: "p1" },
      style: { uploadId: "u1" },
      ...fields,
    }),
  );

describe("Style Transfer against AWS's page", () => {
  it("is invoked through the US profile the page names, granted in every Region it routes to", () => {
    const service = styleTransfer.services[0];
    expect(service?.invokeId).toBe(AWS.profileId);
    // The page states dollars; the catalogue counts cents.
    expect(service?.priceCents).toBe(Math.round(AWS.price * 100));
    const grant = bedrockInvocations("us-west-2").find((i) => i.invokeId === AWS.profileId);
    expect(grant).toMatchObject({ profile: true, foundationModelId: AWS.profileId.slice("us.".length) });
    expect(grant?.foundationModelRegions).toEqual(AWS.routesTo);
  });

  it("sends only documented fields, the required ones always, with the documented defaults", async () => {
    const [image, style] = await Promise.all([checked(320, 480, "#123"), checked(200, 200, "#c84")]);
    const body = planFor({}).buildBody({ image, style }, 77);
    const documented: readonly string[] = [...AWS.required, ...AWS.optional];
    expect(Object.keys(body).filter((k) => !documented.includes(k))).toEqual([]);
    for (const field of AWS.required) expect(body).toHaveProperty(field);
    // The images go as base64 of exactly the checked bytes: init_image is the source, style_image the style.
    expect(Buffer.from(String(body.init_image), "base64").equals(image.bytes)).toBe(true);
    expect(Buffer.from(String(body.style_image), "base64").equals(style.bytes)).toBe(true);
    expect(body).not.toHaveProperty("prompt"); // optional on this service: an empty one is left out
    const { composition_fidelity, style_strength, change_strength } = AWS.numbers;
    expect(body).toMatchObject({
      composition_fidelity: composition_fidelity.default,
      style_strength: style_strength.default,
      change_strength: change_strength.default,
    });
    expect(AWS.outputFormats).toContain(body.output_format);
    expect(body.seed).toBe(77);
  });

  it("carries the prompts and the chosen strengths in the documented fields and ranges", async () => {
    const [image, style] = await Promise.all([checked(320, 480, "#123"), checked(200, 200, "#c84")]);
    const plan = planFor({
      prompt: "a noir detective",
      negativePrompt: "text",
      compositionFidelity: 0,
      styleStrength: 0.4,
      changeStrength: 0.1,
    });
    const body = plan.buildBody({ image, style }, AWS.numbers.seed.max);
    expect(body).toMatchObject({
      prompt: "a noir detective",
      negative_prompt: "text",
      composition_fidelity: 0,
      style_strength: 0.4,
      change_strength: 0.1,
      seed: AWS.numbers.seed.max,
    });
    for (const [field, range] of Object.entries(AWS.numbers)) {
      expect(Number(body[field]), field).toBeGreaterThanOrEqual(range.min);
      expect(Number(body[field]), field).toBeLessThanOrEqual(range.max);
    }
  });

  it("refuses values outside the documented ranges before anything is sent", () => {
    const refused = operationRequestSchema.safeParse({
      operation: "style-transfer",
      source: { posterId: "p1" },
      style: { posterId: "p2" },
      compositionFidelity: AWS.numbers.composition_fidelity.max + 0.1,
      styleStrength: AWS.numbers.style_strength.min - 0.1,
      changeStrength: AWS.numbers.change_strength.min - 0.05,
    });
    expect(refused.success).toBe(false);
    expect(Object.keys(fieldErrors(refused.error!)).sort()).toEqual([
      "changeStrength",
      "compositionFidelity",
      "styleStrength",
    ]);
    const noStyle = operationRequestSchema.safeParse({ operation: "style-transfer", source: { posterId: "p1" } });
    expect(fieldErrors(noStyle.error!).style).toBe("Name the style image as {posterId} or {uploadId}.");
  });

  it("checks both images against the documented input limits", () => {
    const { limits } = styleTransfer.services[0] ?? { limits: undefined };
    expect(limits).toMatchObject({
      minSide: AWS.images.minSide,
      maxPixels: AWS.images.maxPixels,
      maxAspect: AWS.images.maxAspect,
    });
  });

  it("is what the emulator holds bodies to: every documented field at its extremes, nothing else", async () => {
    const service = styleTransfer.services[0];
    const image = (await checked(64, 64, "#000")).bytes.toString("base64");
    const full = {
      init_image: image,
      style_image: image,
      prompt: "x".repeat(AWS.text.prompt.maxLength),
      negative_prompt: "x".repeat(AWS.text.negative_prompt.maxLength),
      seed: AWS.numbers.seed.max,
      output_format: "webp",
      composition_fidelity: AWS.numbers.composition_fidelity.min,
      style_strength: AWS.numbers.style_strength.max,
      change_strength: AWS.numbers.change_strength.min,
    };
    expect(service?.bodySchema.safeParse(full).success).toBe(true);
    expect(service?.bodySchema.safeParse({ init_image: image, style_image: image }).success).toBe(true);
    for (const extra of [{ image }, { style_preset: "anime" }, { strength: 0.5 }]) {
      expect(service?.bodySchema.safeParse({ ...full, ...extra }).success, Object.keys(extra)[0]).toBe(false);
    }
    expect(service?.bodySchema.safeParse({ ...full, change_strength: 0.05 }).success).toBe(false);
    expect(service?.bodySchema.safeParse({ init_image: image }).success).toBe(false);
  });
});
