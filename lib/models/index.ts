export * from "./aspect-ratios";
export * from "./catalogue";
export * from "./invoke-limits";
export * from "./library-schemas";
export * from "./operations/catalogue";
export type * from "./operations/types";
export * from "./poster-labels";
export * from "./request-schema";
export type * from "./types";
