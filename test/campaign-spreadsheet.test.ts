import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { MAX_MARKETS } from "@/lib/campaigns/schema";
import { marketSheetTemplate } from "@/lib/campaigns/sheet-template";
import { MAX_UNPACKED_BYTES } from "@/lib/campaigns/sheet-xlsx";
import { parseMarketSheet, type SheetResult } from "@/lib/campaigns/spreadsheet";
import { AppError } from "@/lib/errors";

// The parsing half of issue 17's market import: a spreadsheet's bytes → market requests checked with the API's own
// schema, or per-line errors, or the whole file refused. The XLSX files are written by two libraries other than the
// reader's own code path: ExcelJS's (non-streaming) writer and SheetJS's (npm `xlsx`, a dev dependency), which lays
// its parts out differently (worksheets before the workbook part, inline strings, no shared strings part).

const HEADER = [
  "code",
  "title",
  "tagline",
  "date",
  "rating_system",
  "rating_code",
  "rating_descriptors",
  "billing",
  "placements",
];
const MB = 1024 * 1024;

async function refusal(bytes: Buffer, fileName?: string): Promise<AppError> {
  const error = await parseMarketSheet(bytes, fileName).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  expect(error.code).toBe("invalid_input");
  expect(error.status).toBe(400);
  // Tied to the field that named the sheet in an import.
  expect(error.fields).toEqual({ uploadId: error.message });
  return error;
}

/** An XLSX as SheetJS writes it. */
function sheetJsBook(book: XLSX.WorkBook): Buffer {
  return XLSX.write(book, { type: "buffer", bookType: "xlsx" });
}
function sheetJs(rows: unknown[][]): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Markets");
  return sheetJsBook(book);
}

const WORKBOOK_PARTS = [
  {
    name: "xl/workbook.xml",
    text: '<workbook xmlns:r="r"><sheets><sheet name="Markets" sheetId="1" r:id="rId1"/></sheets></workbook>',
  },
  {
    name: "xl/_rels/workbook.xml.rels",
    text: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
  },
];

/** A ZIP put together by hand, so a part's declared size can be anything (zlib deflates in a blink; a zip
 * library would take seconds over the 65 MB a bomb needs). CRCs are left 0: nothing gets as far as checking them. */
