import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { coveredCodePoints } from "@/lib/design/cmap";
import { facesThatCanSet } from "@/lib/design/font-files";
import { FONT_IDS, FONTS, type FontId, facesFor, fontFiles } from "@/lib/design/fonts";
import { settableBy, unsettableText } from "@/lib/design/glyphs";
import { designSchema } from "@/lib/design/schema";
import { SCRIPTS, type Script } from "@/lib/design/scripts";

// What the bundled fonts can set, read from the renderer's own font files (every subset of a face), and the text the
// design schema lets in.
const union = (files: string[]) => new Set(files.flatMap((file) => [...coveredCodePoints(readFileSync(file))]));
const coverage = new Map(FONT_IDS.map((id) => [id, union(fontFiles(id).map((f) => f.file))]));
const covered = (id: FontId) => coverage.get(id) ?? new Set<number>();
const has = (id: FontId, c: string) => covered(id).has(c.codePointAt(0) ?? 0);
// Before issue 17 only each face's `-latin-` file was loaded: its first file alone.
const latinOnly = new Map(FONT_IDS.map((id) => [id, union([fontFiles(id)[0]?.file ?? ""])]));

// Every letter a market's titles and credits use, written out here rather than read from the fonts: the basic
// alphabets, and the accents of the Latin-script markets (Polish, Czech, Slovak, Hungarian, Turkish, Romanian,
// Croatian, Baltic…), the Greek tonos and dialytika, Ukrainian, Belarusian, Serbian and Macedonian Cyrillic.
const ALPHABETS: Record<Script, string> = {
  Latin:
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ" +
    "ĄĆĘŁŃŚŹŻąćęłńśźżČĎĚŇŘŠŤŮŽčďěňřšťůžĹĽŔĺľŕŐŰőűĞİŞğışĂȘȚășțĐđĀĒĪŌŪāēīōūĶĻŅķļņĖĮŲėįųŒœ",
  Greek: "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρσςτυφχψωΆΈΉΊΌΎΏάέήίόύώΪΫϊϋΐΰ",
  Cyrillic: "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяЄІЇҐєіїґЎўЂЈЉЊЋЏђјљњћџЃЌЅѓќѕ",
};

/** A title in each script: what a market's poster might carry. */
const TITLES: Record<Script, string> = {
  Latin: "ŁÓDŹ NOCĄ",
  Greek: "Ο ΤΕΛΕΥΤΑΙΟΣ ΦΑΡΟΣ",
  Cyrillic: "ПОСЛЕДНИЙ МАЯК",
};

describe("font coverage", () => {
  it.each(FONT_IDS)("%s maps Latin text and punctuation, not emoji, CJK or Hebrew", (id) => {
    for (const c of "AZaz09éÉüßÇñ€£&’“”—…!?") expect(has(id, c), c).toBe(true);
    for (const c of ["😀", "中", "映", "א", "ש"]) expect(has(id, c), c).toBe(false);
  });

  it.each(FONT_IDS)("%s sets every letter of each script it declares, and a title in none it doesn't", (id) => {
    const declared: readonly Script[] = FONTS[id].scripts;
    for (const script of SCRIPTS) {
      if (declared.includes(script)) {
        const missing = [...ALPHABETS[script]].filter((c) => !has(id, c));
        expect(missing, `${id} declares ${script}`).toEqual([]);
      } else expect(settableBy(TITLES[script], covered, [id]), `${id} sets ${TITLES[script]}`).toEqual([]);
    }
  });

  it("loads every subset of the supported scripts a face's package ships at its weight, and only files that exist", () => {
    const SUBSETS = ["latin", "latin-ext", "greek", "greek-ext", "cyrillic", "cyrillic-ext"];
    for (const id of FONT_IDS) {
      const { package: pkg, weight } = FONTS[id];
      const dir = path.join("node_modules/@fontsource", pkg, "files");
      const shipped = readdirSync(dir)
        .filter((f) => SUBSETS.some((subset) => f === `${pkg}-${subset}-${weight}-normal.woff`))
        .map((f) => path.join(dir, f))
        .sort();
      expect(
        fontFiles(id)
          .map((f) => path.normalize(f.file))
          .sort(),
        id,
      ).toEqual(shipped);
    }
    // Each subset has its own name in satori, the face's id for its Latin file.
    expect(fontFiles("oswald").map((f) => f.name)).toEqual([
      "oswald",
      "oswald~latin-ext",
      "oswald~cyrillic",
      "oswald~cyrillic-ext",
    ]);
  });

  it("says which faces set each script", () => {
    expect(facesFor("Latin")).toEqual(FONT_IDS);
    expect(facesFor("Cyrillic")).toEqual(["oswald", "fira-sans-extra-condensed", "roboto-condensed"]);
    expect(facesFor("Greek")).toEqual(["fira-sans-extra-condensed", "roboto-condensed"]);
  });

  it("answers which faces can set a text, from the files the renderer loads", async () => {
    expect(await facesThatCanSet(TITLES.Cyrillic)).toEqual(["oswald", "fira-sans-extra-condensed", "roboto-condensed"]);
    // A tagline in lower case is checked as typed and in the capitals a title would be set in.
    expect(await facesThatCanSet("Ο τελευταίος φάρος")).toEqual(["fira-sans-extra-condensed", "roboto-condensed"]);
    expect(await facesThatCanSet(TITLES.Latin, ["bebas-neue", "cinzel"])).toEqual(["bebas-neue", "cinzel"]);
    expect(await facesThatCanSet("МАЯК 🌊")).toEqual([]);
  });
});

