import { describe, expect, it } from "vitest";
import { isId, newId } from "@/lib/ids";

describe("ids (lib/ids.ts)", () => {
  it("are 16 url-safe characters of 96 random bits, different every time, and isId knows their shape", () => {
    const ids = Array.from({ length: 10_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isId(id), id).toBe(true);
    // Every one of the 64 url-safe characters turns up: the bytes are spread over the whole alphabet.
    expect(new Set(ids.join("")).size).toBe(64);
    expect(Buffer.from(ids[0] ?? "", "base64url").byteLength).toBe(12);
    for (const bad of ["", "short", "a".repeat(17), "has space here!!", "../../etc/passwd"])
      expect(isId(bad)).toBe(false);
  });
});
