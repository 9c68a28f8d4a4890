import { afterAll, vi } from "vitest";

// The test's clock, instead of sleeping until an instant comes: Date is faked in this worker and runs on in real
// time from wherever a test puts it, and a test jumps it forward to the instant it needs (a signing window's start,
// a URL's expiry, the start of a rate-limit minute). Everything in the worker reads this one clock — the app, the
// SDK's signer, s3rver's expiry check, dynalite — so they agree, as servers with synced clocks do. Timers stay real
// (the SDK's retries, a model's latency, an abort after 100 ms): only the reading of the time is injected.
// Forward only, and once moved it stays moved for the rest of the file: a clock that went back would date a write
// before the one it follows.

let faked = false;

function fake() {
  if (faked) return;
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true, advanceTimeDelta: 5 });
  faked = true;
}

export const clock = {
  /** Jumps to `ms` since the epoch (never back). */
  jumpTo(ms: number) {
    const now = Date.now();
    if (ms < now) throw new Error(`the test clock only goes forward (${ms - now} ms asked)`);
    fake();
    vi.setSystemTime(ms);
  },
  /** Jumps `ms` forward. */
  jumpBy(ms: number) {
    clock.jumpTo(Date.now() + ms);
  },
  /** Jumps to `intoMs` past the start of the next period of `periodMs` (a minute, a signing window). */
  jumpIntoNext(periodMs: number, intoMs: number) {
    clock.jumpTo(Math.floor(Date.now() / periodMs) * periodMs + periodMs + intoMs);
  },
};

afterAll(() => {
  if (!faked) return;
  vi.useRealTimers();
  faked = false;
});