describe("characters a font can't set", () => {
  const design = (fields: object) => designSchema.parse({ template: "classic", ...fields });

  it("are named on the field they came from, with the font and what to do", () => {
    const problems = unsettableText(
      design({ title: "Harbor 😀", tagline: "海の秘密", billing: "STARRING אבי", date: "March 2027" }),
      covered,
    );
    expect(Object.keys(problems).sort()).toEqual(["billing", "tagline", "title"]);
    expect(problems.title).toBe("Bebas Neue can't set these characters: 😀. Remove them or pick another title font.");
    expect(problems.tagline).toContain("海 の 秘 密");
    expect(problems.billing).toMatch(/^League Gothic can't set these characters: א ב י\./);
  });

  it("are nothing for ordinary Latin text, accents included", () => {
    expect(unsettableText(design({ title: "Café Noir", tagline: "Ça ira — “vraiment”…" }), covered)).toEqual({});
  });

  it("accept a Polish, a Russian and a Greek title in a face that sets them", () => {
    expect(unsettableText(design({ title: TITLES.Latin, titleFont: "bebas-neue" }), covered)).toEqual({});
    expect(unsettableText(design({ title: TITLES.Cyrillic, titleFont: "oswald" }), covered)).toEqual({});
    expect(unsettableText(design({ title: TITLES.Greek, titleFont: "fira-sans-extra-condensed" }), covered)).toEqual(
      {},
    );
    expect(
      unsettableText(
        design({
          tagline: "Свет гаснет в полночь",
          billing: "ΣΕΝΑΡΙΟ ΚΑΙ ΣΚΗΝΟΘΕΣΙΑ  ΜΑΡΙΑ ΠΑΠΑΔΟΠΟΥΛΟΥ",
          textFont: "roboto-condensed",
          billingFont: "roboto-condensed",
        }),
        covered,
      ),
    ).toEqual({});
  });

  it("refuse them in a face that doesn't, naming the characters and the faces that can set them", () => {
    expect(unsettableText(design({ title: TITLES.Cyrillic }), covered)).toEqual({
      title:
        "Bebas Neue can't set these characters: П О С Л Е Д Н И and 5 more. Remove them or pick another title " +
        "font: Oswald, Fira Sans Extra Condensed or Roboto Condensed can set it.",
    });
    expect(unsettableText(design({ title: TITLES.Greek, titleFont: "oswald" }), covered)).toEqual({
      title:
        "Oswald can't set these characters: Ο Τ Ε Λ Υ Α Ι Σ and 2 more. Remove them or pick another title font: " +
        "Fira Sans Extra Condensed or Roboto Condensed can set it.",
    });
    expect(unsettableText(design({ billing: "В ГЛАВНЫХ РОЛЯХ" }), covered).billing).toMatch(
      /^League Gothic can't set these characters: В Г Л А Н Ы Х Р and 2 more\. .*: Oswald, Fira Sans Extra Condensed or Roboto Condensed can set it\.$/,
    );
    // With only its Latin file, as before, a face refused the Polish title's Ł, Ź and Ą (latin-ext).
    const fromLatinFile = (id: FontId) => latinOnly.get(id) ?? new Set<number>();
    expect(unsettableText(design({ title: TITLES.Latin }), fromLatinFile).title).toMatch(
      /^Bebas Neue can't set these characters: Ł Ź Ą\./,
    );
  });

  it("show invisible ones by their code", () => {
    expect(unsettableText(design({ title: "A\u200DB" }), covered).title).toContain("U+200D");
  });
});

describe("bidirectional controls", () => {
  it("are stripped from every text field, so a title can't be made to read backwards", () => {
    const parsed = designSchema.parse({
      template: "classic",
      title: "\u202EroboH thgindiM",
      tagline: "a\u2066b\u2069c\u200Ed\u200F",
      billing: "\u202Astarring\u202C\nsomeone",
      date: "\u202B2027\u202D",
    });
    expect(parsed).toMatchObject({
      title: "roboH thgindiM",
      tagline: "abcd",
      billing: "starring\nsomeone",
      date: "2027",
    });
  });

  it("don't count as text on their own", () => {
    expect(designSchema.safeParse({ template: "classic", title: "\u202E\u202C" }).success).toBe(false);
  });
});
