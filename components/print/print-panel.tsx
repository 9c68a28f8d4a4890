"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";
import type { ExportView, PrintArt } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import { fieldErrors } from "@/lib/models/request-schema";
import { formatCents } from "@/lib/money";
import { type ExportFormat, type ExportRequestInput, exportRequestSchema } from "@/lib/print/export-schema";
import { type FittingReach, printWarnings, upscaleAdvice } from "@/lib/print/print-advice";
import { coverCrop, FULL_PRINT_PPI, MIN_PRINT_PPI } from "@/lib/print/resolution";
import { isPrintSizeId, PRINT_SIZE_IDS, PRINT_SIZES, type PrintSizeId, resolveSize } from "@/lib/print/sizes";
import { pick } from "@/lib/tuples";
import { PREVIEW_WIDTH } from "../design/use-preview";
import { ExportActions, LayeredExport } from "./export-actions";
import { ExportItem } from "./export-list";
import type { Guides } from "./print-guides";
import { UpscaleOptions } from "./upscale-options";
import { useExports } from "./use-exports";

// The design editor's print panel: pick a print size (the guides appear over the preview), see the art's real
// resolution there with the upscale and reframe offers, and export the saved design as a PDF or a CMYK TIFF; and,
// needing no print size, as the layered PSD (the poster's own pixels, its lettering as layers).

const input = "w-full rounded-md border border-edge bg-panel px-3 py-2 text-sm";

