import { describe, expect, it } from "vitest";
import { marketDesignInput } from "@/lib/campaigns/design";
import { brandKitSchema, marketSchema } from "@/lib/campaigns/schema";
import { marketRecordSchema } from "@/lib/store/campaign-records";

// A market's title treatment: its own logo, the kit's logo, or its title in type — a translated title can't wear a
// logo lettered in the original one.
const kit = brandKitSchema.parse({
  titleFont: "anton",
  textFont: "oswald",
  billingFont: "league-gothic",
  titleSize: 12,
  letterSpacing: 0.02,
  logo: "logo-kitkitkitkitkit1",
});
const market = (extra: Record<string, unknown>) =>
  marketRecordSchema.parse({ code: "fr-FR", title: "Les Lumières du port", ...extra });

describe("a market's title treatment", () => {
  it("draws the kit's logo by default", () => {
    expect(marketDesignInput({ kit }, market({}), undefined).logo).toBe(kit.logo);
  });

  it("sets the title in type when the market says so", () => {
    const design = marketDesignInput({ kit }, market({ typedTitle: true }), undefined);
    expect(design.logo).toBeUndefined();
    expect(design.title).toBe("Les Lumières du port");
  });

  it("draws the market's own logo over either", () => {
    const own = "logo-ownownownownown1";
    expect(marketDesignInput({ kit }, market({ logo: own, typedTitle: true }), undefined).logo).toBe(own);
  });

  it("refuses a typedTitle that isn't true or false", () => {
    const parsed = marketSchema.safeParse({ code: "fr-FR", title: "x", typedTitle: "yes" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("typedTitle is true or false.");
  });
});
