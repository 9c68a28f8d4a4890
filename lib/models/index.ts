export * from "./aspect-ratios";
export * from "./catalogue";
export * from "./library-schemas";
export * from "./request-schema";
export type * from "./types";