function zipOf(parts: ({ name: string; text: string } | { name: string; deflated: Buffer; size: number })[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = "text" in part ? deflateRawSync(part.text) : part.deflated;
    const size = "text" in part ? Buffer.byteLength(part.text) : part.size;
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(data.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(data.byteLength, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.byteLength, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += 30 + name.byteLength + data.byteLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const csv = (...lines: string[]) => Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
const codes = (result: SheetResult) => result.rows.map((r) => r.market.code);

describe("a CSV", () => {
  it("reads a good sheet: BOM, CRLF, quoted cells with commas and quotes, accents, any column order and case", async () => {
    const text =
      "\uFEFFCode,Title,Tagline,Date,Rating System,rating_code,RATING_DESCRIPTORS,billing,placements\r\n" +
      'fr-fr,Le Phare,"Ça brûle, là-bas.",12 mars 2027,CNC,Tous publics,,"avec : MAYA OKAFOR, JONAS RÉED; réalisé par : ANNA KARLSSON","grande, one-sheet"\r\n' +
      'de-DE,Der Leuchtturm,"Über ""Licht"" und Schatten",AB 11. MÄRZ,FSK,12,"Bedrohliche Szenen, Gewalt",mit: JÜRGEN MÜLLER,din-a1 Story\r\n' +
      'es-MX,El Faro,=HYPERLINK("https://example.com"),12 de marzo,,,,protagonizada por: ÍÑIGO PEÑA,\r\n' +
      "pl-PL,Latarnia,Światło nigdy nie gaśnie,,,,,z udziałem: ŁUCJA WRÓBEL,\r\n";
    const result = await parseMarketSheet(Buffer.from(text, "utf8"), "markets.csv");
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(result.rows[0]?.market).toEqual({
      code: "fr-FR",
      title: "Le Phare",
      tagline: "Ça brûle, là-bas.",
      date: "12 mars 2027",
      rating: { system: "CNC", code: "Tous publics" },
      credits: [
        { role: "avec", names: ["MAYA OKAFOR", "JONAS RÉED"] },
        { role: "réalisé par", names: ["ANNA KARLSSON"] },
      ],
      placements: ["grande", "one-sheet"],
    });
    expect(result.rows[1]?.market).toMatchObject({
      tagline: 'Über "Licht" und Schatten',
      rating: { system: "FSK", code: "12", descriptors: "Bedrohliche Szenen, Gewalt" },
      placements: ["din-a1", "story"],
    });
    // A CSV has no formulas: a cell starting with "=" is those characters. Empty cells are absent.
    expect(result.rows[2]?.market).toEqual({
      code: "es-MX",
      title: "El Faro",
      tagline: '=HYPERLINK("https://example.com")',
      date: "12 de marzo",
      credits: [{ role: "protagonizada por", names: ["ÍÑIGO PEÑA"] }],
    });
    expect(result.rows[3]?.market.credits).toEqual([{ role: "z udziałem", names: ["ŁUCJA WRÓBEL"] }]);
  });

  it("reads Excel's European CSV (semicolons), LF or old-Mac CR lines, and numbers rows as the app does", async () => {
    const semicolons = Buffer.from(
      'code;title;billing\n\nfr-FR;Le Phare;"avec : MAYA OKAFOR, JONAS REED; réalisé par : ANNA KARLSSON"\nde-DE;"Der\nLeuchtturm";\n',
    );
    const result = await parseMarketSheet(semicolons);
    expect(result.errors).toEqual([]);
    // Line 2 is blank (skipped, but counted); the title with a line break in it is one row.
    expect(result.rows.map((r) => [r.line, r.market.code, r.market.title])).toEqual([
      [3, "fr-FR", "Le Phare"],
      [4, "de-DE", "Der\nLeuchtturm"],
    ]);
    expect(result.rows[0]?.market.credits).toHaveLength(2);
    const cr = await parseMarketSheet(Buffer.from("code,title\rfr-FR,Le Phare\ren-GB,The Lighthouse\r"));
    expect(codes(cr)).toEqual(["fr-FR", "en-GB"]);
  });

  it("reports each bad cell with its line and column, and keeps the good rows", async () => {
    const result = await parseMarketSheet(
      csv(
        HEADER.join(","),
        "fr-FR,Le Phare,,,,,,,",
        `de-DE,${"L".repeat(61)},,,,,,,`,
        "french,Le Phare,,,,,,,",
        ",No Code,,,,,,,",
        "it-IT,,,,,,,,",
        "en-GB,The Lighthouse,,,BBFC,,,,",
        "en-US,The Lighthouse,,,,PG-13,,,",
        'es-ES,El Faro,,,,,,"starring MAYA OKAFOR",',
        'pt-PT,O Farol,,,,,,"com: ; realizado por: ANA",',
        "nl-NL,De Vuurtoren,,,,,,,quad billbord",
        "sv-SE,Fyren,,,,,,,story",
      ),
    );
    expect(codes(result)).toEqual(["fr-FR", "sv-SE"]);
    expect(result.rows.map((r) => r.line)).toEqual([2, 12]);
    expect(result.errors).toEqual([
      { line: 3, field: "title", message: "Keep the market's title under 60 characters." },
      { line: 4, field: "code", message: '"french" isn\'t a BCP 47 market code: write it like fr-FR, de-DE or es-MX.' },
      { line: 5, field: "code", message: "Give the market's code, like fr-FR." },
      { line: 6, field: "title", message: "Give the market's title." },
      {
        line: 7,
        field: "rating_code",
        message: "Give the rating too (like 12A or 12), or leave the rating columns empty.",
      },
      {
        line: 8,
        field: "rating_system",
        message: "Give the rating system too (like BBFC or FSK), or leave the rating columns empty.",
      },
      {
        line: 9,
        field: "billing",
        message:
          '"starring MAYA OKAFOR" has no role: write the billing as role: names; role: names (like starring: MAYA OKAFOR, JONAS REED; directed by: ANNA KARLSSON).',
      },
      { line: 10, field: "billing", message: 'In "com": A credit names someone.' },
      {
        line: 11,
        field: "placements",
        message: expect.stringMatching(/^Unknown placement "billbord": choose from .*billboard-48-sheet/),
      },
    ]);
  });

  it("reads title_in_type as yes or no, and names anything else", async () => {
    const result = await parseMarketSheet(
      csv("code,title,title_in_type", "fr-FR,Le Phare,Yes", "de-DE,Der Leuchtturm,no", "es-ES,El Faro,maybe"),
    );
    expect(result.rows.map((r) => [r.market.code, r.market.typedTitle])).toEqual([
      ["fr-FR", true],
      ["de-DE", undefined],
    ]);
    expect(result.errors).toEqual([
      {
        line: 4,
        field: "title_in_type",
        message: "title_in_type is yes (set the title in type, not the kit's logo) or no.",
      },
    ]);
  });

  it("names an unsupported placement id, and every one of them", async () => {
    const result = await parseMarketSheet(csv("code,title,placements", 'fr-FR,Le Phare,"grande bus-shelter, tram"'));
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => [e.line, e.field, e.message.split(":")[0]])).toEqual([
      [2, "placements", 'Unknown placement "bus-shelter"'],
      [2, "placements", 'Unknown placement "tram"'],
    ]);
  });

  it("reports a market listed twice on the later row, naming the earlier line (codes compared canonically)", async () => {
    const result = await parseMarketSheet(
      csv("code,title", "fr-FR,Le Phare", "de-DE,Der Leuchtturm", "FR-fr,Le Phare (bis)", "de-de,Der Leuchtturm 2"),
    );
    expect(codes(result)).toEqual(["fr-FR", "de-DE"]);
    expect(result.errors).toEqual([
      { line: 4, field: "code", message: "fr-FR is already on line 2: one row per market." },
      { line: 5, field: "code", message: "de-DE is already on line 3: one row per market." },
    ]);
  });

  it("refuses unknown columns on line 1, naming them, and reads no rows", async () => {
    const result = await parseMarketSheet(csv("code,title,taglin,Notes,billing", "fr-FR,Le Phare,Ça brûle,,"));
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      {
        line: 1,
        field: "columns",
        message:
          'Unknown columns "taglin", "Notes". The columns are code, title, tagline, date, rating_system, rating_code, rating_descriptors, billing, placements, logo and title_in_type.',
      },
    ]);
    const missing = await parseMarketSheet(csv("code,tagline,code", "fr-FR,x,fr-FR"));
    expect(missing.errors).toEqual([
      { line: 1, field: "code", message: "The code column is there twice (columns A and C): keep one." },
      { line: 1, field: "title", message: "The sheet has no title column: every market needs a code and a title." },
    ]);
  });

  it("reports a value in a column without a heading, and a quote never closed", async () => {
    const stray = await parseMarketSheet(csv("code,,title", "fr-FR,oops,Le Phare", "de-DE,,Der Leuchtturm"));
    expect(codes(stray)).toEqual(["de-DE"]);
    expect(stray.errors).toEqual([
      { line: 2, field: "row", message: "Column B has a value but no heading: name the column or clear it." },
    ]);
    const unclosed = await parseMarketSheet(csv("code,title", "fr-FR,Le Phare", 'de-DE,"Der Leuchtturm', "en-GB,x"));
    expect(codes(unclosed)).toEqual(["fr-FR"]);
    expect(unclosed.errors[0]).toMatchObject({ line: 3, field: "row", message: expect.stringMatching(/never closed/) });
  });

  it(`refuses more than ${MAX_MARKETS} good markets, naming the limit`, async () => {
    const rows = Array.from({ length: MAX_MARKETS + 1 }, (_, i) => `en-${String(i).padStart(3, "0")},Market ${i}`);
    // en-000 … en-050 are all BCP 47 (a three-digit region), and all different.
    const error = await refusal(csv("code,title", ...rows));
    expect(error.message).toBe(
      `The sheet has ${MAX_MARKETS + 1} markets: a campaign has at most ${MAX_MARKETS}. Split it into campaigns, or remove rows.`,
    );
    const fifty = await parseMarketSheet(csv("code,title", ...rows.slice(0, MAX_MARKETS)));
    expect(fifty.rows).toHaveLength(MAX_MARKETS);
  });
});

