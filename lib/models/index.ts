export * from "../library-requests";
export * from "../posters/labels";
export * from "./aspect-ratios";
export * from "./catalogue";
export * from "./invoke-limits";
export * from "./operations/catalogue";
export type * from "./operations/types";
export * from "./request-schema";
export type * from "./types";
