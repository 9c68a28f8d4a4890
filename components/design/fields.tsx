"use client";

import { useState } from "react";
import { LockedMark, LockedNote } from "./font-picker";

// The design editor's controls: labelled, with their error tied to them for screen readers.

const input = "w-full rounded-md border border-edge bg-panel px-3 py-2 text-sm";

export function TextField(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  /** How to type it (read out with the field). */
  hint?: string;
  /** Why it isn't on the poster right now (the template hides it). */
  note?: string;
  multiline?: boolean;
  rows?: number;
  onChange: (value: string) => void;
}) {
  const described = [
    props.hint && `${props.id}-hint`,
    props.note && `${props.id}-note`,
    props.error && `${props.id}-error`,
  ].filter(Boolean);
  const common = {
    id: props.id,
    className: input,
    value: props.value,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": described.length ? described.join(" ") : undefined,
  };
  return (
    <div>
      <label htmlFor={props.id} className="mb-1 block text-sm font-medium">
        {props.label}
      </label>
      {props.multiline ? (
        // Grows with its text (credit lines wrap on a phone), so the last line is never hidden below the fold.
        <textarea
          rows={Math.max(props.rows ?? 4, props.value.split("\n").length + 1)}
          {...common}
          className={`${input} field-sizing-content`}
          // As tall as its rows at least (field-sizing drops `rows`): text-sm lines are 1.25rem, plus py-2.
          style={{ minHeight: `${(props.rows ?? 4) * 1.25 + 1}rem` }}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <input {...common} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.hint && (
        <p id={`${props.id}-hint`} className="mt-1 text-xs text-muted">
          {props.hint}
        </p>
      )}
      {props.note && (
        <p id={`${props.id}-note`} className="mt-1 text-sm text-accent">
          {props.note}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} className="mt-1 text-sm text-danger">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function Slider(props: {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  disabled?: boolean;
  /** Why the campaign's brand kit holds this setting (a save was refused for changing it). */
  locked?: string;
  onChange: (value: number) => void;
}) {
  return (
    <div>
      <div className="flex justify-between text-sm">
        <label htmlFor={props.id}>
          {props.label}
          {props.locked && <LockedMark />}
        </label>
        <output htmlFor={props.id} className="tabular-nums text-muted">
          {props.value}
        </output>
      </div>
      <input
        id={props.id}
        type="range"
        className="w-full"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        disabled={props.disabled}
        aria-describedby={props.locked ? `${props.id}-locked` : undefined}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      <LockedNote id={`${props.id}-locked`} message={props.locked} />
    </div>
  );
}

/** The title's place: the calmest band of the art ("auto"), or a position from top to bottom. */
export function PositionControl(props: {
  value: number | "auto" | undefined;
  placement: string;
  onChange: (value: number | "auto") => void;
}) {
  const auto = props.value === "auto";
  const [last, setLast] = useState(typeof props.value === "number" ? props.value : 70);
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={auto}
          aria-describedby="titlePlacement"
          onChange={(e) => props.onChange(e.target.checked ? "auto" : last)}
        />
        Place the title in the calmest band of the art
      </label>
      <p id="titlePlacement" role="status" className="min-h-5 text-sm text-muted">
        {auto ? props.placement : ""}
      </p>
      <Slider
        id="titleY"
        label="Title position (top to bottom)"
        min={0}
        max={100}
        step={1}
        disabled={auto}
        value={typeof props.value === "number" ? props.value : last}
        onChange={(v) => {
          setLast(v);
          props.onChange(v);
        }}
      />
    </div>
  );
}
