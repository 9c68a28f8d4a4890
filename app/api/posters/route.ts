import { randomUUID } from "node:crypto";
import { z } from "zod";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import {
  ASPECT_RATIO_IDS,
  OPERATION_FILTERS,
  operationRequestSchema,
  POSTER_MODEL_IDS,
  POSTER_STATUSES,
  posterRequestSchema,
  refuseRetiredModel,
} from "@/lib/models";
import { makePoster, priceOf } from "@/lib/posters/pipeline";
import { prepareGeneration, prepareOperation } from "@/lib/posters/prepare";
import { listPosterViews, versionsByDefault } from "@/lib/posters/service";
import { timed } from "@/lib/server-timing";
import { withBudget } from "@/lib/spending";
import { nonEmpty } from "@/lib/tuples";

// Generation runs up to the pipeline's own timeout, just under this.
export const maxDuration = 60;

/** The request as the catalogue entry it names ("generate" unless it says otherwise), prepared. */
async function prepare({ operation = "generate", ...body }: Record<string, unknown>, member: { sub: string }) {
  if (operation !== "generate") {
    return prepareOperation(parseWith(operationRequestSchema, { operation, ...body }), member);
  }
  // A retired model gets its own answer (410), not "unknown model": old scripts and bookmarks name it.
  refuseRetiredModel(body.model);
  return prepareGeneration(parseWith(posterRequestSchema, body));
}

// The per-minute count is part of the budget's admission write (one round trip fewer on every generation).
export const POST = handle(
  async (request, _context, member) => {
    // Every entry of the catalogue is prepared first (its inputs loaded and checked: a bad image writes nothing),
    // then admitted by the budget and made by the one pipeline.
    const prepared = await timed("prepare", async () => prepare(await readJsonObject(request), member));
    const poster = await withBudget(member, priceOf(prepared), randomUUID(), (billing) =>
      makePoster(prepared, {
        signal: request.signal,
        createdBy: member,
        onModelAnswered: billing.modelAnswered,
        writeItem: billing.writeItem,
      }),
    );
    return Response.json(poster, { status: 201, headers: { location: `/api/posters/${poster.id}` } });
  },
  { countsOwnRequests: true },
);

const listQuery = z.strictObject({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  model: z.enum(POSTER_MODEL_IDS, { error: "Filter by one of the catalogue's model or image service ids." }).optional(),
  aspectRatio: z.enum(ASPECT_RATIO_IDS, { error: "Filter by one of the nine aspect ratios." }).optional(),
  favorite: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  operation: z
    .enum(
      nonEmpty(
        OPERATION_FILTERS.map((o) => o.id),
        "operations",
      ),
      `Filter by how posters were made: ${OPERATION_FILTERS.map((o) => o.id).join(", ")}.`,
    )
    .optional(),
  status: z.enum(POSTER_STATUSES, { error: `Filter by review status: ${POSTER_STATUSES.join(", ")}.` }).optional(),
  // Only the caller's own posters (the studio's feed).
  mine: z
    .enum(["true", "false"], { error: "mine is true (only your posters) or false." })
    .transform((v) => v === "true")
    .optional(),
  versions: z
    .enum(["fold", "show"], { error: "versions is fold (originals only) or show (every version)." })
    .optional(),
  /** Words that must all appear in the prompt (any case). */
  q: z.string().trim().max(200, "Keep the search under 200 characters.").optional(),
  /** Who made it: an OpenID subject, or "me". */
  maker: z.string().trim().min(1).max(200, "maker is a member's id, or me.").optional(),
  /** Posters on this board, in the board's order. */
  boardId: z.string().max(64, "boardId is a board's id.").optional(),
});

export const GET = handle(async (request, _context, member) => {
  const { cursor, limit, versions, q, maker, mine, ...filter } = parseWith(
    listQuery,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const shown = versions ?? versionsByDefault(filter.operation);
  return Response.json(
    await listPosterViews({
      cursor,
      limit,
      filter: {
        ...filter,
        versions: shown,
        search: q || undefined,
        // mine=true (the studio's feed) is maker=me.
        maker: mine || maker === "me" ? member.sub : maker,
      },
      viewer: member.sub,
    }),
  );
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
