"use client";

import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PosterPage, SpendingToday } from "@/lib/api-types";
import { api } from "@/lib/client/api";
import { toCents, toUsd } from "@/lib/money";
import type { Actor } from "@/lib/permissions";
import { useSelection } from "../selection/use-selection";
import { budgetProblem } from "./budget";
import { preloadValidation } from "./form-validation";
import { StudioModelsProvider } from "./models-context";
import { PromptPanel } from "./prompt-panel";
import type { ResultPoster } from "./result-card";
import { Results } from "./results";
import type { StudioStart } from "./studio";
import { findStudioModel, formDefaults, type StudioModels, studioModel } from "./studio-models";
import { useFeed } from "./use-feed";
import { describeProgress, type TileRequest, useGeneration } from "./use-generation";
import { usePosterForm } from "./use-poster-form";
import { variationSeeds } from "./variation-seeds";

// Neither is part of the studio's first load: the lightbox loads when a result is first opened, the selection bar
// (boards, compare, delete) when a first poster is picked. React's own lazy: next/dynamic would add its loader.
const Lightbox = lazy(() => import("../lightbox/lightbox").then((m) => ({ default: m.Lightbox })));
const SelectionBar = lazy(() => import("../selection/selection-bar").then((m) => ({ default: m.SelectionBar })));

/** The form's values for a poster's settings, or undefined when the studio can't make it again in place (an
 * operation's result, or a retired model: /?from={id} explains those). */
function settingsOf(catalogue: StudioModels, poster: ResultPoster): TileRequest | undefined {
  if (poster.operation !== "generate" || !findStudioModel(catalogue, poster.model)) return undefined;
  return {
    model: poster.model,
    prompt: poster.prompt,
    negativePrompt: poster.negativePrompt ?? "",
    aspectRatio: poster.aspectRatio,
    seed: poster.seed,
    ...poster.params,
  };
}

