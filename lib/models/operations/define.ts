import * as z from "zod/mini";
import { parseStableImageResponse } from "../stable-image";
import { seedField, sourceField } from "./fields";
import type { OperationPlan, OperationSpec } from "./types";

// Turns an operation's data into what the rest of the app uses: its request schema ({operation, source, seed?, …its
// fields}, strict) and a plan for a validated request. Most services answer in the SD3.5 shape: that parser is the
// default. (How the offline emulator reads and answers each service lives in local/emulator/models.ts.)

type Spec<F extends Record<string, z.ZodMiniType>> = Omit<OperationSpec<F>, "parseResponse"> &
  Partial<Pick<OperationSpec<F>, "parseResponse">>;

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
    kind: "service" as const,
    ...spec,
    parseResponse: spec.parseResponse ?? parseStableImageResponse,
    schema: member,
    /** The plan for a request this operation's schema accepted. */
    planFor(request: { operation: string }): OperationPlan {
      if (request.operation !== spec.id) throw new Error(`${request.operation} is not ${spec.id}`);
      return spec.plan(own.parse(request));
    },
  };
}