describe("the row limit", () => {
  const ROWS_ERROR =
    "The sheet has more than 10,000 rows, the most an import reads: a campaign has at most 50 markets, so keep only their rows.";

  it("refuses 10,001 data rows as soon as it sees them, before any becomes a market (CSV and XLSX)", async () => {
    // Every row is a market (the first thousand all different): were they read into markets first, the answer would
    // be the markets limit.
    const rows = Array.from({ length: 10_001 }, (_, i) => [`en-${String(i % 1000).padStart(3, "0")}`, `Market ${i}`]);
    expect((await refusal(csv("code,title", ...rows.map((r) => r.join(","))))).message).toBe(ROWS_ERROR);
    expect((await refusal(sheetJs([["code", "title"], ...rows]))).message).toBe(ROWS_ERROR);
  });

  it("reads 10,000, blank rows not counted", async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? `,title ${i}` : `,title ${i}\r\n`));
    const result = await parseMarketSheet(csv("code,title", ...lines));
    expect(result.rows).toEqual([]);
    expect(result.errors).toHaveLength(10_000);
    expect(result.errors.at(-1)).toEqual({
      line: 15_001,
      field: "code",
      message: "Give the market's code, like fr-FR.",
    });
  });
});

describe("an XLSX", () => {
  it("written by ExcelJS: its first visible sheet, a formula as its text (not its cached result), numbers and dates as text", async () => {
    const book = new ExcelJS.Workbook();
    const notes = book.addWorksheet("Notes");
    notes.state = "hidden";
    notes.addRow(["code", "title"]);
    notes.addRow(["xx-XX", "not this sheet"]);
    const sheet = book.addWorksheet("Markets");
    book.addWorksheet("Later").addRow(["nor", "this"]);
    sheet.addRow(["Code", "TITLE", "tagline", "date", "rating_system", "rating_code", "billing", "placements"]);
    sheet.addRow([
      "fr-FR",
      "Le Phare",
      { formula: 'HYPERLINK("https://example.com/phare","Cliquez ici")', result: "Cliquez ici" },
      new Date(Date.UTC(2027, 2, 12)),
      "CNC",
      "Tous publics",
      "avec : MAYA OKAFOR, JONAS RÉED; réalisé par : ANNA KARLSSON",
      "grande one-sheet",
    ]);
    sheet.addRow([]);
    sheet.addRow([
      "de-DE",
      { richText: [{ text: "Der " }, { text: "Leuchtturm", font: { bold: true } }] },
      "Über Licht",
      "AB 11. MÄRZ",
      "FSK",
      12,
      "mit: JÜRGEN MÜLLER",
      "din-a1",
    ]);
    const result = await parseMarketSheet(Buffer.from(await book.xlsx.writeBuffer()), "markets.xlsx");
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        market: {
          code: "fr-FR",
          title: "Le Phare",
          tagline: '=HYPERLINK("https://example.com/phare","Cliquez ici")',
          date: "2027-03-12",
          rating: { system: "CNC", code: "Tous publics" },
          credits: [
            { role: "avec", names: ["MAYA OKAFOR", "JONAS RÉED"] },
            { role: "réalisé par", names: ["ANNA KARLSSON"] },
          ],
          placements: ["grande", "one-sheet"],
        },
      },
      {
        line: 4,
        market: {
          code: "de-DE",
          title: "Der Leuchtturm",
          tagline: "Über Licht",
          date: "AB 11. MÄRZ",
          rating: { system: "FSK", code: "12" },
          credits: [{ role: "mit", names: ["JÜRGEN MÜLLER"] }],
          placements: ["din-a1"],
        },
      },
    ]);
  });

  it("written by ExcelJS: a formula copied down (shared) can't be read as text, so it is reported, not evaluated", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Markets");
    sheet.addRow(["code", "title", "tagline"]);
    sheet.addRow([
      "fr-FR",
      "Le Phare",
      { formula: 'UPPER("phare")', result: "PHARE", shareType: "shared", ref: "C2:C3" },
    ]);
    sheet.addRow(["de-DE", "Der Leuchtturm", { sharedFormula: "C2", result: "LEUCHTTURM" }]);
    const result = await parseMarketSheet(Buffer.from(await book.xlsx.writeBuffer()));
    expect(result.rows.map((r) => [r.market.code, r.market.tagline])).toEqual([["fr-FR", '=UPPER("phare")']]);
    expect(result.errors).toEqual([
      {
        line: 3,
        field: "tagline",
        message:
          "This cell can't be read: its formula is copied from another cell, and only typed formulas are read (as text): type it, or paste it as a value.",
      },
    ]);
  });

  it("written by SheetJS (worksheet before the workbook part, no shared strings): a formula whose cached value lies", async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ["code", "title", "tagline", "rating_system", "rating_code", "placements"],
      ["en-GB", "The Lighthouse", "Some lights never go out.", "BBFC", "12A", "quad story"],
      ["es-ES", "El Faro", "placeholder", "", "", ""],
      ["pl-PL", "Latarnia", "Światło nigdy nie gaśnie", "", "", "quad bus"],
    ]);
    // The cached result says one thing, the formula another: the formula is what is in the cell.
    sheet.C3 = { t: "s", v: "Una luz que nunca se apaga", f: 'CONCATENATE("Una luz ","=cmd|\' /C calc\'!A0")' };
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, "Mercados");
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["code"], ["xx-XX"]]), "Other");
    const result = await parseMarketSheet(sheetJsBook(book));
    expect(result.rows.map((r) => [r.line, r.market.code, r.market.tagline])).toEqual([
      [2, "en-GB", "Some lights never go out."],
      [3, "es-ES", `=CONCATENATE("Una luz ","=cmd|' /C calc'!A0")`],
    ]);
    expect(result.rows[0]?.market.rating).toEqual({ system: "BBFC", code: "12A" });
    expect(result.errors).toEqual([
      { line: 4, field: "placements", message: expect.stringMatching(/^Unknown placement "bus": choose from/) },
    ]);
  });

  it("refuses a ZIP that unpacks to more than the limit, without unpacking it (a zip bomb)", async () => {
    const sheet = deflateRawSync(Buffer.alloc(MAX_UNPACKED_BYTES + MB, " "), { level: 9 });
    const bomb = zipOf([
      ...WORKBOOK_PARTS,
      { name: "xl/worksheets/sheet1.xml", deflated: sheet, size: MAX_UNPACKED_BYTES + MB },
    ]);
    expect(bomb.byteLength).toBeLessThan(MB);
    const started = performance.now();
    const error = await refusal(bomb);
    expect(error.message).toBe(
      "That XLSX file unpacks to more than 64 MB: keep only the markets sheet in it, or save it as CSV UTF-8.",
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a part that unpacks to more than its directory says, stopping at the limit", async () => {
    // Declared as 2 KB, so the directory's sizes pass: inflating it stops at the limit, not at its end.
    const sheet = deflateRawSync(Buffer.alloc(MAX_UNPACKED_BYTES + MB, " "), { level: 1 });
    const liar = zipOf([...WORKBOOK_PARTS, { name: "xl/worksheets/sheet1.xml", deflated: sheet, size: 2048 }]);
    const started = performance.now();
    expect((await refusal(liar)).message).toBe(
      "That XLSX file unpacks to more than 64 MB: keep only the markets sheet in it, or save it as CSV UTF-8.",
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses a ZIP that isn't a workbook, and a damaged one", async () => {
    const docx = zipSync({ "word/document.xml": strToU8("<w:document/>") });
    expect((await refusal(Buffer.from(docx), "brief.docx")).message).toBe(
      "brief.docx isn't a CSV or XLSX spreadsheet.",
    );
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Markets").addRow(["code", "title"]);
    const whole = Buffer.from(await book.xlsx.writeBuffer());
    expect((await refusal(whole.subarray(0, Math.floor(whole.length / 2)))).message).toMatch(
      /^That XLSX file can't be read/,
    );
  });
});

