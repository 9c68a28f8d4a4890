import { vi } from "vitest";
import * as memberToken from "@/app/api/members/[sub]/tokens/[id]/route";
import * as memberTokens from "@/app/api/members/[sub]/tokens/route";
import * as spending from "@/app/api/spending/route";
import * as token from "@/app/api/tokens/[id]/route";
import * as tokens from "@/app/api/tokens/route";
import * as uploads from "@/app/api/uploads/route";
import { type FuzzCase, fuzzRoutes, type Route } from "../support/fuzz";
import { withLocalStack } from "../support/local-stack";

// Fuzzing spending, API tokens (a member's own and an admin's view of others') and upload forms
// (test/support/fuzz.ts says what holds for every answer).
vi.mock("@/lib/rate-limit", () => ({ enforceRateLimit: async () => {} }));
const local = withLocalStack();

const cases: FuzzCase[] = [
  ["GET /api/spending", "GET", spending.GET as Route, () => ({})],
  ["GET /api/tokens", "GET", tokens.GET as Route, () => ({})],
  ["POST /api/tokens", "POST", tokens.POST as Route, () => ({})],
  ["DELETE /api/tokens/{id}", "DELETE", token.DELETE as Route, () => ({})],
  // A signed upload form writes nothing: the browser's POST to S3 does, later.
  ["POST /api/uploads", "POST", uploads.POST as Route, () => ({})],
  ["GET /api/members/{sub}/tokens", "GET", memberTokens.GET as Route, () => ({})],
  ["DELETE /api/members/{sub}/tokens/{id}", "DELETE", memberToken.DELETE as Route, () => ({})],
];

fuzzRoutes(cases, () => local.objectKeys());
