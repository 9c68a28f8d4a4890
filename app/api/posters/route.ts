import { z } from "zod";
import { AppError } from "@/lib/errors";
import { handle, methodNotAllowed, readJsonObject } from "@/lib/http";
import { fieldErrors, type PosterRequest, posterRequestSchema } from "@/lib/models";
import { generatePoster } from "@/lib/pipeline";
import { toPosterView } from "@/lib/poster-view";
import { listPosters } from "@/lib/store/posters";

// Generation runs up to the pipeline's own timeout, just under this.
export const maxDuration = 60;

export const POST = handle(async (request) => {
  const parsed = posterRequestSchema.safeParse(await readJsonObject(request));
  if (!parsed.success) throw new AppError("invalid_input", { fields: fieldErrors(parsed.error) });
  const poster = await generatePoster(parsed.data as PosterRequest, { signal: request.signal });
  return Response.json(poster, { status: 201, headers: { location: `/api/posters/${poster.id}` } });
});

const listQuery = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});

export const GET = handle(async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = listQuery.safeParse(params);
  if (!query.success) throw new AppError("invalid_input", { fields: fieldErrors(query.error) });
  const page = await listPosters(query.data);
  return Response.json({ posters: await Promise.all(page.posters.map(toPosterView)), nextCursor: page.nextCursor });
});

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
