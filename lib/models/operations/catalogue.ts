import * as z from "zod/mini";
import { GENERATION_MODELS } from "../catalogue";
import { controlSketch, controlStructure, styleGuide } from "./create";
import { erase, inpaint, removeBackground } from "./edit";
import { reframe } from "./reframe";
import { searchRecolor, searchReplace } from "./search";
import { styleTransfer } from "./style-transfer";
import { upscale } from "./upscale";
import { vary } from "./vary";

// THE operation catalogue: every way to make a poster from a source image. Adding a service means adding one
// entry (see define.ts); the request schema, the pipeline, the emulator and the IAM policy derive from this list.

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

export type Operation = (typeof OPERATIONS)[number];
export type OperationId = Operation["id"];

export const OPERATION_IDS = OPERATIONS.map((o) => o.id);

export function findOperation(id: string): Operation | undefined {
  return OPERATIONS.find((o) => o.id === id);
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
  for (const model of GENERATION_MODELS) {
    byId.set(model.id, {
      invokeId: model.id,
      foundationModelId: model.id,
      region: generationRegion,
      profile: false,
      foundationModelRegions: [generationRegion],
    });
  }
  for (const service of OPERATIONS.flatMap((o) => o.services)) {
    const profile = service.routesTo.length > 0;
    byId.set(service.invokeId, {
      invokeId: service.invokeId,
      foundationModelId: service.foundationModelId,
      region: service.region,
      profile,
      foundationModelRegions: profile ? service.routesTo : [service.region],
    });
  }
  return [...byId.values()];
}