describe("a file that isn't a spreadsheet", () => {
  it("is refused by its content whatever its name: a PNG renamed .csv, a PDF, an old .xls, binary junk", async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123456" } })
      .png()
      .toBuffer();
    expect((await refusal(png, "markets.csv")).message).toBe("markets.csv isn't a CSV or XLSX spreadsheet.");
    expect((await refusal(png)).message).toBe("That file isn't a CSV or XLSX spreadsheet.");
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "latin1");
    expect((await refusal(pdf, "C:\\briefs\\brief.pdf")).message).toBe("brief.pdf isn't a CSV or XLSX spreadsheet.");
    // An OLE2 compound file: the header of every .xls (and of a password-protected .xlsx).
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect((await refusal(xls, "old.xls")).message).toBe("old.xls isn't a CSV or XLSX spreadsheet.");
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect((await refusal(junk)).message).toBe("That file isn't a CSV or XLSX spreadsheet.");
  });

  it("a CSV in another encoding than UTF-8 is told how to save it", async () => {
    const latin1 = Buffer.from("code,title\nfr-FR,Le Phare éteint\n", "latin1");
    expect((await refusal(latin1, "markets.csv")).message).toBe(
      'markets.csv isn\'t saved as UTF-8: save it again as "CSV UTF-8 (comma delimited)" and upload that.',
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("code\ttitle\n", "utf16le")]);
    expect((await refusal(utf16)).message).toMatch(/isn't saved as UTF-8/);
  });

  it("refuses a file over 40 MB before reading it, and an empty one", async () => {
    const big = Buffer.alloc(41 * MB, "a,b\n");
    const started = performance.now();
    expect((await refusal(big)).message).toBe("The file is 41.0 MB: a spreadsheet can be at most 40 MB.");
    expect(performance.now() - started).toBeLessThan(100);
    expect((await refusal(Buffer.from("\uFEFF\r\n\r\n"))).message).toBe(
      "The spreadsheet is empty: start it with the template's header row (code, title, …), then one market a row.",
    );
  });
});

describe("the template", () => {
  it("is UTF-8 with a BOM and CRLF lines, and imports as its three example markets", async () => {
    const template = marketSheetTemplate();
    expect(
      template.startsWith(
        "\uFEFFcode,title,tagline,date,rating_system,rating_code,rating_descriptors,billing,placements,logo,title_in_type\r\n",
      ),
    ).toBe(true);
    expect(template.split("\r\n")).toHaveLength(5);
    const result = await parseMarketSheet(Buffer.from(template, "utf8"));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.market.code])).toEqual([
      [2, "fr-FR"],
      [3, "de-DE"],
      [4, "en-GB"],
    ]);
    expect(result.rows[2]?.market.credits?.[0]?.names).toContain("ZOË ŁUKASZEWSKA");
  });
});
