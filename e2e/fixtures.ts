import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";

// Posters made through the REST API, for tests about what happens after generation.
export async function makePoster(
  request: APIRequestContext,
  body: Record<string, unknown>,
): Promise<{ id: string; seed: number }> {
  const response = await request.post("/api/posters", { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

export async function makePosters(request: APIRequestContext, count: number, prefix: string, concurrency = 4) {
  const ids: string[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        ids[i] = (
          await makePoster(request, { prompt: `${prefix} ${i}`, model: "stability.stable-image-core-v1:1" })
        ).id;
      }
    }),
  );
  return ids;
}
