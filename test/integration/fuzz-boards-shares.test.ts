import { vi } from "vitest";
import * as boardPosters from "@/app/api/boards/[id]/posters/route";
import * as board from "@/app/api/boards/[id]/route";
import * as boards from "@/app/api/boards/route";
import * as share from "@/app/api/shares/[token]/route";
import * as shares from "@/app/api/shares/route";
import { type FuzzCase, fuzzRoutes, type Route } from "../support/fuzz";
import { withLocalStack } from "../support/local-stack";

// Fuzzing the board and share-link routes (test/support/fuzz.ts says what holds for every answer).
vi.mock("@/lib/rate-limit", () => ({ enforceRateLimit: async () => {} }));
const local = withLocalStack();

const cases: FuzzCase[] = [
  ["POST /api/boards", "POST", boards.POST as Route, (s) => (s === 201 ? { boards: 1 } : {})],
  ["PATCH /api/boards/{id}", "PATCH", board.PATCH as Route, () => ({})],
  ["POST /api/boards/{id}/posters", "POST", boardPosters.POST as Route, () => ({})],
  ["POST /api/shares", "POST", shares.POST as Route, (s) => (s === 201 ? { shares: 1 } : {})],
  ["GET /api/shares", "GET", shares.GET as Route, () => ({})],
  ["DELETE /api/shares/{token}", "DELETE", share.DELETE as Route, () => ({})],
];

fuzzRoutes(cases, () => local.objectKeys());
