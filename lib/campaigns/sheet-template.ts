import { SHEET_COLUMNS, type SheetColumn } from "./sheet-columns";

// The spreadsheet a person fills in to import a campaign's markets (GET /api/campaigns/template.csv): the header
// and three example markets, in the form the import reads back (test/campaign-spreadsheet.test.ts imports it).
// Pure: no AWS, no request.

const EXAMPLES: Record<SheetColumn, string>[] = [
  {
    code: "fr-FR",
    title: "Le Phare",
    tagline: "La lumière ne s'éteint jamais.",
    date: "Le 12 mars 2027 au cinéma",
    rating_system: "CNC",
    rating_code: "Tous publics",
    rating_descriptors: "",
    billing: "avec : MAYA OKAFOR, JONAS REED, ZOË LEFÈVRE; réalisé par : ANNA KARLSSON",
    placements: "grande one-sheet feed",
    logo: "",
    title_in_type: "",
  },
  {
    code: "de-DE",
    title: "Der Leuchtturm",
    tagline: "Manche Lichter gehen nie aus.",
    date: "AB 11. MÄRZ IM KINO",
    rating_system: "FSK",
    rating_code: "12",
    rating_descriptors: "Bedrohliche Szenen",
    billing: "mit: MAYA OKAFOR, JONAS REED, JÜRGEN MÜLLER; Regie: ANNA KARLSSON",
    placements: "din-a1 one-sheet story",
    logo: "",
    title_in_type: "",
  },
  {
    code: "en-GB",
    title: "The Lighthouse",
    tagline: "Some lights never go out.",
    date: "In cinemas 12 March",
    rating_system: "BBFC",
    rating_code: "12A",
    rating_descriptors: "Moderate threat, language",
    billing: "starring: MAYA OKAFOR, JONAS REED, ZOË ŁUKASZEWSKA; directed by: ANNA KARLSSON; music by: JOSÉ NÚÑEZ",
    placements: "quad, one-sheet, banner-970x250",
    logo: "",
    title_in_type: "",
  },
];

// Quoted where a spreadsheet would need it (the separator, quotes, line breaks). A template cell never starts with
// = + - @, so nothing in it can be taken for a formula when it is opened.
const field = (value: string) => (/[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The template as CSV text: UTF-8 with a byte order mark (so Excel opens the accents as accents), CRLF lines. */
export function marketSheetTemplate(): string {
  const lines = [SHEET_COLUMNS.join(","), ...EXAMPLES.map((row) => SHEET_COLUMNS.map((c) => field(row[c])).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export const TEMPLATE_FILE_NAME = "onesheet-markets.csv";
