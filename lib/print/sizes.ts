import { keysOf, nonEmpty } from "../tuples";

// The print sizes a master can be made for, as data: trim in inches, the printer's default bleed, and the safe area
// (how far inside the trim text should stay). Shared by the export API and the editor's guides.

export const MM = 1 / 25.4;
/** Largest side of a custom size: beyond a bus shelter or a 48-sheet panel section, nobody prints in one piece. */
export const MAX_SIDE_IN = 120;
export const DEFAULT_BLEED_IN = 0.125;
export const MAX_BLEED_IN = 1;

export interface PrintSize {
  label: string;
  widthIn: number;
  heightIn: number;
  bleedIn: number;
  safeIn: number;
}

export const PRINT_SIZES = {
  "us-one-sheet": { label: "US one-sheet 27×40 in", widthIn: 27, heightIn: 40, bleedIn: 0.125, safeIn: 0.5 },
  "uk-quad": { label: "UK quad 40×30 in", widthIn: 40, heightIn: 30, bleedIn: 0.125, safeIn: 0.5 },
  "24x36": { label: "24×36 in", widthIn: 24, heightIn: 36, bleedIn: 0.125, safeIn: 0.5 },
  a1: { label: "A1 594×841 mm", widthIn: 594 * MM, heightIn: 841 * MM, bleedIn: 3 * MM, safeIn: 12 * MM },
  a0: { label: "A0 841×1189 mm", widthIn: 841 * MM, heightIn: 1189 * MM, bleedIn: 3 * MM, safeIn: 12 * MM },
  "bus-shelter": { label: "Bus shelter 47.25×68.25 in", widthIn: 47.25, heightIn: 68.25, bleedIn: 0.125, safeIn: 1 },
} as const satisfies Record<string, PrintSize>;

export type PrintSizeId = keyof typeof PRINT_SIZES;
export const PRINT_SIZE_IDS = nonEmpty(keysOf(PRINT_SIZES), "print sizes");

export const isPrintSizeId = (id: string): id is PrintSizeId => Object.hasOwn(PRINT_SIZES, id);

export type SizeChoice = PrintSizeId | { widthIn: number; heightIn: number };

/** The size a request names, with the bleed it asks for (else the size's default). */
export function resolveSize(size: SizeChoice, bleedIn?: number): PrintSize {
  const base: PrintSize =
    typeof size === "string"
      ? PRINT_SIZES[size]
      : {
          label: `Custom ${trimInches(size.widthIn)}×${trimInches(size.heightIn)} in`,
          widthIn: size.widthIn,
          heightIn: size.heightIn,
          bleedIn: DEFAULT_BLEED_IN,
          safeIn: Math.min(0.5, Math.min(size.widthIn, size.heightIn) * 0.05),
        };
  return bleedIn === undefined ? base : { ...base, bleedIn };
}

/** The page a master is printed on: trim plus bleed on every side. */
export const pageInches = (size: PrintSize) => ({
  widthIn: size.widthIn + 2 * size.bleedIn,
  heightIn: size.heightIn + 2 * size.bleedIn,
});

/** "27×40 in", "23.39×33.11 in": at most two decimals, no trailing zeros. */
export function trimInches(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export const sizeName = (size: PrintSize) => `${trimInches(size.widthIn)}×${trimInches(size.heightIn)} in`;

/** Short file-name part for a size: "us-one-sheet", "custom-30x45in". */
export const sizeSlug = (size: SizeChoice) =>
  typeof size === "string" ? size : `custom-${trimInches(size.widthIn)}x${trimInches(size.heightIn)}in`;
