import localFont from "next/font/local";

// Self-hosted from @fontsource (Google Fonts can't be fetched at build time): one variable Inter file for the UI,
// Bebas Neue for display type. Latin subsets only, to keep a cold visit small.
export const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
});

export const bebas = localFont({
  src: "../node_modules/@fontsource/bebas-neue/files/bebas-neue-latin-400-normal.woff2",
  variable: "--font-bebas",
  weight: "400",
  display: "swap",
  preload: false,
});
