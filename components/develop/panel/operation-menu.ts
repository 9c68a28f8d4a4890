import {
  findOperation,
  OPERATIONS,
  type Operation,
  type OperationId,
  operationRequestSchema,
  UI_GROUPS,
} from "@/lib/models";
import type { InputSpec, ServiceSpec } from "@/lib/models/operations/types";

// How the Develop panel arranges the catalogue's operations for people, all read from the entries: the groups
// (each entry's `group`, in the catalogue's order of headings), the controls that apply to the current choices
// (`shownWhen`), the prompt to start from (`promptFromSource`), and the service (price, typical time) a choice calls.

export const OPERATION_GROUPS: readonly { label: string; ids: readonly OperationId[] }[] = UI_GROUPS.flatMap(
  (label) => {
    const ids = OPERATIONS.filter((o) => o.visibility === "develop" && o.group === label).map((o) => o.id);
    return ids.length ? [{ label, ids }] : [];
  },
);

export function operation(id: OperationId): Operation {
  const found = findOperation(id);
  if (!found) throw new Error(`No operation ${id}`);
  return found;
}

export type Values = Record<string, string | number | undefined>;

/** The controls to show now: a control with a `shownWhen` rule shows while the control it names (or, unset, that
 *  control's default) has one of the listed values — the fast upscaler takes no prompt or creativity. */
export function visibleInputs(op: Operation, values: Values): InputSpec[] {
  const rules: Readonly<Record<string, { field: string; oneOf: readonly string[] }>> =
    "shownWhen" in op && op.shownWhen ? op.shownWhen : {};
  return op.inputs.filter((input) => {
    const rule = rules[input.name];
    if (!rule) return true;
    return rule.oneOf.includes(String(values[rule.field] ?? startingValue(op, rule.field) ?? ""));
  });
}

/** What a control starts as before anyone touches it. */
function startingValue(op: Operation, name: string): string | number | undefined {
  const input = op.inputs.find((i) => i.name === name);
  if (input?.kind === "slider") return input.default;
  if (input?.kind === "select") return defaultOption(input);
  return undefined;
}

/** A select's first option when its "none" means the schema's default (same label), so the field is always sent. */
export function initialValues(op: Operation, prompt?: string): Values {
  const values: Values = {};
  for (const input of op.inputs) {
    if (input.kind === "slider") values[input.name] = input.default;
    if (input.kind === "select") values[input.name] = defaultOption(input) ?? "";
    // An entry whose prompt describes the whole picture starts from the source's: a variation's, and the art an
    // upscaler adds detail to.
    if (input.kind === "text" && input.name === "prompt" && prompt && "promptFromSource" in op && op.promptFromSource) {
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
