import { composePoster } from "../lib/design/render";
import { designSchema } from "../lib/design/schema";
import { renderPoster } from "../local/art";
import { ms, percentile } from "./stats";

// Issue 5's figures: composing a 1024×1536 poster with every layer, in process; and the preview round trip
// (POST …/design/preview at screen size) through the running app.

const design = designSchema.parse({
  template: "classic",
  title: "Midnight Harbor",
  tagline: "Some secrets surface at low tide.",
  billing:
    "A NORTHLIGHT PICTURES PRODUCTION  A FILM BY JANE DOE\nSTARRING ALEX RIVERA  SAM CHEN  MORGAN LEE\nMUSIC BY K. OSEI  EDITED BY P. NOVAK  DIRECTED BY JANE DOE",
  date: "In cinemas March 2027",
});

export async function designBench(baseUrl: string, token: string, runs: number) {
  const art = await renderPoster("a lone detective on a rainy harbor at midnight", 7, 1024, 1536);
  await composePoster(art, design);
  const compose: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await composePoster(art, design);
    compose.push(performance.now() - started);
  }

  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const created = await fetch(`${baseUrl}/api/posters`, {
    method: "POST",
    headers,
    body: JSON.stringify({ prompt: "preview bench" }),
  });
  const { id } = (await created.json()) as { id: string };
  const preview: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/posters/${id}/design/preview?width=520`, {
      method: "POST",
      headers,
      body: JSON.stringify({ ...design, titleSize: 10 + (i % 5) }), // as if a slider were moving
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`preview answered ${response.status}`);
    if (i >= 3) preview.push(performance.now() - started);
  }

  console.log("\nPoster typography");
  console.log(
    `  compose 1024×1536, all layers   p50 ${ms(percentile(compose, 50))}   p95 ${ms(percentile(compose, 95))} (target p50 ≤ 300 ms)`,
  );
  console.log(
    `  preview round trip at 520 px    p50 ${ms(percentile(preview, 50))}   p95 ${ms(percentile(preview, 95))} (target ≤ 200 ms)`,
  );
}
