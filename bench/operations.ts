import sharp from "sharp";
import { treeRss } from "./load";
import { ms, percentile } from "./stats";

// Issue 9's figures. (1) What uploading a source and running an operation on it costs beyond the model's own time:
// the signed form, the browser's POST to S3, then POST /api/posters reading the upload back, checking it with sharp,
// building the body, and storing the result — minus the emulator's time to draw its answer. (2) The server's peak
// memory while it upscales a poster to 4K and then composes a designed poster at that size: it must fit a 2 GB Lambda.

type Json = Record<string, unknown>;

export async function operationsBench(
  baseUrl: string,
  serverPid: number,
  headers: Record<string, string>,
  modelTime: () => number,
  runs: number,
) {
  const post = async (path: string, body: Json) => {
    const response = await fetch(`${baseUrl}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
    const json = (await response.json()) as Json;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };

  // A realistic upload: a comp as a JPEG photo would come (the emulator's art for a poster, re-encoded).
  const art = await post("/api/posters", { prompt: "a lone detective on a rainy harbor at midnight", seed: 3 });
  const source = await sharp(Buffer.from(await (await fetch(String(art.url))).arrayBuffer()))
    .jpeg({ quality: 90 })
    .toBuffer();

  const overhead: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const started = performance.now();
    const ticket = (await post("/api/uploads", { contentType: "image/jpeg", bytes: source.byteLength })) as {
      uploadId: string;
      url: string;
      fields: Record<string, string>;
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
    form.append("file", new Blob([new Uint8Array(source)], { type: "image/jpeg" }));
    const uploaded = await fetch(ticket.url, { method: "POST", body: form });
    if (!uploaded.ok) throw new Error(`upload: ${uploaded.status}`);
    await post("/api/posters", { operation: "remove-background", source: { uploadId: ticket.uploadId } });
    if (i >= 3) overhead.push(performance.now() - started - modelTime());
  }
  console.log(`\nUpload + operation (remove-background on an 832×1216 JPEG, ${runs} runs)`);
  console.log(
    `  overhead beyond model time   p50 ${ms(percentile(overhead, 50))}   p95 ${ms(percentile(overhead, 95))}`,
  );

  // A poster to upscale, then 4K and a full design on the 4K poster, sampling the server's memory throughout.
  const poster = await post("/api/posters", { prompt: "a lone detective on a rainy harbor at midnight", seed: 7 });
  let peak = treeRss(serverPid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(serverPid));
  }, 25);
  try {
    const big = await post("/api/posters", {
      operation: "upscale",
      mode: "conservative",
      prompt: "a lone detective on a rainy harbor at midnight",
      source: { posterId: poster.id },
    });
    const design = {
      template: "classic",
      title: "Midnight Harbor",
      tagline: "Some secrets surface at low tide.",
      billing: "A ONESHEET PRODUCTION\nDIRECTED BY A. NONE  WRITTEN BY B. NOBODY",
      date: "IN CINEMAS DECEMBER",
    };
    const response = await fetch(`${baseUrl}/api/posters/${big.id}/design`, {
      method: "PUT",
      headers,
      body: JSON.stringify(design),
    });
    if (!response.ok) throw new Error(`design: ${response.status} ${await response.text()}`);
    console.log(`\nUpscale to 4K (${big.width}×${big.height}) and compose a designed poster at that size`);
  } finally {
    clearInterval(sampler);
  }
  console.log(`  server peak RSS   ${(peak / 2 ** 20).toFixed(0)} MB (a 2 GB Lambda: 2048 MB), sampled every 25 ms`);
}
