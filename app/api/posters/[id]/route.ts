import { deleteObjects } from "@/lib/aws/s3";
import { AppError } from "@/lib/errors";
import { handle, methodNotAllowed } from "@/lib/http";
import { toPosterView } from "@/lib/poster-view";
import { deletePoster, getPoster } from "@/lib/store/posters";

type Context = { params: Promise<{ id: string }> };

// Ids are 16 url-safe characters; anything else can't exist, so it is a 404 without a table read.
const ID = /^[A-Za-z0-9_-]{16}$/;

async function posterId(context: Context) {
  const { id } = await context.params;
  if (!ID.test(id)) throw new AppError("not_found");
  return id;
}

export const GET = handle<Context>(async (_request, context) => {
  const record = await getPoster(await posterId(context));
  if (!record) throw new AppError("not_found");
  return Response.json(await toPosterView(record));
});

export const DELETE = handle<Context>(async (_request, context) => {
  // The item goes first, so the poster leaves listings at once even if removing its objects is slow.
  const record = await deletePoster(await posterId(context));
  if (!record) throw new AppError("not_found");
  await deleteObjects([record.imageKey, record.thumbKey]);
  return new Response(null, { status: 204 });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH };
