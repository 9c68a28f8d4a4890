import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// Where a request's time goes, as a W3C Server-Timing header (DevTools' Timing tab shows it; `npm run bench` reads it
// to tell the app's own work from the waits on its stores and the model): every API request records its phases
// (sign-in, admission, model, storing the files, settling) with `timed`, wherever they run, and handle() sends them.
// Durations only, never names of resources or data.

type Phase = { name: string; ms: number };
const phases = new AsyncLocalStorage<Phase[]>();

/** Runs a request with a fresh list of phases, handed to `finish` with the answer. */
export async function withServerTiming(run: () => Promise<Response>): Promise<Response> {
  const list: Phase[] = [];
  const started = performance.now();
  const response = await phases.run(list, run);
  list.push({ name: "total", ms: performance.now() - started });
  // An answer whose headers can't change (a redirect made by Response.redirect) keeps its own.
  try {
    response.headers.set("server-timing", serverTimingHeader(list));
  } catch {}
  return response;
}

/** Records how long `work` took as a phase of the current request (outside a request, just runs it). */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const list = phases.getStore();
  if (!list) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    list.push({ name, ms: performance.now() - started });
  }
}

/** `auth;dur=3.1, admit;dur=8.4, …`: a phase that ran more than once (two lookups) is summed. */
export function serverTimingHeader(list: readonly Phase[]): string {
  const sums = new Map<string, number>();
  for (const { name, ms } of list) sums.set(name, (sums.get(name) ?? 0) + ms);
  return [...sums].map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`).join(", ");
}
