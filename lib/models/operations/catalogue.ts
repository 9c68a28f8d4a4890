import * as z from "zod/mini";
import { nonEmpty } from "../../tuples";
import { controlSketch, controlStructure, styleGuide } from "./create";
import { erase, inpaint, removeBackground } from "./edit";
import { crop, generate, localize } from "./generate";
import { reframe } from "./reframe";
import { searchRecolor, searchReplace } from "./search";
import { styleTransfer } from "./style-transfer";
import type { InvokedService } from "./types";
import { upscale } from "./upscale";
import { vary } from "./vary";

// THE catalogue of operations: every way a poster is made. Generation (a prompt, one of the text-to-image models of
// lib/models/catalogue.ts), each image service (a source image: OPERATIONS, one entry each, see define.ts) and the
// format pack's crop (made here, no model). Each entry says what it is called, where people pick it and under which
// heading, what it costs (its services' integer cents) and how long it takes; the request schemas, the one pipeline
// (lib/posters/pipeline.ts), the Develop panel's menu, the gallery's filters and labels, the emulator's coverage
// test and the IAM policy derive from it.

/** The operations that make a poster from a source image, with one of Stability's image services. */
export const OPERATIONS = [
  vary,
  reframe,
  inpaint,
  searchReplace,
  searchRecolor,
  erase,
  removeBackground,
  upscale,
  controlSketch,
  controlStructure,
  styleGuide,
  styleTransfer,
] as const;

/** Every entry: generation, the image services, the crop, a campaign's market version. */
export const CATALOGUE = [generate, ...OPERATIONS, crop, localize] as const;

export type CatalogueEntry = (typeof CATALOGUE)[number];
/** How a poster was made: what a poster record's `operation` holds ("generate" when absent). */
export type CatalogueId = CatalogueEntry["id"];
export type Operation = (typeof OPERATIONS)[number];
export type OperationId = Operation["id"];

export const OPERATION_IDS = OPERATIONS.map((o) => o.id);
export const CATALOGUE_IDS = nonEmpty(
  CATALOGUE.map((e) => e.id),
  "catalogue",
);

export function findOperation(id: string): Operation | undefined {
  return OPERATIONS.find((o) => o.id === id);
}

export function findEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.id === id);
}

/** The service behind a Bedrock id the app invokes (the emulator's lookup). */
export function findService(invokeId: string) {
  for (const operation of OPERATIONS) {
    const service = operation.services.find((s) => s.invokeId === invokeId);
    if (service) return { operation, service };
  }
  return undefined;
}

// Each entry's schema, as a tuple (what z.discriminatedUnion needs); `map` can't say it keeps the tuple's shape.
type Schemas<T extends readonly { schema: unknown }[]> = { -readonly [K in keyof T]: T[K]["schema"] };
const schemasOf = <T extends readonly { schema: unknown }[]>(operations: T) =>
  operations.map((o) => o.schema) as Schemas<T>;

/** POST /api/posters with an `operation` other than generate. */
export const operationRequestSchema = z.discriminatedUnion("operation", schemasOf(OPERATIONS), {
  error: `Pick one of the operations: generate, ${OPERATIONS.map((o) => o.id).join(", ")}.`,
});
export type OperationRequest = z.output<typeof operationRequestSchema>;
/** What a client sends for an operation (defaults not yet filled in). */
export type OperationInput = z.input<typeof operationRequestSchema>;

/** Every Bedrock model the app invokes and where: what the IAM policy must grant (see sst.config.ts).
 *  `profile` is the inference profile invoked from `region` (null: the foundation model is invoked in-Region);
 *  `foundationModelRegions` are the Regions whose foundation-model ARN must be allowed. */
export interface BedrockInvocation {
  invokeId: string;
  foundationModelId: string;
  region: string;
  profile: boolean;
  foundationModelRegions: readonly string[];
}

export function bedrockInvocations(generationRegion: string): BedrockInvocation[] {
  const byId = new Map<string, BedrockInvocation>();
  for (const service of CATALOGUE.flatMap((e): readonly InvokedService[] => ("services" in e ? e.services : []))) {
    const profile = service.routesTo.length > 0;
    const region = service.region ?? generationRegion;
    byId.set(service.invokeId, {
      invokeId: service.invokeId,
      foundationModelId: service.foundationModelId,
      region,
      profile,
      foundationModelRegions: profile ? service.routesTo : [region],
    });
  }
  return [...byId.values()];
}
