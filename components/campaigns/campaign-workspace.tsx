"use client";

import { useSearchParams } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import type { CampaignView, DeliverablesView } from "@/lib/campaigns/types";
import { api } from "@/lib/client/api";
import type { Actor } from "@/lib/permissions";
import { type Tab, Tabs } from "../ui/tabs";
import { BrandKitTab } from "./brand-kit-tab";
import { dollars, plural, releaseLabel } from "./format";
import { MarketsTab } from "./markets-tab";
import { MatrixTab } from "./matrix-tab";
import { OverviewTab } from "./overview-tab";
import { PlacementsTab } from "./placements-tab";
import { CAMPAIGN_TABS, type CampaignTab, isCampaignTab } from "./tabs";
import { useDeliverables } from "./use-deliverables";

// One campaign: its key art and spending (Overview), the brand kit, the markets, the placements they ship, and the
// matrix that makes every market × placement. Each tab changes the campaign through its own route and hands back
// the campaign as the server now has it; the matrix is followed while anything in it is being made.

export function CampaignWorkspace(props: {
  initial: CampaignView;
  deliverables: DeliverablesView;
  canChange: boolean;
  viewer: Actor;
  tab: CampaignTab;
}) {
  const [campaign, setCampaign] = useState(props.initial);
  // The URL's tab (it may have moved on from the page's first render: Back restores that render from the cache).
  const inUrl = useSearchParams().get("tab");
  const [tab, setTab] = useState<CampaignTab>(inUrl && isCampaignTab(inUrl) ? inUrl : props.tab);
  // Bumped when the campaign read on opening is newer than the render: the tabs start again from it.
  const [generation, setGeneration] = useState(0);
  const matrix = useDeliverables(campaign.id, props.deliverables);

  // Back (or Forward) to this page shows the render it was first given; what changed since is read again, once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening
  useEffect(() => {
    matrix.refresh();
    api.getCampaign(props.initial.id).then(
      (fresh) => {
        if (fresh.version === props.initial.version) return;
        setCampaign(fresh);
        setGeneration((g) => g + 1);
      },
      () => {},
    );
  }, []);

  function select(next: CampaignTab) {
    setTab(next);
    // The URL says which tab is open, so a reload or a link sent to a colleague opens the same one.
    const url = new URL(window.location.href);
    if (next === "overview") url.searchParams.delete("tab");
    else url.searchParams.set("tab", next);
    window.history.replaceState(window.history.state, "", url);
  }

  /** A change that may put made deliverables out of date: the campaign as saved, and the matrix looked at again. */
  function changed(next: CampaignView) {
    setCampaign(next);
    matrix.refresh();
  }

  const shared = { campaign, canChange: props.canChange };
  const panels: Record<CampaignTab, ReactNode> = {
    overview: (
      <OverviewTab {...shared} spent={matrix.view.spent} totals={matrix.view.totals} onChange={changed} go={select} />
    ),
    kit: (
      <BrandKitTab
        {...shared}
        onSaved={(kit) => {
          setCampaign((c) => ({ ...c, kit }));
          matrix.refresh();
        }}
        go={select}
      />
    ),
    markets: <MarketsTab {...shared} onChange={changed} />,
    placements: <PlacementsTab {...shared} onChange={changed} />,
    matrix: <MatrixTab {...shared} viewer={props.viewer} matrix={matrix} go={select} />,
  };
  const tabs: Tab<CampaignTab>[] = CAMPAIGN_TABS.map((t) => ({ id: t.id, label: t.label, panel: panels[t.id] }));

  return (
    <div className="min-w-0 space-y-4">
      <div className="space-y-1">
        <p className="text-sm text-muted">Campaign</p>
        <h1 className="break-words font-display text-4xl tracking-wide">{campaign.name}</h1>
        <p className="text-sm">
          <span className="font-medium">{campaign.title}</span>
          {campaign.releaseDate && <> · opens {releaseLabel(campaign.releaseDate)}</>} ·{" "}
          {plural(campaign.markets.length, "market")} · {plural(campaign.keyArt.length, "key art", "key art")} ·{" "}
          {dollars(matrix.view.spent)} spent
        </p>
        {!props.canChange && (
          <p className="text-sm text-muted">
            Made by {campaign.createdByName ?? "someone else"}: only they, or an admin, can change it. You can look,
            open the deliverables and download them.
          </p>
        )}
      </div>
      <Tabs key={generation} label="Campaign" tabs={tabs} selected={tab} onSelect={select} />
    </div>
  );
}
