import { z } from "zod";
import { designSchema } from "@/lib/design/schema";
import { handle, methodNotAllowed, parseWith, readJsonObject } from "@/lib/http";
import { previewDesign } from "@/lib/posters/design";
import { enforceRenderBudget } from "@/lib/rate-limit";
import { boundedImage } from "@/lib/response-image";

type Context = { params: Promise<{ id: string }> };

const query = z.object({ width: z.coerce.number().int().min(120).max(1200).default(520) });

/** The design JSON → the composed poster at screen size, by the same code that renders the saved one: a PNG, or a
 * WebP when the PNG would be over 1 MB (answers through the function stay small). */
export const POST = handle<Context>(async (request, context, member) => {
  await enforceRenderBudget(member.sub);
  const { width } = parseWith(query, Object.fromEntries(new URL(request.url).searchParams));
  const design = parseWith(designSchema, await readJsonObject(request));
  const { png, warnings, placement } = await previewDesign((await context.params).id, design, width);
  const image = await boundedImage(png);
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      "content-type": image.contentType,
      "cache-control": "no-store",
      // The editor shows these beside the preview.
      "x-design-warnings": encodeURIComponent(JSON.stringify(warnings)),
      // Where an "auto" title went ("Title placed in the top band: calmest area.").
      ...(placement ? { "x-design-placement": encodeURIComponent(placement) } : {}),
    },
  });
});

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
