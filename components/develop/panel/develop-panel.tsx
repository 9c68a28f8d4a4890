"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useId, useRef, useState } from "react";
import { MaskCanvas } from "@/components/develop/mask-canvas";
import type { MaskDrawing } from "@/components/develop/mask-ops";
import { rasterMask } from "@/components/develop/mask-raster";
import type { Margins, ReframeTarget } from "@/components/develop/reframe-geometry";
import { ReframeView } from "@/components/develop/reframe-view";
import { OnCanvas, useCanvasSlots } from "@/components/workspace/canvas-slots";
import type { PosterView } from "@/lib/api-types";
import { ApiError } from "@/lib/client/api";
import { uploadFile } from "@/lib/client/uploads";
import type { OperationId } from "@/lib/models";
import { ASPECT_RATIO_IDS } from "@/lib/models/aspect-ratios";
import type { ImageInputSpec, ImageSource } from "@/lib/models/operations/types";
import { formatCents } from "@/lib/money";
import { pick } from "@/lib/tuples";
import { MarginInputs } from "./margin-inputs";
import { OperationControls } from "./operation-controls";
import { check, initialValues, operation, serviceFor, type Values, visibleInputs } from "./operation-menu";
import { OperationPicker } from "./operation-picker";
import { OperationTile } from "./operation-tile";
import { StylePicker } from "./style-picker";
import { useOperations } from "./use-operations";

// Develop: the catalogue's operations as actions on one source image (a poster or an upload). Each Run makes a new
// poster in its own tile; the controls come from the operation's input specs, the price from the service it calls.
// An operation with a style image (Restyle) gets a picker for it: a poster of the library or an upload.

export type DevelopSource = { posterId: string } | { uploadId: string; description?: string };

const SIDES = ["left", "right", "up", "down"] as const;

