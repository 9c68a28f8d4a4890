import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignWorkspace } from "@/components/campaigns/campaign-workspace";
import { isCampaignTab } from "@/components/campaigns/tabs";
import { deliverablesView } from "@/lib/campaigns/deliverables/view";
import { findCampaignView } from "@/lib/campaigns/service";
import { AppError } from "@/lib/errors";
import { requireMember } from "@/lib/identity";
import { mayChange } from "@/lib/permissions";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const { id } = await params;
  const { tab } = await searchParams;
  const member = await requireMember(`/campaigns/${id}`);
  const [campaign, deliverables] = await Promise.all([findCampaignView(id), deliverablesView(id)]).catch((error) => {
    if (error instanceof AppError && error.code === "campaign_not_found") notFound();
    throw error;
  });
  return (
    <CampaignWorkspace
      initial={campaign}
      deliverables={deliverables}
      canChange={mayChange(member, campaign.createdBy)}
      viewer={{ sub: member.sub, isAdmin: member.isAdmin }}
      tab={tab && isCampaignTab(tab) ? tab : "overview"}
    />
  );
}
