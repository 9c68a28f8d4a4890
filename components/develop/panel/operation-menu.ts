import { findOperation, type Operation, type OperationId, operationRequestSchema } from "@/lib/models";
import type { InputSpec, ServiceSpec } from "@/lib/models/operations/types";

// How the Develop panel arranges the catalogue's operations for people, and what it reads from an entry: the
// groups, the controls that apply to the current choices, and the service (price, typical time) a choice calls.

export const OPERATION_GROUPS: readonly { label: string; ids: readonly OperationId[] }[] = [
  { label: "Variations", ids: ["vary"] },
  { label: "Reframe", ids: ["reframe"] },
  { label: "Fix & edit", ids: ["inpaint", "search-replace", "search-recolor", "erase", "remove-background"] },
  { label: "Upscale", ids: ["upscale"] },
  { label: "New art from this", ids: ["control-sketch", "control-structure", "style-guide", "style-transfer"] },
];

export function operation(id: OperationId): Operation {
  const found = findOperation(id);
  if (!found) throw new Error(`No operation ${id}`);
  return found;
}

export type Values = Record<string, string | number | undefined>;

/** The controls to show now: the fast upscaler takes no prompt or creativity, so they go while it is picked. */
export function visibleInputs(op: Operation, values: Values): InputSpec[] {
  return op.inputs.filter((input) => {
    if (op.id === "upscale" && (values.mode ?? "fast") === "fast") return input.name === "mode";
    return true;
  });
}

// Operations whose prompt describes the whole picture, so the source's prompt is the right start: a variation's,
// and the art an upscaler adds detail to (Conservative and Creative need one; Fast sends none).
const PROMPT_FROM_SOURCE: readonly OperationId[] = ["vary", "upscale"];

/** A select's first option when its "none" means the schema's default (same label), so the field is always sent. */
export function initialValues(op: Operation, prompt?: string): Values {
  const values: Values = {};
  for (const input of op.inputs) {
    if (input.kind === "slider") values[input.name] = input.default;
    if (input.kind === "select") values[input.name] = defaultOption(input) ?? "";
    if (input.kind === "text" && input.name === "prompt" && prompt && PROMPT_FROM_SOURCE.includes(op.id)) {
      values.prompt = prompt;
    }
  }
  return values;
}

export function defaultOption(input: Extract<InputSpec, { kind: "select" }>): string | undefined {
  return input.options.find((o) => o.label === input.noneLabel)?.value;
}

/** The service a request would call: the plan's when the request is valid, else the one the picked option names
 *  (a select with one option per service, in the catalogue's order: the vary model, the upscale mode). */
export function serviceFor(op: Operation, body: Record<string, unknown>): ServiceSpec {
  const parsed = operationRequestSchema.safeParse(body);
  if (parsed.success && parsed.data.operation === op.id) return op.planFor(parsed.data).service;
  const picker = op.inputs.find(
    (i): i is Extract<InputSpec, { kind: "select" }> => i.kind === "select" && i.options.length === op.services.length,
  );
  const index = picker ? picker.options.findIndex((o) => o.value === body[picker.name]) : 0;
  const service = op.services[Math.max(0, index)] ?? op.services[0];
  if (!service) throw new Error(`${op.id} has no service`);
  return service;
}

/** Field → message for a request the schema refuses (the server says the same things). */
export function check(body: Record<string, unknown>) {
  const parsed = operationRequestSchema.safeParse(body);
  if (parsed.success) return { request: parsed.data, errors: undefined };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { request: undefined, errors };
}
