// Text-to-image only: what the studio's form needs, without the operations catalogue (whose entries and schemas
// would otherwise ride along in the studio's first load; the Develop panel loads them on its own pages).
export * from "./aspect-ratios";
export * from "./catalogue";
export * from "./request-schema";
export type * from "./types";
