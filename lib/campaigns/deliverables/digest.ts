import "server-only";
import { createHash } from "node:crypto";

// Names derived from content, so every attempt of a step (a worker that died, a message delivered twice) lands on
// the same poster, job or ZIP instead of making another.

/** A digest of the JSON of `value` (its keys in the order written: callers build it the same way each time). */
export const digestOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("base64url");

/** An id of the app's shape (16 url-safe characters: lib/ids.ts ID_PATTERN) derived from its parts. */
export const derivedId = (...parts: string[]) => digestOf(parts).slice(0, 16);
