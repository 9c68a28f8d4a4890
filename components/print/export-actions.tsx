"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { FORMAT_NAMES, PRINT_FORMATS, type PrintFormat } from "@/lib/print/export-schema";

/** Below this a print is plainly soft (a 27×40 in one-sheet from unscaled art is about 30 ppi): Export asks first. */
export const CONFIRM_BELOW_PPI = 100;

const primary = "rounded-md bg-accent px-4 py-2 text-sm font-semibold text-ink disabled:opacity-50";
const secondary =
  "rounded-md border border-edge px-4 py-2 text-sm font-semibold hover:border-accent disabled:opacity-50";

/** The upscale worth running first, when there is one (lib/print/print-advice.ts decides). */
export interface UpscaleOffer {
  href: string;
  label: string;
  /** What it would give: "120 ppi for $0.03". */
  gives: string;
}

// The print panel's Export buttons. With unsaved changes they save the design first ("Save and export"), staying on
// the editor; at a resolution that would print soft they ask first, offering an upscale only when one would help.
export function ExportActions(props: {
  ppi: number | null;
  unsaved: boolean;
  disabled: boolean;
  upscale?: UpscaleOffer;
  onExport: (format: PrintFormat) => void;
}) {
  const [asking, setAsking] = useState<PrintFormat | null>(null);
  // The button pressed gives way to the question: focus goes to the question's first choice, not to the page.
  const upscaleChoice = useRef<HTMLAnchorElement>(null);
  const anywayChoice = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) (upscaleChoice.current ?? anywayChoice.current)?.focus();
  }, [asking]);
  const soft = props.ppi !== null && props.ppi < CONFIRM_BELOW_PPI;
  const verb = props.unsaved ? "Save and export" : "Export";
  const name = (format: PrintFormat) => FORMAT_NAMES[format];

  if (asking) {
    return (
      <div className="space-y-3 rounded-md border border-accent/50 p-3">
        <p className="text-sm">
          At {props.ppi} ppi the print will look soft, even from a few steps away.{" "}
          {props.upscale
            ? `${props.upscale.label} first gives a sharper ${name(asking)}: ${props.upscale.gives}.`
            : "No upscaler makes this art sharper at this size."}
        </p>
        <div className="flex flex-wrap gap-2">
          {props.upscale && (
            <Link ref={upscaleChoice} href={props.upscale.href} className={primary}>
              {props.upscale.label}
            </Link>
          )}
          <button
            ref={anywayChoice}
            type="button"
            className={secondary}
            onClick={() => {
              setAsking(null);
              props.onExport(asking);
            }}
          >
            Export anyway at {props.ppi} ppi
          </button>
          <button
            type="button"
            className="px-2 py-2 text-sm text-muted hover:text-white"
            onClick={() => setAsking(null)}
          >
            Cancel
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      {props.unsaved && (
        <p className="text-sm text-muted">Exports use the saved design: these save your changes first.</p>
      )}
      <div className="flex flex-wrap gap-2">
        {PRINT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            disabled={props.disabled}
            onClick={() => (soft ? setAsking(format) : props.onExport(format))}
            className={format === "pdf" ? primary : secondary}
          >
            {verb} {name(format)}
          </button>
        ))}
      </div>
    </div>
  );
}

// The layered PSD needs no print size (it is the poster's own pixels), so it is offered whatever size is picked, or
// none; with unsaved changes it saves the design first, as the print masters do.
export function LayeredExport(props: { unsaved: boolean; disabled: boolean; onExport: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <button type="button" disabled={props.disabled} onClick={props.onExport} className={secondary}>
        {props.unsaved ? "Save and export" : "Export"} {FORMAT_NAMES.psd}
      </button>
      <span className="text-xs text-muted">The poster&rsquo;s own pixels, each text on its own named layer.</span>
    </div>
  );
}
