import { keysOf, nonEmpty } from "../tuples";

// The display faces bundled with the app (@fontsource, open licences), as the editor lists them and the renderer
// loads them. `width` is the face's average advance per character, in ems, for fitting lines before rendering.
export const FONTS = {
  "bebas-neue": { label: "Bebas Neue", family: "Bebas Neue", package: "bebas-neue", weight: 400, width: 0.42 },
  anton: { label: "Anton", family: "Anton", package: "anton", weight: 400, width: 0.5 },
  oswald: { label: "Oswald", family: "Oswald", package: "oswald", weight: 500, width: 0.5 },
  "league-gothic": {
    label: "League Gothic",
    family: "League Gothic",
    package: "league-gothic",
    weight: 400,
    width: 0.36,
  },
  cinzel: { label: "Cinzel", family: "Cinzel", package: "cinzel", weight: 700, width: 0.72 },
} as const;

export type FontId = keyof typeof FONTS;
export const FONT_IDS = nonEmpty(keysOf(FONTS), "fonts");

/** The .woff file inside the @fontsource package (satori reads woff, not woff2). */
export const fontFile = (id: FontId) => {
  const font = FONTS[id];
  return `node_modules/@fontsource/${font.package}/files/${font.package}-latin-${font.weight}-normal.woff`;
};
