"use client";

import { useEffect, useState } from "react";
import { contrastAgainst, MIN_CONTRAST, type PixelArea } from "@/lib/design/contrast";
import { FONT_IDS, FONTS, type FontId } from "@/lib/design/fonts";
import { type DesignInput, LAYER_SCALE, type LayerId, type LayerPlacement } from "@/lib/design/schema";
import { LockedMark, LockedNote } from "../font-picker";
import { PREVIEW_WIDTH } from "../use-preview";
import { type CanvasLayerState, inkPixels, LAYER_NAMES } from "./layer-geometry";

/** Which of the design's fonts sets a layer, and what else shares it. */
/** The design's defaults (designSchema's), for a design that doesn't name its fonts yet. */
const DEFAULT_FONT = { titleFont: "bebas-neue", textFont: "oswald", billingFont: "league-gothic" } as const;

const FONT_OF: Record<LayerId, { key: "titleFont" | "textFont" | "billingFont"; shared?: string }> = {
  title: { key: "titleFont" },
  aboveTitle: { key: "textFont", shared: "the tagline and date" },
  tagline: { key: "textFont", shared: "the credits above the title and the date" },
  date: { key: "textFont", shared: "the tagline and the credits above the title" },
  billing: { key: "billingFont" },
};
/** The tracking the layout sets each layer other than the title with, in ems. */
const TEMPLATE_TRACKING: Record<LayerId, string> = {
  title: "",
  aboveTitle: "0.08 em",
  tagline: "0.04 em",
  date: "0.12 em",
  billing: "0.03 em, opened as each line is justified",
};

const input = "w-full rounded-md border border-edge bg-panel px-2 py-1 text-sm";

// The selected layer's properties beside the canvas: font, size (its scale from the template's), tracking, colour
// with a picker, and the WCAG contrast of that colour against the art behind the layer's box, read in the browser
// from the preview's own pixels where the layer now is.
export function LayerProperties(props: {
  layer: CanvasLayerState | null;
  design: DesignInput;
  set: <K extends keyof DesignInput>(key: K, value: DesignInput[K]) => void;
  locked: Record<string, string>;
  ground: PixelArea | null;
  onPlace: (placement: LayerPlacement) => void;
  onReset: () => void;
}) {
  const { layer: l, design, set, locked } = props;
  if (!l)
    return (
      <section aria-labelledby="layer-heading" className="w-full space-y-2 rounded-lg border border-edge p-4">
        <h2 id="layer-heading" className="font-medium">
          Layer
        </h2>
        <p className="text-sm text-muted">
          Select a layer on the canvas (click it, or Tab to it) to set its properties.
        </p>
      </section>
    );
  const name = LAYER_NAMES[l.layer];
  const isTitle = l.layer === "title";
  const font = FONT_OF[l.layer];
  const colorKey = isTitle ? "titleColor" : "textColor";
  const chosen = design[colorKey];
  const color = chosen ?? l.color;
  const colorLock = (isTitle ? locked.titleColor : undefined) ?? locked.palette;
  const sizeLock = isTitle ? locked.titleSize : undefined;
  const fontLock = locked[font.key];
  const large = isTitle;
  const minimum = large ? MIN_CONTRAST.large : MIN_CONTRAST.text;
  const contrast =
    props.ground && !l.logo
      ? contrastAgainst(color, props.ground, inkPixels(l, l.target, props.ground.width, props.ground.height))
      : undefined;
  const low = contrast !== undefined && contrast.ratio < minimum;
  const placed = design.layers?.[l.layer] !== undefined;

  return (
    <section
      aria-labelledby="layer-heading"
      className="w-full space-y-3 rounded-lg border border-edge p-4"
      style={{ maxWidth: PREVIEW_WIDTH }}
    >
      <h2 id="layer-heading" className="font-medium">
        Layer: {name}
        {l.logo ? " (logo)" : ""}
      </h2>
      {!l.logo && (
        <div>
          <label htmlFor="layer-font" className="mb-1 block text-sm">
            Font{fontLock && <LockedMark />}
          </label>
          <select
            id="layer-font"
            className={input}
            value={design[font.key] ?? DEFAULT_FONT[font.key]}
            disabled={Boolean(fontLock)}
            aria-describedby={
              [font.shared && "layer-font-shared", fontLock && "layer-font-locked"].filter(Boolean).join(" ") ||
              undefined
            }
            onChange={(e) => {
              const id = FONT_IDS.find((f) => f === e.target.value);
              if (id) set(font.key, id satisfies FontId);
            }}
          >
            {FONT_IDS.map((id) => (
              <option key={id} value={id}>
                {FONTS[id].label}
              </option>
            ))}
          </select>
          {font.shared && (
            <p id="layer-font-shared" className="mt-1 text-xs text-muted">
              Shared with {font.shared}.
            </p>
          )}
          <LockedNote id="layer-font-locked" message={fontLock} />
        </div>
      )}
      <div>
        <div className="flex justify-between text-sm">
          <label htmlFor="layer-scale">Size{sizeLock && <LockedMark />}</label>
          <output htmlFor="layer-scale" className="tabular-nums text-muted">
            {Math.round(l.target.scale * 100)}%
          </output>
        </div>
        <input
          id="layer-scale"
          type="range"
          className="w-full"
          min={LAYER_SCALE.min * 100}
          max={LAYER_SCALE.max * 100}
          step={5}
          value={Math.round(l.target.scale * 100)}
          disabled={Boolean(sizeLock)}
          aria-describedby={sizeLock ? "layer-scale-locked" : "layer-scale-hint"}
          onChange={(e) => props.onPlace({ ...l.target, scale: Number(e.target.value) / 100 })}
        />
        <p id="layer-scale-hint" className="text-xs text-muted">
          Of the template's size; the corner handle on the canvas scales it too.
        </p>
        <LockedNote id="layer-scale-locked" message={sizeLock} />
      </div>
      {!l.logo &&
        (isTitle ? (
          <div>
            <div className="flex justify-between text-sm">
              <label htmlFor="layer-tracking">Tracking{locked.letterSpacing && <LockedMark />}</label>
              <output htmlFor="layer-tracking" className="tabular-nums text-muted">
                {(design.letterSpacing ?? 0.02).toFixed(2)} em
              </output>
            </div>
            <input
              id="layer-tracking"
              type="range"
              className="w-full"
              min={-0.05}
              max={0.5}
              step={0.01}
              value={design.letterSpacing ?? 0.02}
              disabled={Boolean(locked.letterSpacing)}
              aria-describedby={locked.letterSpacing ? "layer-tracking-locked" : undefined}
              onChange={(e) => set("letterSpacing", Number(e.target.value))}
            />
            <LockedNote id="layer-tracking-locked" message={locked.letterSpacing} />
          </div>
        ) : (
          <p className="text-sm">
            Tracking <span className="text-muted">— {TEMPLATE_TRACKING[l.layer]}, as the template sets it</span>
          </p>
        ))}
      {!l.logo && (
        <ColorField
          value={color}
          automatic={chosen === undefined}
          shared={!isTitle}
          locked={colorLock}
          onChange={(c) => set(colorKey, c)}
        />
      )}
      {contrast && (
        <div aria-live="polite" className="space-y-1 text-sm">
          <p id="layer-contrast">
            Contrast against the art behind it: <strong className="tabular-nums">{contrast.ratio.toFixed(2)}:1</strong>
            <span className="text-muted"> (the least readable part: {contrast.worst.toFixed(1)}:1)</span>
          </p>
          {low && (
            <p className="text-danger">
              Low contrast: {large ? "a title" : "text this size"} needs {minimum}:1 at least (WCAG). Pick a{" "}
              {relativeHint(color)} colour, move the layer, or raise the scrim.
            </p>
          )}
        </div>
      )}
      {placed && (
        <div className="space-y-1">
          {isTitle && (
            <p className="text-xs text-muted">
              Placed by hand: the title position slider no longer moves it (the credits above it still follow the
              slider).
            </p>
          )}
          <button type="button" className="text-sm underline" onClick={props.onReset}>
            Back to the template's place
          </button>
        </div>
      )}
    </section>
  );
}

