"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import type { ExportView, PrintArt } from "@/lib/api-types";
import { ApiError, api } from "@/lib/client/api";
import type { DraftView } from "@/lib/design/draft-schema";
import {
  type DesignInput,
  designSchema,
  hiddenFields,
  TEMPLATES,
  type TextField as TextFieldId,
} from "@/lib/design/schema";
import { fieldErrors } from "@/lib/models/request-schema";
import { keysOf } from "@/lib/tuples";
import { ConfirmButton } from "../confirm-button";
import { type Guides, PrintGuides } from "../print/print-guides";
import { PrintPanel } from "../print/print-panel";
import { WorkspaceShell } from "../workspace/workspace-shell";
import { DesignCanvas } from "./canvas/design-canvas";
import { DraftBar, type DraftNote } from "./draft-bar";
import { PositionControl, Slider, TextField } from "./fields";
import { FontPicker } from "./font-picker";
import { sameDesign } from "./local-draft";
import { LogoField } from "./logo-field";
import { useAutosave } from "./use-autosave";
import { useDesignHistory } from "./use-design-history";
import { useDraftOnOpen } from "./use-draft-on-open";
import { useDesignPreview } from "./use-preview";

// The design page as a workspace: the canvas stays in view while the fields, the undo bar and the print panel scroll
// in the Design tab; the workspace's other tabs lead back to the poster page's.
export function DesignEditor(props: {
  /** Above the tabs: the page's title. */
  header: ReactNode;
  /** The workspace's tabs: the one without an href is the editor's. */
  tabs: { id: string; label: string; href?: string }[];
  posterId: string;
  initial: DesignInput;
  hasDesign: boolean;
  /** The plain art, shown until the design has some text to preview. */
  artUrl: string;
  width: number;
  height: number;
  /** The art a print master would place (its largest upscale, if any). */
  printArt: PrintArt;
  /** The poster's print masters so far (the print panel lists them and follows those still being made). */
  exports: ExportView[];
  /** The autosaved draft, when there is one (it is newer than the saved design: Save deletes it). */
  draft?: DraftView | null;
}) {
  const router = useRouter();
  // Where the canvas puts what goes beside it (its notes, the selected layer's properties): the top of the panel.
  const [aside, setAside] = useState<HTMLElement | null>(null);
  // The editor opens on the draft when there is one that says something the saved design doesn't.
  const [start] = useState(() => {
    const draft = props.draft && !sameDesign(props.draft.design, props.initial) ? props.draft : null;
    return { design: draft?.design ?? props.initial, revision: props.draft?.revision ?? null, draftAt: draft?.savedAt };
  });
  // Every change goes through the history's `set` (undo, redo), and autosave follows what it shows.
  const history = useDesignHistory(start.design);
  const design = history.design;
  const [draftNote, setDraftNote] = useState<DraftNote | null>(start.draftAt ? { at: start.draftAt } : null);
  const autosave = useAutosave(props.posterId, design, start);
  useDraftOnOpen({
    posterId: props.posterId,
    initial: props.initial,
    draft: props.draft,
    opened: start.design,
    saver: autosave.saver,
    found: (found, note) => {
      history.reset(found);
      setDraftNote(note);
      setTouched(Boolean(note));
    },
  });
  // What the server has: the print panel's "Save and export" saves without leaving, so this moves on from `initial`.
  const [saved, setSaved] = useState<DesignInput>(props.initial);
  const [guides, setGuides] = useState<Guides | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  // The fields a campaign's brand kit locks, from a save it refused (409 brand_locked): each says so, and why.
  const [locked, setLocked] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  // A new design starts empty: "add some text" is advice once the user has started, not an error on opening.
  const [touched, setTouched] = useState(Boolean(start.draftAt));
  // A change may fix what the last save was refused for: the next preview says again what still needs fixing.
  const set = <K extends keyof DesignInput>(key: K, value: DesignInput[K]) => {
    history.set(key, value);
    setServerErrors({});
    setTouched(true);
  };

  async function discardDraft() {
    try {
      await autosave.saver.discard(saved);
      history.reset(saved);
      setDraftNote(null);
      setServerErrors({});
      setTouched(false);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "Couldn't discard the draft: try again.");
    }
  }

  // An autosave the server refused on a field (a brand-kit lock) marks the field, as a refused Save does.
  const refusal = autosave.status.state === "failed" ? autosave.status.refusal : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: on each new refusal only
  useEffect(() => {
    if (refusal) refused(refusal);
  }, [refusal]);

  const parsed = designSchema.safeParse(design);
  const preview = useDesignPreview(props.posterId, design, parsed.success);
  // The preview's answer says what only the server knows (characters the chosen font can't set), on the field.
  const errors = {
    ...(parsed.success || !touched ? {} : fieldErrors(parsed.error)),
    ...preview.fieldErrors,
    ...serverErrors,
  };
  const empty = !(design.title || design.logo || design.aboveTitle || design.tagline || design.billing || design.date);
  // Typed text the template doesn't show stays in the design; the field says so.
  const hidden = new Set<TextFieldId>(hiddenFields(design));
  const template = TEMPLATES[design.template];
  const note = (key: TextFieldId) =>
    hidden.has(key) ? `Not shown by ${template.label}: kept in the design for other templates.` : undefined;

  /** Save and stay (the print panel exports right after); the Save button below saves and goes to the poster. */
  async function saveHere(): Promise<boolean> {
    if (!parsed.success) return false;
    setMessage("Saving the full-size poster…");
    await autosave.saver.settle();
    try {
      await api.saveDesign(props.posterId, design);
      autosave.saver.committed(design);
      setSaved(design);
      setDraftNote(null);
      setLocked({});
      setMessage("Saved.");
      return true;
    } catch (error) {
      autosave.saver.resume();
      refused(error);
      return false;
    }
  }

  function refused(error: unknown) {
    const fields = error instanceof ApiError ? (error.fields ?? {}) : {};
    if (error instanceof ApiError && error.code === "brand_locked") {
      setLocked(fields);
      // The kit's credits and legal line are set in the billing block; its logo in the logo field.
      const billing = fields.credits ?? fields.legalLine;
      setServerErrors({ ...(billing ? { billing } : {}), ...(fields.logo ? { logo: fields.logo } : {}) });
    } else setServerErrors(fields);
    setMessage(error instanceof ApiError ? error.message : "Couldn't save the design: try again.");
  }

  async function call(method: "PUT" | "DELETE") {
    setMessage(method === "PUT" ? "Saving the full-size poster…" : "Removing the design…");
    await autosave.saver.settle();
    try {
      await (method === "PUT" ? api.saveDesign(props.posterId, design) : api.removeDesign(props.posterId));
      // The server deleted the draft with the commit: nothing is left to autosave.
      autosave.saver.committed(method === "PUT" ? design : null);
      router.push(`/posters/${props.posterId}`);
      router.refresh();
    } catch (error) {
      autosave.saver.resume();
      refused(error);
    }
  }

  const text = (key: TextFieldId, label: string, more: { hint?: string; rows?: number } = {}) => (
    <TextField
      id={`design-${key}`}
      label={label}
      value={design[key] ?? ""}
      error={errors[key]}
      note={note(key)}
      multiline={more.rows !== undefined}
      {...more}
      onChange={(v) => set(key, v)}
    />
  );

  const panel = (
    <>
      <DraftBar
        note={draftNote}
        status={autosave.status}
        canUndo={history.canUndo}
        canRedo={history.canRedo}
        onUndo={history.undo}
        onRedo={history.redo}
        onDiscard={discardDraft}
        onKeepMine={() => void autosave.saver.keepMine().catch(() => {})}
      />
      <div ref={setAside} className="space-y-4 empty:hidden" />
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
          {keysOf(TEMPLATES).map((id) => (
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
        {text("aboveTitle", "Above the title", {
          hint: "Small credits over the title, e.g. star names; two or more spaces separate them.",
          rows: 1,
        })}
        {text("title", "Title", { hint: "Press Enter for a line break; otherwise the lines are balanced.", rows: 2 })}
        <LogoField
          attach={(uploadId) => api.attachLogo(props.posterId, uploadId)}
          logo={design.logo}
          error={errors.logo}
          onChange={(logo) => set("logo", logo?.logo)}
        />
        {text("tagline", "Tagline")}
        {text("billing", "Billing block (one credit line per line)", {
          hint: "Two or more spaces separate credits on a line; every line is justified to the same width.",
          rows: 4,
        })}
        {text("date", "Release date")}
        <FontPicker
          legend="Title font"
          name="titleFont"
          locked={locked.titleFont}
          value={design.titleFont ?? "bebas-neue"}
          onChange={(f) => set("titleFont", f)}
        />
        <FontPicker
          legend="Tagline and date font"
          name="textFont"
          locked={locked.textFont}
          value={design.textFont ?? "oswald"}
          onChange={(f) => set("textFont", f)}
        />
        <FontPicker
          legend="Billing font"
          name="billingFont"
          locked={locked.billingFont}
          value={design.billingFont ?? "league-gothic"}
          onChange={(f) => set("billingFont", f)}
        />
        <Slider
          id="titleSize"
          label="Title size"
          min={4}
          max={24}
          step={0.5}
          value={design.titleSize ?? 12}
          locked={locked.titleSize}
          onChange={(v) => set("titleSize", v)}
        />
        <Slider
          id="letterSpacing"
          label="Letter spacing"
          min={-0.05}
          max={0.5}
          step={0.01}
          value={design.letterSpacing ?? 0.02}
          locked={locked.letterSpacing}
          onChange={(v) => set("letterSpacing", v)}
        />
        <PositionControl value={design.titleY} placement={preview.placement} onChange={(v) => set("titleY", v)} />
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
      <PrintPanel
        posterId={props.posterId}
        art={props.printArt}
        exports={props.exports}
        unsaved={JSON.stringify(design) !== JSON.stringify(saved)}
        onSave={saveHere}
        onGuides={setGuides}
      />
    </>
  );

  return (
    <WorkspaceShell
      active="design"
      header={props.header}
      tabs={props.tabs.map((t) => (t.href ? t : { ...t, panel }))}
      canvas={
        <DesignCanvas
          pictures={empty ? null : preview.pictures}
          design={design}
          set={set}
          locked={locked}
          url={empty ? props.artUrl : preview.url}
          busy={preview.busy}
          warnings={empty ? [] : preview.warnings}
          notice={empty ? "" : preview.notice}
          hint={empty ? "Type a title (or add a logo) to start: the preview shows the plain art until then." : ""}
          width={props.width}
          height={props.height}
          overlay={guides && <PrintGuides {...guides} />}
          aside={aside}
        />
      }
    />
  );
}
