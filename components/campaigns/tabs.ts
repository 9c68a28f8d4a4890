// The campaign page's tabs, by the id its URL names them with (?tab=matrix). Not a client module: the page reads the
// URL on the server to open the right tab.

export const CAMPAIGN_TABS = [
  { id: "overview", label: "Overview" },
  { id: "kit", label: "Brand kit" },
  { id: "markets", label: "Markets" },
  { id: "placements", label: "Placements" },
  { id: "matrix", label: "Matrix" },
] as const;

export type CampaignTab = (typeof CAMPAIGN_TABS)[number]["id"];

export function isCampaignTab(value: string): value is CampaignTab {
  return CAMPAIGN_TABS.some((t) => t.id === value);
}
