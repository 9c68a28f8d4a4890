import { vi } from "vitest";
import * as poster from "@/app/api/posters/[id]/route";
import * as posters from "@/app/api/posters/route";
import { type FuzzCase, fuzzRoutes, type Route } from "../support/fuzz";
import { withLocalStack } from "../support/local-stack";

// Fuzzing the poster routes (test/support/fuzz.ts says what holds for every answer).
vi.mock("@/lib/rate-limit", () => ({ enforceRateLimit: async () => {} }));
const local = withLocalStack();

const cases: FuzzCase[] = [
  ["POST /api/posters", "POST", posters.POST as Route, (s) => (s === 201 ? { posters: 1, objects: 2 } : {})],
  ["GET /api/posters", "GET", posters.GET as Route, () => ({})],
  ["GET /api/posters/{id}", "GET", poster.GET as Route, () => ({})],
  ["PATCH /api/posters/{id}", "PATCH", poster.PATCH as Route, () => ({})],
  ["DELETE /api/posters/{id}", "DELETE", poster.DELETE as Route, () => ({})],
];

fuzzRoutes(cases, () => local.objectKeys());
