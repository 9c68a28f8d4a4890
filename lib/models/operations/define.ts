import * as z from "zod/mini";
import { parseStableImageResponse, STABLE_IMAGE_ANSWERS } from "../stable-image";
import { seedField, sourceField } from "./fields";
import type { EmulatorRead, OperationPlan, OperationSpec } from "./types";

// Turns an operation's data into what the rest of the app uses: its request schema ({operation, source, seed?, …its
// fields}, strict) and a plan for a validated request. Most services answer in the SD3.5 shape: that parser and
// the emulator's answers are the default.

type Spec<F extends Record<string, z.ZodMiniType>> = Omit<OperationSpec<F>, "parseResponse" | "emulator"> &
  Partial<Pick<OperationSpec<F>, "parseResponse">> & {
    emulator: { read(invokeId: string, body: Record<string, unknown>): EmulatorRead } & Partial<
      Pick<OperationSpec<F>["emulator"], "success" | "filtered">
    >;
  };

export function defineOperation<const Id extends string, F extends Record<string, z.ZodMiniType>>(
  spec: Spec<F> & { id: Id },
) {
  const shape = { operation: z.literal(spec.id), source: sourceField, seed: seedField, ...spec.fields };
  // The operation's own fields, read back from a validated request: what its plan and rules are typed against.
  const own = z.object(spec.fields);
  const member = z
    .strictObject(shape, {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `${spec.label} has no setting called ${issue.keys.join(", ")}.`
          : undefined,
    })
    .check(
      z.superRefine((request, ctx) => {
        const fields = own.safeParse(request);
        if (!fields.success) return;
        for (const [field, message] of Object.entries(spec.refine?.(fields.data) ?? {})) {
          ctx.addIssue({ code: "custom", message, path: [field], input: request });
        }
      }),
    );
  return {
    ...spec,
    parseResponse: spec.parseResponse ?? parseStableImageResponse,
    emulator: { ...STABLE_IMAGE_ANSWERS, ...spec.emulator },
    schema: member,
    /** The plan for a request this operation's schema accepted. */
    planFor(request: { operation: string }): OperationPlan {
      if (request.operation !== spec.id) throw new Error(`${request.operation} is not ${spec.id}`);
      return spec.plan(own.parse(request));
    },
  };
}