export function DevelopPanel(props: {
  source: DevelopSource;
  image: { url: string; width: number; height: number; alt: string };
  /** The source's prompt: Vary starts from it. */
  prompt?: string;
  initial?: OperationId;
  /** Values the initial operation starts with (the print panel's choice of upscaler). */
  preset?: Values;
  /** Where this was opened from, to go back to when done (the print panel, to measure the new art). */
  back?: { href: string; label: string };
}) {
  // In a poster's workspace the mask and the new canvas are drawn on the workspace's canvas, and a result opens as
  // the current version (its page, with a way back here).
  const onWorkspace = useCanvasSlots() !== null;
  const search = useSearchParams();
  const id = useId();
  const [opId, setOpId] = useState<OperationId>(props.initial ?? "vary");
  const op = operation(opId);
  const startValues = (next: OperationId): Values => ({
    ...initialValues(operation(next), props.prompt),
    // A one-sheet's most asked-for reframe: the 16:9 trailer card (the art starts centred on it).
    ...(next === "reframe" ? { aspectRatio: "16:9" } : {}),
    ...(next === props.initial ? props.preset : {}),
  });
  const [values, setValues] = useState<Values>(() => startValues(opId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The painted strokes (read at Run only, so no render waits on them): the mask PNG is drawn from them then.
  const latestMask = useRef<MaskDrawing | null>(null);
  const setMask = (drawing: MaskDrawing | null) => {
    latestMask.current = drawing;
    if (drawing) setErrors(({ mask: _, ...rest }) => rest);
  };
  const [margins, setMargins] = useState<Margins | null>(null);
  const [custom, setCustom] = useState<Margins>({ left: 200, right: 200, up: 0, down: 0 });
  const [uploading, setUploading] = useState(false);
  const maskUpload = useRef<{ drawing: MaskDrawing; uploadId: string } | null>(null);
  const router = useRouter();
  // A new version of a poster shows in its page's Versions strip at once (the tiles stay: client state survives).
  // On a workspace the result opens instead, unless other runs are still going: their tiles would be lost, so the
  // last of them to finish is the one that opens (each tile links to its own poster).
  const { tiles, start, retry, cancel } = useOperations(
    (fields) => setErrors(fields),
    (made) => {
      if (!("posterId" in props.source)) return;
      const stillRunning = tiles.filter((t) => t.status === "pending").length > 1;
      // A refresh either way: it also forgets the router's cached pages, so Back shows the new version (the print
      // panel measures the new art).
      router.refresh();
      if (onWorkspace && !stillRunning) router.push(resultHref(made, props.source.posterId, search));
    },
  );

  const pending = tiles.find((t) => t.status === "pending");
  const needsMask = op.inputs.some((i) => i.kind === "image" && i.role === "mask");
  const styleInput = op.inputs.find((i): i is ImageInputSpec => i.kind === "image" && i.role === "style");
  // Kept while switching operations: picking Restyle again finds the style image still chosen.
  const [style, setStyle] = useState<ImageSource | null>(null);
  const isReframe = op.id === "reframe";
  const ratio = typeof values.aspectRatio === "string" ? pick(values.aspectRatio, ASPECT_RATIO_IDS) : undefined;
  const target: ReframeTarget = ratio ? { aspectRatio: ratio } : { margins: custom };

  function choose(next: OperationId) {
    setOpId(next);
    setValues(startValues(next));
    setErrors({});
  }
  // A new starting point from the parent (an upload said to be a sketch) switches operation, keeping the results.
  const initial = useRef(props.initial);
  if (props.initial && props.initial !== initial.current) {
    initial.current = props.initial;
    choose(props.initial);
  }

  function body(): Record<string, unknown> {
    const shown = new Set(visibleInputs(op, values).map((i) => i.name));
    const fields = Object.entries(values).filter(([name, v]) => shown.has(name) && v !== undefined && v !== "");
    const request: Record<string, unknown> = { operation: op.id, source: props.source, ...Object.fromEntries(fields) };
    if (isReframe) {
      delete request.aspectRatio;
      Object.assign(request, margins ?? {});
    }
    if (styleInput && style) request.style = style;
    return request;
  }
  const service = serviceFor(op, body());
  // Errors no control shows (the source, a margin while a ratio is picked): said above Run, never swallowed.
  const shown = new Set<string>([
    ...visibleInputs(op, values).map((i) => i.name),
    "mask",
    ...(isReframe && !ratio ? SIDES : []),
  ]);
  const otherErrors = Object.entries(errors).filter(([field]) => !shown.has(field));

  async function run(event: React.FormEvent) {
    event.preventDefault();
    const draft = body();
    const painted = latestMask.current;
    const first = check(draft);
    const problems = { ...(first.errors ?? {}) };
    if (isReframe && ratio && problems.aspectRatio)
      problems.aspectRatio = problems.aspectRatio.replace(/, or give.*$/, ".");
    if (styleInput && !style) problems.style = "Pick the style image: a poster from the library, or an image of yours.";
    if (needsMask && !painted)
      problems.mask = "Paint over the area first (or focus the image and press Enter to add the dashed rectangle).";
    setErrors(problems);
    if (Object.keys(problems).length) return;
    if (needsMask && painted) {
      try {
        setUploading(true);
        if (maskUpload.current?.drawing !== painted) {
          // Drawn at the image's size off the main thread; nothing left after the eraser is no mask at all.
          const png = await rasterMask(painted);
          if (!png) {
            setErrors({ mask: "Paint over the area first: the eraser has taken all of the paint away." });
            return;
          }
          const file = new File([png], "mask.png", { type: "image/png" });
          maskUpload.current = { drawing: painted, uploadId: (await uploadFile(file)).uploadId };
        }
        draft.mask = { uploadId: maskUpload.current.uploadId };
      } catch (error) {
        setErrors({ mask: error instanceof ApiError ? error.message : "The mask couldn't be uploaded: try again." });
        return;
      } finally {
        setUploading(false);
      }
    }
    const checked = check(draft);
    if (!checked.request) return setErrors(checked.errors);
    start({ request: checked.request, label: op.label, typicalSeconds: serviceFor(op, draft).typicalSeconds });
  }

  return (
    <section
      id="develop"
      aria-labelledby={`${id}-h`}
      className={onWorkspace ? "space-y-5" : "space-y-5 rounded-lg border border-edge p-4 sm:p-6"}
    >
      <div>
        <h2 id={`${id}-h`} className={`font-display tracking-wide ${onWorkspace ? "text-2xl" : "text-3xl"}`}>
          Develop
        </h2>
        <p className="text-sm text-muted">
          {onWorkspace
            ? "Make a new version of this poster: it opens here when it's ready, and this one stays as it is."
            : "Make a new poster from this image. The original stays as it is."}
        </p>
        {props.back && (
          <p className="mt-1 text-sm">
            <Link href={props.back.href} prefetch={false} className="underline hover:text-accent">
              {props.back.label}
            </Link>
          </p>
        )}
      </div>
      <OperationPicker value={opId} onChange={choose} />
      {onWorkspace && (
        // What Develop changes is the plain art: the canvas shows it (not the lettering) while this tool is open,
        // and says on it what is being made (the panel's status says it to screen readers).
        <OnCanvas>
          {/* biome-ignore lint/performance/noImgElement: a signed S3 URL, over the canvas's copy of the poster */}
          <img src={props.image.url} alt="" draggable={false} className="absolute inset-0 h-full w-full select-none" />
          {pending && (
            <div
              aria-hidden="true"
              className="pointer-events-none absolute inset-x-0 bottom-0 z-20 flex justify-center p-2"
              data-testid="canvas-working"
            >
              <span className="animate-pulse rounded-full bg-ink/90 px-3 py-1.5 text-sm shadow">
                Making {pending.input.label}… usually about {pending.input.typicalSeconds} s; it opens here when ready
              </span>
            </div>
          )}
        </OnCanvas>
      )}

      <div
        className={`grid grid-cols-[minmax(0,1fr)] gap-6 ${(needsMask || isReframe) && !onWorkspace ? "lg:grid-cols-[minmax(0,1fr)_380px]" : ""}`}
      >
        {(needsMask || isReframe) && (
          <div className={onWorkspace ? "min-w-0" : "mx-auto w-full max-w-xl min-w-0"}>
            {needsMask ? (
              <MaskCanvas
                imageUrl={props.image.url}
                width={props.image.width}
                height={props.image.height}
                imageAlt={props.image.alt}
                onChange={setMask}
              />
            ) : (
              <ReframeView
                imageUrl={props.image.url}
                width={props.image.width}
                height={props.image.height}
                imageAlt={props.image.alt}
                target={target}
                onChange={setMargins}
              />
            )}
            {errors.mask && (
              <p role="alert" className="mt-2 text-sm text-danger">
                {errors.mask}
              </p>
            )}
          </div>
        )}
        <form
          noValidate
          onSubmit={run}
          aria-label={`${op.label} settings`}
          className={`space-y-4 ${needsMask || isReframe || onWorkspace ? "" : "max-w-2xl"}`}
        >
          <div>
            <h3 className="text-lg font-semibold">{op.label}</h3>
            <p className="text-sm text-muted">{op.blurb}</p>
          </div>
          {styleInput && (
            <StylePicker
              input={styleInput}
              value={style}
              onChange={(next) => {
                setStyle(next);
                setErrors(({ style: _, ...rest }) => rest);
              }}
              error={errors.style}
              excludePosterId={"posterId" in props.source ? props.source.posterId : undefined}
            />
          )}
          <OperationControls
            idPrefix={`${id}-${op.id}`}
            inputs={visibleInputs(op, values)}
            values={values}
            errors={errors}
            onChange={(name, value) => {
              setValues((all) => ({ ...all, [name]: value }));
              setErrors(({ [name]: _, ...rest }) => rest);
            }}
          />
          {isReframe && !ratio && (
            <MarginInputs idPrefix={`${id}-m`} sides={SIDES} margins={custom} errors={errors} onChange={setCustom} />
          )}
          {otherErrors.length > 0 && (
            <ul role="alert" className="text-sm text-danger">
              {otherErrors.map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              disabled={uploading}
              className="rounded-md bg-accent px-4 py-2 font-semibold text-ink hover:brightness-110 disabled:opacity-60"
            >
              {uploading ? "Preparing the mask…" : `Run ${op.label}`}
            </button>
            <p className="text-sm text-muted">
              {formatCents(service.priceCents)} · usually about {service.typicalSeconds} s
            </p>
          </div>
        </form>
      </div>

      {tiles.length > 0 && (
        <section aria-label="Develop results" className="space-y-2">
          <h3 className="text-lg font-semibold">New posters</h3>
          <p role="status" className="sr-only">
            {tiles.filter((t) => t.status === "pending").length
              ? "Working…"
              : `${tiles.filter((t) => t.status === "done").length} of ${tiles.length} ready.`}
          </p>
          <div
            className={`grid grid-cols-2 gap-4 ${onWorkspace ? "@md:grid-cols-3" : "sm:grid-cols-3 lg:grid-cols-5"}`}
          >
            {tiles.map((tile, i) => (
              <OperationTile
                key={tile.key}
                tile={tile}
                number={tiles.length - i}
                onCancel={() => cancel(tile.key)}
                onRetry={() => retry(tile)}
              />
            ))}
          </div>
        </section>
      )}
    </section>
  );
}

/** A result's page on the workspace: Develop open on the same operation (another Fix is the likeliest next step),
 *  the way back to the source, and the print panel to return to if that is where this began. */
function resultHref(made: PosterView, previous: string, search: URLSearchParams): string {
  const next = new URLSearchParams({ tool: "develop", develop: made.operation, previous });
  for (const keep of ["from", "print"]) {
    const value = search.get(keep);
    if (value) next.set(keep, value);
  }
  return `/posters/${made.id}?${next}`;
}
