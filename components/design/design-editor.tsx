"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/lib/client/api";
import type { FontId } from "@/lib/design/fonts";
import { type DesignInput, designSchema, TEMPLATES, type TemplateId } from "@/lib/design/schema";
import { fieldErrors } from "@/lib/models/request-schema";
import { ConfirmButton } from "../confirm-button";
import { FontPicker } from "./font-picker";
import { PREVIEW_WIDTH, useDesignPreview } from "./use-preview";

const input = "w-full rounded-md border border-edge bg-panel px-3 py-2 text-sm";

function Slider(props: {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange: (v: number) => void;
}) {
  return (
    <div>
      <div className="flex justify-between text-sm">
        <label htmlFor={props.id}>{props.label}</label>
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
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </div>
  );
}

export function DesignEditor(props: {
  posterId: string;
  initial: DesignInput;
  hasDesign: boolean;
  width: number;
  height: number;
}) {
  const router = useRouter();
  const [design, setDesign] = useState<DesignInput>(props.initial);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const set = <K extends keyof DesignInput>(key: K, value: DesignInput[K]) =>
    setDesign((d) => ({ ...d, [key]: value }));

  const parsed = designSchema.safeParse(design);
  const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...serverErrors };
  const preview = useDesignPreview(props.posterId, design, parsed.success);

  async function call(method: "PUT" | "DELETE") {
    setMessage(method === "PUT" ? "Saving the full-size poster…" : "Removing the design…");
    const response = await fetch(`/api/posters/${props.posterId}/design`, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "PUT" ? JSON.stringify(design) : undefined,
    });
    if (response.ok) {
      router.push(`/posters/${props.posterId}`);
      router.refresh();
      return;
    }
    const { error } = await response.json();
    const problem = new ApiError(error.code, error.message, error.fields);
    setServerErrors(problem.fields ?? {});
    setMessage(problem.message);
  }

  const text = (key: "title" | "tagline" | "date", label: string) => (
    <div>
      <label htmlFor={`design-${key}`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={`design-${key}`}
        className={input}
        value={design[key] ?? ""}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `design-${key}-error` : undefined}
        onChange={(e) => set(key, e.target.value)}
      />
      {errors[key] && (
        <p id={`design-${key}-error`} className="mt-1 text-sm text-danger">
          {errors[key]}
        </p>
      )}
    </div>
  );

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_380px]">
      <div className="flex flex-col items-center gap-2">
        <div
          className="relative"
          style={{ width: PREVIEW_WIDTH, maxWidth: "100%", aspectRatio: `${props.width} / ${props.height}` }}
        >
          {preview.url && (
            // biome-ignore lint/performance/noImgElement: a blob URL from the preview renderer
            <img
              src={preview.url}
              alt="Preview of the designed poster"
              className="h-full w-full rounded-lg border border-edge"
            />
          )}
          {preview.busy && (
            <span className="absolute right-2 top-2 rounded bg-black/70 px-2 py-1 text-xs">Rendering…</span>
          )}
        </div>
        <ul aria-label="Layout notes" className="max-w-prose space-y-1 text-sm text-accent">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </div>
      <form
        aria-label="Poster design"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.success) void call("PUT");
        }}
      >
        <fieldset>
          <legend className="mb-1 text-sm font-medium">Template</legend>
          {(Object.keys(TEMPLATES) as TemplateId[]).map((id) => (
            <label key={id} className="flex items-start gap-2 py-1 text-sm">
              <input
                type="radio"
                name="template"
                checked={design.template === id}
                onChange={() => set("template", id)}
              />
              <span>
                {TEMPLATES[id].label} <span className="text-muted">— {TEMPLATES[id].blurb}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {text("title", "Title")}
        {text("tagline", "Tagline")}
        <div>
          <label htmlFor="design-billing" className="mb-1 block text-sm font-medium">
            Billing block (one credit line per line)
          </label>
          <textarea
            id="design-billing"
            rows={4}
            className={input}
            value={design.billing ?? ""}
            aria-invalid={errors.billing ? true : undefined}
            onChange={(e) => set("billing", e.target.value)}
          />
          {errors.billing && <p className="mt-1 text-sm text-danger">{errors.billing}</p>}
        </div>
        {text("date", "Release date")}
        <FontPicker
          legend="Title font"
          name="titleFont"
          value={(design.titleFont ?? "bebas-neue") as FontId}
          onChange={(f) => set("titleFont", f)}
        />
        <FontPicker
          legend="Tagline and date font"
          name="textFont"
          value={(design.textFont ?? "oswald") as FontId}
          onChange={(f) => set("textFont", f)}
        />
        <FontPicker
          legend="Billing font"
          name="billingFont"
          value={(design.billingFont ?? "league-gothic") as FontId}
          onChange={(f) => set("billingFont", f)}
        />
        <Slider
          id="titleSize"
          label="Title size"
          min={4}
          max={24}
          step={0.5}
          value={design.titleSize ?? 12}
          onChange={(v) => set("titleSize", v)}
        />
        <Slider
          id="letterSpacing"
          label="Letter spacing"
          min={-0.05}
          max={0.5}
          step={0.01}
          value={design.letterSpacing ?? 0.02}
          onChange={(v) => set("letterSpacing", v)}
        />
        <Slider
          id="titleY"
          label="Title position (top to bottom)"
          min={0}
          max={100}
          step={1}
          value={design.titleY ?? 70}
          onChange={(v) => set("titleY", v)}
        />
        <Slider
          id="scrim"
          label="Scrim strength"
          min={0}
          max={1}
          step={0.05}
          value={design.scrim ?? 0.55}
          onChange={(v) => set("scrim", v)}
        />
        <p className="text-xs text-muted">Text colours are picked for contrast against the art under each line.</p>
        <p role="status" className="min-h-5 text-sm text-muted">
          {message}
        </p>
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={!parsed.success}
            className="rounded-md bg-accent px-5 py-2 font-semibold text-ink disabled:opacity-50"
          >
            Save poster
          </button>
          {props.hasDesign && (
            <ConfirmButton
              label="Remove design"
              question="Remove the typography? The plain art stays."
              confirmLabel="Remove"
              onConfirm={() => call("DELETE")}
            />
          )}
        </div>
      </form>
    </div>
  );
}