export function PrintPanel(props: {
  posterId: string;
  /** The art a master would place (the largest upscale, if any). */
  art: PrintArt;
  /** The poster's masters made before this visit (newest first): listed, and followed while still being made. */
  exports: ExportView[];
  /** The editor has changes not saved yet: exports use the saved design. */
  unsaved: boolean;
  /** Saves the design without leaving the editor; false when it was refused (the editor says why). */
  onSave: () => Promise<boolean>;
  onGuides: (guides: Guides | null) => void;
}) {
  const id = useId();
  // The chosen size lives in the URL (?print=us-one-sheet): a reload, or coming back to the editor, keeps it.
  const asked = useSearchParams().get("print") ?? "";
  const [sizeId, setSize] = useState<PrintSizeId | "custom" | "">(
    asked === "custom" || isPrintSizeId(asked) ? asked : "",
  );
  function setSizeId(next: PrintSizeId | "custom" | "") {
    setSize(next);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set("print", next);
    else url.searchParams.delete("print");
    window.history.replaceState(window.history.state, "", url);
  }
  const [custom, setCustom] = useState({ widthIn: "30", heightIn: "40" });
  const [bleed, setBleed] = useState("");
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState("");
  const { exports, add } = useExports(props.exports, (done) =>
    setMessage(
      done.status === "ready"
        ? `The ${done.format === "pdf" ? "PDF" : "TIFF"} for ${done.sizeLabel} is ready: download it below.`
        : `The ${done.format === "pdf" ? "PDF" : "TIFF"} for ${done.sizeLabel} failed: see why below.`,
    ),
  );

  const request: ExportRequestInput | null = sizeId
    ? {
        format: "pdf",
        size: sizeId === "custom" ? { widthIn: Number(custom.widthIn), heightIn: Number(custom.heightIn) } : sizeId,
        ...(bleed.trim() ? { bleedIn: Number(bleed) } : {}),
      }
    : null;
  const parsed = request ? exportRequestSchema.safeParse(request) : null;
  const errors = parsed && !parsed.success ? fieldErrors(parsed.error) : {};
  const size =
    parsed?.success && parsed.data.format !== "psd" ? resolveSize(parsed.data.size, parsed.data.bleedIn) : null;
  const crop = size ? coverCrop(props.art.width, props.art.height, size) : null;
  const advice = size ? upscaleAdvice(props.art, size) : null;
  const ppi = advice?.ppi ?? null;
  const notes = size && crop ? printWarnings(props.art, size, crop, props.art.upscaled) : [];
  const cropped = notes.some((n) => n.includes("cropped"));

  const { onGuides } = props;
  const guideKey = size ? JSON.stringify(size) : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: the guides follow the size's value, not its identity
  useEffect(() => {
    onGuides(size ? { size, art: props.art } : null);
  }, [guideKey, onGuides, props.art.width, props.art.height]);

  async function exportAs(format: ExportFormat) {
    // A print master needs a valid size; the layered PSD takes none.
    const body: ExportRequestInput | null =
      format === "psd" ? { format } : request && parsed?.success ? { ...request, format } : null;
    if (!body) return;
    setBusy(format);
    try {
      if (props.unsaved) {
        setMessage("Saving the design first…");
        if (!(await props.onSave())) {
          setMessage("The design wasn't saved, so nothing was exported: see the message by Save poster.");
          return;
        }
      }
      setMessage(
        format === "pdf"
          ? "Making the print PDF…"
          : format === "psd"
            ? "Making the layered PSD…"
            : "Queueing the CMYK TIFF…",
      );
      const result = await api.exportPoster(props.posterId, body);
      add(result);
      setMessage(
        result.status === "ready"
          ? `The ${format.toUpperCase()} is ready.`
          : "The TIFF is being made: its download appears below when it is ready (a large size takes a few minutes).",
      );
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't export: try again.");
    } finally {
      setBusy(null);
    }
  }

  // An upscale runs on the art a master would place (so the result is its version, and the next master's art);
  // the Develop panel opens with that upscaler picked and links back here, where the page measures the art anew
  // (a finished run refreshes the router, so the browser's Back does too).
  const back = `&from=${props.posterId}&print=${sizeId}`;
  const upscaleLink = (reach: FittingReach) =>
    `/posters/${props.art.posterId}?develop=upscale&mode=${reach.mode}${back}#develop`;
  const reframeLink = `/posters/${props.posterId}?develop=reframe${back}#develop`;
  const bestRun = advice ? (advice.recommended ?? advice.useful[0]) : undefined;

  return (
    <section
      aria-labelledby={`${id}-h`}
      className="mx-auto w-full space-y-4 rounded-lg border border-edge p-4"
      style={{ maxWidth: PREVIEW_WIDTH }}
    >
      <h2 id={`${id}-h`} className="font-display text-2xl tracking-wide">
        Print
      </h2>
      <div>
        <label htmlFor={`${id}-size`} className="mb-1 block text-sm font-medium">
          Print size
        </label>
        <select
          id={`${id}-size`}
          className={input}
          value={sizeId}
          onChange={(e) => setSizeId(pick(e.target.value, [...PRINT_SIZE_IDS, "custom", ""] as const) ?? "")}
        >
          <option value="">None (screen only)</option>
          {PRINT_SIZE_IDS.map((s) => (
            <option key={s} value={s}>
              {PRINT_SIZES[s].label}
            </option>
          ))}
          <option value="custom">Custom size…</option>
        </select>
      </div>
      {sizeId === "custom" && (
        <div className="grid grid-cols-2 gap-3">
          {(["widthIn", "heightIn"] as const).map((side) => (
            <div key={side}>
              <label htmlFor={`${id}-${side}`} className="mb-1 block text-sm font-medium">
                {side === "widthIn" ? "Width (in)" : "Height (in)"}
              </label>
              <input
                id={`${id}-${side}`}
                type="number"
                inputMode="decimal"
                min={1}
                max={120}
                step="any"
                className={input}
                value={custom[side]}
                onChange={(e) => setCustom((c) => ({ ...c, [side]: e.target.value }))}
              />
            </div>
          ))}
        </div>
      )}
      {sizeId && (
        <div>
          <label htmlFor={`${id}-bleed`} className="mb-1 block text-sm font-medium">
            Bleed (in)
          </label>
          <input
            id={`${id}-bleed`}
            type="number"
            inputMode="decimal"
            min={0}
            max={1}
            step="any"
            placeholder={sizeId === "custom" ? "0.125" : String(Math.round(PRINT_SIZES[sizeId].bleedIn * 1000) / 1000)}
            className={input}
            value={bleed}
            aria-describedby={errors.bleedIn ? `${id}-bleed-error` : undefined}
            onChange={(e) => setBleed(e.target.value)}
          />
          {errors.bleedIn && (
            <p id={`${id}-bleed-error`} className="mt-1 text-sm text-danger">
              {errors.bleedIn}
            </p>
          )}
        </div>
      )}
      {errors.size && <p className="text-sm text-danger">{errors.size}</p>}

      {size && ppi !== null && (
        <div className="space-y-2 text-sm">
          <p className="text-xs text-muted">
            Over the preview: <span className="text-[#22d3ee]">solid line</span> the trim,{" "}
            <span className="text-[#f472b6]">dashed</span> the safe area for text, shaded what the crop cuts away. The
            master re-lays the lettering on the trim.
          </p>
          <p data-testid="effective-ppi" className="font-medium">
            {ppi} ppi at this size
            {props.art.upscaled ? ` (from the upscaled art, ${props.art.width}×${props.art.height} px)` : ""}
            {ppi >= FULL_PRINT_PPI
              ? ": sharp even close up."
              : ppi >= MIN_PRINT_PPI
                ? "."
                : ": too soft to print well."}
          </p>
          <ul className="space-y-1 text-accent">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          {/* None worth running: the sentence above says so, and a list of runs not to make would only confuse. */}
          {advice && advice.target !== null && advice.useful.length > 0 && (
            <UpscaleOptions advice={advice} hrefFor={upscaleLink} />
          )}
          {cropped && (
            <Link href={reframeLink} className="underline">
              Reframe to fill instead of cropping
            </Link>
          )}
        </div>
      )}

      {size && (
        <ExportActions
          ppi={ppi}
          unsaved={props.unsaved}
          disabled={busy !== null || !parsed?.success}
          upscale={
            bestRun && {
              href: upscaleLink(bestRun),
              label: `Upscale with ${bestRun.label}`,
              gives: `${bestRun.ppi} ppi for ${formatCents(bestRun.cents)}`,
            }
          }
          onExport={(format) => void exportAs(format)}
        />
      )}
      <LayeredExport unsaved={props.unsaved} disabled={busy !== null} onExport={() => void exportAs("psd")} />
      <p role="status" className="min-h-5 text-sm text-muted">
        {message}
      </p>
      {exports.length > 0 && (
        <ul aria-label="Print masters of this poster" className="space-y-3">
          {exports.map((e) => (
            <ExportItem key={e.exportId} item={e} />
          ))}
        </ul>
      )}
    </section>
  );
}
