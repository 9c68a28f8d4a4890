"use client";

import { useRef, useState } from "react";
import { BeforeAfter } from "@/components/develop/before-after";
import { MaskCanvas } from "@/components/develop/mask-canvas";
import { rasterMask } from "@/components/develop/mask-raster";
import type { Margins, ReframeTarget } from "@/components/develop/reframe-geometry";
import { ReframeView } from "@/components/develop/reframe-view";
import { UploadDrop } from "@/components/develop/upload-drop";
import { ASPECT_RATIO_IDS, ASPECT_RATIOS, type AspectRatio } from "@/lib/models/aspect-ratios";
import { pick } from "@/lib/tuples";

// Each component with stand-in images and its output shown as plain text (and the mask as a data URL) for the tests.

function art(hue: number, label: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="900" viewBox="0 0 600 900">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,45%)"/>
<stop offset="1" stop-color="hsl(${hue + 40},50%,15%)"/></linearGradient></defs>
<rect width="600" height="900" fill="url(#g)"/><circle cx="300" cy="360" r="160" fill="hsl(${hue + 120},65%,55%)"/>
<text x="300" y="760" font-family="sans-serif" font-size="72" fill="#fff" text-anchor="middle">${label}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

const SOURCE = art(220, "SOURCE");
const DERIVED = art(20, "DERIVED");

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

export function DevelopKit(props: { mask: { width: number; height: number } }) {
  const [mask, setMask] = useState<{ url: string; size: number; ms: number } | null>(null);
  // A newer change's mask wins over a slower older one.
  const latest = useRef(0);
  const [ratio, setRatio] = useState<AspectRatio | "custom">("16:9");
  const [margins, setMargins] = useState<Margins | null>(null);
  const [received, setReceived] = useState("");
  const target: ReframeTarget =
    ratio === "custom" ? { margins: { left: 100, right: 100, up: 0, down: 300 } } : { aspectRatio: ratio };

  return (
    <>
      <section aria-labelledby="mask-h" className="space-y-3">
        <h2 id="mask-h" className="text-xl font-semibold">
          Mask
        </h2>
        <MaskCanvas
          imageUrl={SOURCE}
          width={props.mask.width}
          height={props.mask.height}
          onChange={(drawing) => {
            // The PNG the Develop panel would send: drawn at the image's size by the same worker.
            const mine = ++latest.current;
            const started = performance.now();
            if (!drawing) setMask(null);
            else
              void rasterMask(drawing).then(async (blob) => {
                // How long drawing and encoding took (the bench reads it), before the test's data URL is made.
                const ms = performance.now() - started;
                const url = blob ? await blobToDataUrl(blob) : "";
                if (mine === latest.current) setMask(blob ? { url, size: blob.size, ms } : null);
              });
          }}
        />
        <output
          aria-label="Mask result"
          data-png={mask?.url ?? ""}
          data-ms={mask ? mask.ms.toFixed(1) : ""}
          className="block text-sm text-muted"
        >
          {mask ? `Mask PNG, ${mask.size} bytes` : "No mask"}
        </output>
      </section>

      <section aria-labelledby="reframe-h" className="space-y-3">
        <h2 id="reframe-h" className="text-xl font-semibold">
          Reframe
        </h2>
        <label className="flex items-center gap-2 text-sm">
          Target
          <select
            className="rounded-md border border-edge bg-panel px-2 py-1"
            value={ratio}
            onChange={(e) => setRatio(pick(e.target.value, [...ASPECT_RATIO_IDS, "custom"] as const) ?? "custom")}
          >
            {ASPECT_RATIOS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id} {r.name}
              </option>
            ))}
            <option value="custom">Custom margins</option>
          </select>
        </label>
        <ReframeView imageUrl={SOURCE} width={600} height={900} target={target} onChange={setMargins} />
        <output aria-label="Reframe result" className="block text-sm text-muted">
          {margins ? JSON.stringify(margins) : "none"}
        </output>
      </section>

      <section aria-labelledby="compare-h" className="space-y-3">
        <h2 id="compare-h" className="text-xl font-semibold">
          Compare
        </h2>
        <div className="max-w-md">
          <BeforeAfter beforeUrl={SOURCE} afterUrl={DERIVED} width={600} height={900} />
        </div>
      </section>

      <section aria-labelledby="upload-h" className="space-y-3">
        <h2 id="upload-h" className="text-xl font-semibold">
          Upload
        </h2>
        <UploadDrop
          label="Upload a reference image"
          status={received}
          onFile={(file) => setReceived(`Received ${file.name} (${file.size} bytes, ${file.type || "no type"})`)}
        />
      </section>
    </>
  );
}
