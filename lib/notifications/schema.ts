import * as z from "zod/mini";

// Requests of the notifications API, shared by the routes and the browser.

export const notificationsQuery = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z._default(
    z.coerce.number({ error: "limit is a number from 1 to 100." }).check(z.int(), z.gte(1), z.lte(100)),
    50,
  ),
  since: z.optional(z.iso.datetime({ offset: true, error: "since is an ISO 8601 time, e.g. 2026-11-26T09:00:00Z." })),
});

/** Mark some as read (by id), or all of them. */
export const markReadSchema = z.union(
  [
    z.strictObject({
      ids: z
        .array(z.string())
        .check(z.minLength(1, "Name at least one notification."), z.maxLength(100, "Mark at most 100 at a time.")),
    }),
    z.strictObject({ all: z.literal(true) }),
  ],
  { error: 'Send {"ids": [...]} to mark those read, or {"all": true} for every one.' },
);
export type MarkReadRequest = z.output<typeof markReadSchema>;
