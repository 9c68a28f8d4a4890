import { describe, expect, it } from "vitest";
import { scriptsOf } from "@/lib/design/scripts";

// Which writing systems a text is in, for saying "Bebas Neue can't set Cyrillic" before any glyph is checked.
describe("scriptsOf", () => {
  it("names the script of each market's title, whatever its accents", () => {
    expect(scriptsOf("ŁÓDŹ NOCĄ")).toEqual(["Latin"]);
    expect(scriptsOf("Şeytan Üçgeni, ȘI ȚARA")).toEqual(["Latin"]);
    expect(scriptsOf("ПОСЛЕДНИЙ МАЯК")).toEqual(["Cyrillic"]);
    expect(scriptsOf("Їжак і ґава")).toEqual(["Cyrillic"]);
    expect(scriptsOf("Ο ΤΕΛΕΥΤΑΙΟΣ ΦΑΡΟΣ")).toEqual(["Greek"]);
    expect(scriptsOf("ο τελευταίος φάρος")).toEqual(["Greek"]);
  });

  it("ignores digits, punctuation, spaces and combining accents, and lists mixed scripts in one order", () => {
    expect(scriptsOf("МАЯК — 2027!")).toEqual(["Cyrillic"]);
    expect(scriptsOf("“…” 12:30 & ¡?")).toEqual([]);
    expect(scriptsOf("И\u0306")).toEqual(["Cyrillic"]);
    expect(scriptsOf("МАЯК / The Lighthouse / Ο ΦΑΡΟΣ")).toEqual(["Latin", "Greek", "Cyrillic"]);
  });

  it("leaves other scripts to the glyph check: Hebrew or Han is none of the three", () => {
    expect(scriptsOf("שלום 海")).toEqual([]);
  });
});
