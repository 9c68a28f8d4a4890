import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { NewCampaignForm } from "@/components/campaigns/new-campaign-form";
import { listCampaignSummaries } from "@/lib/campaigns/service";
import { requireMember } from "@/lib/identity";

export const metadata: Metadata = { title: "Campaigns" };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function CampaignsPage() {
  await connection(); // read at request time, never prerendered at build
  await requireMember("/campaigns");
  const { campaigns } = await listCampaignSummaries({ limit: 100 });
  return (
    <>
      <h1 className="mb-2 font-display text-4xl tracking-wide">Campaigns</h1>
      <p className="mb-4 max-w-3xl text-sm text-muted">
        A campaign is one film&apos;s release: its key art, a brand kit, the markets it opens in and the placements each
        ships. The matrix makes every market × placement from a key art, lettered in each market&apos;s own words.
      </p>
      <NewCampaignForm />
      {campaigns.length === 0 ? (
        <p className="text-muted">No campaigns yet: make the first one above.</p>
      ) : (
        <ul aria-label="Campaigns" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
          {campaigns.map((campaign) => (
            <li key={campaign.id}>
              <Link
                href={`/campaigns/${campaign.id}`}
                className="block rounded-lg border border-edge p-2 hover:border-accent"
              >
                <span className="mb-2 flex aspect-[2/3] items-center justify-center overflow-hidden rounded bg-panel">
                  {campaign.coverUrl ? (
                    // biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser
                    <img src={campaign.coverUrl} alt="" className="h-full w-full object-cover" />
                  ) : (
                    <span className="px-2 text-center text-xs text-muted">No key art yet</span>
                  )}
                </span>
                <span className="block truncate text-sm font-medium">{campaign.name}</span>
                <span className="block truncate text-xs">{campaign.title}</span>
                <span className="block text-xs text-muted">
                  {plural(campaign.marketCount, "market", "markets")} ·{" "}
                  {plural(campaign.keyArtCount, "key art", "key art")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