// The studio in the browser (studio.tsx renders it with the models it offers).
export function StudioClient(props: {
  start?: StudioStart;
  recentPrompts: string[];
  today: SpendingToday;
  me: Actor;
  firstPage?: PosterPage;
  models: StudioModels;
}) {
  const { notice, ...startValues } = props.start ?? { seed: 0 };
  const catalogue = props.models;
  const defaults = useMemo(() => formDefaults(catalogue), [catalogue]);
  const form = usePosterForm(props.start ? { ...defaults, ...startValues, variations: 1 } : defaults);
  const { handleSubmit, setValue, setError, values } = form;
  const [seedLocked, setSeedLocked] = useState(Boolean(props.start));
  // Settings start open when they came from a poster: that is what the person wants to see.
  const [settingsOpen, setSettingsOpen] = useState(Boolean(props.start));
  const [today, setToday] = useState(props.today);
  const [budgetShown, setBudgetShown] = useState(false);
  // Posters deleted from the selection bar in this visit: they leave this visit's tiles and the feed.
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<number | null>(null);
  // Favourites changed in this visit, wherever the poster shows (a tile, the feed, the lightbox).
  const [favorites, setFavorites] = useState<Record<string, boolean>>({});
  const onFavorite = useCallback((id: string, favorite: boolean) => {
    setFavorites((all) => ({ ...all, [id]: favorite }));
  }, []);
  const panelRef = useRef<HTMLFormElement>(null);
  const feed = useFeed(props.firstPage);
  // Bumped by Generate: once the new tiles are drawn, the first is scrolled to if it is off screen.
  const [reveal, setReveal] = useState(0);
  useEffect(() => {
    if (!reveal) return;
    const first = panelRef.current?.nextElementSibling?.querySelector("article[data-status]");
    const box = first?.getBoundingClientRect();
    if (!first || !box || (box.top >= 0 && box.top < window.innerHeight - 120)) return;
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    first.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
  }, [reveal]);

  const onFieldErrors = useCallback(
    (fields: Record<string, string>) => {
      // A setting in the drawer can't take focus while the drawer is shut.
      if (Object.keys(fields).some((name) => name !== "prompt")) setSettingsOpen(true);
      for (const [name, message] of Object.entries(fields)) setError(name, message, { shouldFocus: true });
    },
    [setError],
  );
  const onMade = useCallback(
    (poster: ResultPoster & { price: number }) => {
      const plus = (usd: number) => toUsd(toCents(usd) + toCents(poster.price));
      setToday((t) => ({ ...t, teamSpent: plus(t.teamSpent), userSpent: plus(t.userSpent) }));
      feed.prepend(poster);
      // The rest of the team spends too: the server's figure is the one Generate checks next.
      api.spendingToday().then(setToday, () => {});
    },
    [feed.prepend],
  );
  const { tiles, start, retry, cancel } = useGeneration(onFieldErrors, onMade);

  const model = studioModel(catalogue, values.model);
  const variations = Number(values.variations) || 1;
  const cost = variations * model.priceCents;
  const overBudget = budgetProblem(today, cost, variations);

  // A prompt the filter blocked fails every variation the same way: one message at the prompt, not one per tile.
  const blocked = tiles.find((t) => t.status === "failed" && t.code === "prompt_filtered");
  const shownTiles = tiles.filter(
    (t) => !(t.status === "failed" && t.code === "prompt_filtered") && !(t.status === "done" && gone.has(t.poster.id)),
  );
  const blockedText = blocked?.input.prompt;
  const blockedPrompt = typeof blockedText === "string" && values.prompt === blockedText ? blockedText : undefined;

  const withFavorite = (p: ResultPoster) => (p.id in favorites ? { ...p, favorite: favorites[p.id] } : p);
  const sessionIds = new Set(shownTiles.flatMap((t) => (t.status === "done" ? [t.poster.id] : [])));
  const feedPosters = feed.posters.filter((p) => !sessionIds.has(p.id) && !gone.has(p.id)).map(withFavorite);
  const list: ResultPoster[] = [
    ...shownTiles.flatMap((t) => (t.status === "done" ? [withFavorite(t.poster)] : [])),
    ...feedPosters,
  ];
  const listRef = useRef(list);
  listRef.current = list;
  // One selection over everything shown, in display order (this visit's results, then the feed).
  const orderKey = list.map((p) => p.id).join(",");
  const order = useMemo(() => (orderKey ? orderKey.split(",") : []), [orderKey]);
  const selection = useSelection(order);
  const makers = Object.fromEntries(list.map((p) => [p.id, p.createdBy]));

  const onSubmit = handleSubmit(
    (valid) => {
      if (overBudget) return setBudgetShown(true);
      const { variations: count, ...request } = valid;
      const chosen = studioModel(catalogue, request.model);
      const seeds = variationSeeds(count, chosen.maxSeed, seedLocked ? request.seed : undefined);
      start(seeds.map((seed): TileRequest => ({ ...request, seed })));
      // Stacked (a phone), the results sit under the form: fold the settings away so they come up.
      if (!window.matchMedia("(min-width: 1024px)").matches) setSettingsOpen(false);
      setReveal((n) => n + 1);
    },
    (invalid) => {
      if (Object.keys(invalid).some((name) => name !== "prompt")) setSettingsOpen(true);
    },
  );

  function setLocked(locked: boolean) {
    setSeedLocked(locked);
    if (!locked) setValue("seed", undefined, { shouldValidate: false });
  }

  function rollSeed() {
    setSeedLocked(true);
    setValue("seed", variationSeeds(1, model.maxSeed)[0], { shouldValidate: true });
  }

  function applySettings(poster: ResultPoster) {
    const request = settingsOf(catalogue, poster);
    if (!request) return window.location.assign(`/?from=${poster.id}`);
    form.reset({ ...defaults, ...request, variations: 1 });
    setSeedLocked(true);
    setSettingsOpen(true);
    setOpen(null);
    panelRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
    // After the lightbox has closed and given focus back.
    setTimeout(() => form.setFocus("prompt"), 0);
  }

  const { isSelected, toggle, itemProps } = selection;
  const selecting = selection.selected.length > 0;
  // Once loaded, the bar stays mounted (it keeps the boards it fetched); it draws nothing while nothing is picked.
  const [barWanted, setBarWanted] = useState(false);
  if (selecting && !barWanted) setBarWanted(true);
  const handlers = useMemo(
    () => (poster: ResultPoster) => ({
      onOpen: () => setOpen(listRef.current.findIndex((p) => p.id === poster.id)),
      selected: isSelected(poster.id),
      selecting,
      // Shift on the select button extends the range, as on the image.
      onSelect: (event: React.MouseEvent) => (event.shiftKey ? itemProps(poster.id).onClick(event) : toggle(poster.id)),
      itemProps: itemProps(poster.id),
      favorite: favorites[poster.id],
      onFavorite: (favorite: boolean) => onFavorite(poster.id, favorite),
    }),
    [isSelected, selecting, toggle, itemProps, favorites, onFavorite],
  );

  // The lightbox's "Select" checkbox is the same selection.
  const selectFromLightbox = useCallback(
    (id: string, on: boolean) => {
      if (on !== isSelected(id)) toggle(id);
    },
    [isSelected, toggle],
  );

  function deleted(ids: string[]) {
    setGone((all) => new Set([...all, ...ids]));
    selection.forget(ids);
  }

  // The toast's Undo brought them back from the trash.
  function restored(ids: string[]) {
    setGone((all) => new Set([...all].filter((id) => !ids.includes(id))));
  }

  const status = shownTiles.length ? describeProgress(shownTiles) : "";
  const current = open === null ? undefined : list[open];

  return (
    <StudioModelsProvider value={catalogue}>
      <div className="grid gap-6 lg:grid-cols-[340px_minmax(0,1fr)]">
        <PromptPanel
          ref={panelRef}
          onFocus={preloadFormValidation}
          form={form}
          values={values}
          notice={notice}
          onSubmit={onSubmit}
          recentPrompts={props.recentPrompts}
          blockedPrompt={blockedPrompt}
          blockedMessage={blocked?.status === "failed" ? blocked.message : undefined}
          settings={{ open: settingsOpen, onOpenChange: setSettingsOpen }}
          seed={{ locked: seedLocked, onLockedChange: setLocked, onRoll: rollSeed }}
          price={{ variations, each: model.priceCents, cost }}
          today={today}
          overBudget={overBudget}
          budgetShown={budgetShown}
        />
        <Results
          tiles={shownTiles}
          status={status}
          onCancel={(tile) => cancel(tile.key)}
          onRetry={retry}
          feed={{ ...feed, posters: feedPosters }}
          onLoadMore={feed.loadMore}
          handlers={handlers}
          selectionKeys={selection.containerProps}
          selecting={selecting}
        />
        {barWanted && (
          <Suspense fallback={null}>
            <SelectionBar
              selected={selection.selected}
              makers={makers}
              viewer={props.me}
              onClear={selection.clear}
              onDeleted={deleted}
              onRestored={restored}
            />
          </Suspense>
        )}
        {current && open !== null && (
          <Suspense fallback={null}>
            <Lightbox
              poster={current}
              posters={list}
              index={open}
              onIndexChange={setOpen}
              onClose={() => setOpen(null)}
              me={props.me}
              onUseSettings={applySettings}
              onFavorite={onFavorite}
              selected={selection.selected}
              onSelect={selectFromLightbox}
            />
          </Suspense>
        )}
      </div>
    </StudioModelsProvider>
  );
}

/** The form's schema loads once the form is first used (form-validation.ts); a failure is retried on submit. */
function preloadFormValidation() {
  preloadValidation().catch(() => {});
}
