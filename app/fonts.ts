import localFont from "next/font/local";

// Self-hosted from @fontsource (Google Fonts can't be fetched at build time). The UI itself uses the system's
// own sans-serif, which costs no bytes; Bebas Neue (latin, one weight, 14 KB) sets the display type.
export const bebas = localFont({
  src: "../node_modules/@fontsource/bebas-neue/files/bebas-neue-latin-400-normal.woff2",
  variable: "--font-bebas",
  weight: "400",
  display: "swap",
});
