import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { urlWindow, windowSeconds } from "@/lib/aws/url-window";

// The promise about signed URLs: handed out at `now` with lifetime ttl, a URL expires after now + (ttl − W) and no
// later than now + ttl, where W = max(1, floor(ttl / 2)) is the signing window; within one window every URL for the
// same object is signed as of the same instant (a whole second, as SigV4 dates are).
const now = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) });
const ttl = fc.integer({ min: 1, max: 604_800 });

describe("signing windows", () => {
  it("never hands out a URL that outlives ttl, nor one with ttl − W or less left", () => {
    fc.assert(
      fc.property(now, ttl, (t, life) => {
        const { expiresAt, expiresIn, signingDate } = urlWindow(t, life);
        expect(expiresAt.getTime()).toBe(signingDate.getTime() + expiresIn * 1000);
        expect(expiresAt.getTime()).toBeLessThanOrEqual(t + life * 1000);
        expect(expiresAt.getTime()).toBeGreaterThan(t + (life - windowSeconds(life)) * 1000);
        expect(signingDate.getTime()).toBeLessThanOrEqual(t);
        expect(signingDate.getTime() % 1000).toBe(0);
      }),
    );
  });

  it("signs every instant of a window as of the same second, and the next window differently", () => {
    fc.assert(
      fc.property(now, ttl, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (t, life, f) => {
        const w = windowSeconds(life) * 1000;
        const start = Math.floor(t / w) * w;
        const later = start + Math.floor(f * w);
        expect(urlWindow(later, life)).toEqual(urlWindow(t, life));
        expect(urlWindow(start + w, life).signingDate.getTime()).toBe(start + w);
      }),
    );
  });

  it("uses half the lifetime as the window: 900 s → 450 s, so a URL has 7.5 to 15 minutes left", () => {
    expect(windowSeconds(900)).toBe(450);
    expect(windowSeconds(10)).toBe(5);
    expect(windowSeconds(1)).toBe(1);
    const served = Date.UTC(2026, 10, 25, 12, 7, 29, 500); // 12:07:29.5 is in the window 12:00:00–12:07:30
    const { signingDate, expiresAt } = urlWindow(served, 900);
    expect(signingDate.toISOString()).toBe("2026-11-25T12:00:00.000Z");
    expect(expiresAt.toISOString()).toBe("2026-11-25T12:15:00.000Z");
    expect((expiresAt.getTime() - served) / 1000).toBe(450.5);
  });
});