/** "darker" for a light colour, "lighter" for a dark one. */
function relativeHint(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const light = ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114 > 128;
  return light ? "darker" : "lighter";
}

/** A colour picker and its hex, with "Automatic" (light or dark for the art, picked at render). */
function ColorField(props: {
  value: string;
  automatic: boolean;
  shared: boolean;
  locked?: string;
  onChange: (color: string | undefined) => void;
}) {
  const [hex, setHex] = useState(props.value);
  useEffect(() => setHex(props.value), [props.value]);
  const disabled = Boolean(props.locked);
  return (
    <fieldset className="space-y-1" aria-describedby={props.locked ? "layer-color-locked" : undefined}>
      <legend className="text-sm">
        Colour{props.automatic ? " (automatic)" : ""}
        {props.locked && <LockedMark />}
      </legend>
      <div className="flex items-center gap-2">
        <input
          id="layer-color"
          type="color"
          aria-label="Colour picker"
          className="h-8 w-10 shrink-0 cursor-pointer rounded border border-edge bg-panel"
          value={props.value.toLowerCase()}
          disabled={disabled}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <label htmlFor="layer-hex" className="sr-only">
          Colour hex
        </label>
        <input
          id="layer-hex"
          className={input}
          value={hex}
          disabled={disabled}
          spellCheck={false}
          onChange={(e) => {
            setHex(e.target.value);
            if (/^#[0-9a-fA-F]{6}$/.test(e.target.value)) props.onChange(e.target.value.toLowerCase());
          }}
        />
      </div>
      {!props.automatic && !disabled && (
        <button type="button" className="text-xs underline" onClick={() => props.onChange(undefined)}>
          Automatic (light or dark for the art)
        </button>
      )}
      {props.shared && <p className="text-xs text-muted">Shared by every line but the title.</p>}
      <LockedNote id="layer-color-locked" message={props.locked} />
    </fieldset>
  );
}
