import { connection } from "next/server";
import { ConfigProblem, PreviewNotice } from "@/components/notices";
import { FEED_PAGE_SIZE } from "@/components/studio/feed-page";
import { Studio, type StudioStart } from "@/components/studio/studio";
import { requireMember } from "@/lib/identity";
import { modelForReuse } from "@/lib/models";
import { findPosterView, listPosterViews, recentPrompts, versionsByDefault } from "@/lib/posters/service";
import { studioEnvironment } from "@/lib/site";
import { spendingToday } from "@/lib/spending";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** "Use these settings" from a poster page opens /?from={id}: the form starts from that poster, seed locked.
 * A poster made with a retired model starts from the default model instead (without the old model's own settings),
 * and the studio says so. */
async function startFrom(id: unknown): Promise<StudioStart | undefined> {
  if (typeof id !== "string") return undefined;
  const poster = await findPosterView(id).catch(() => undefined);
  if (!poster) return undefined;
  const { model, notice } = modelForReuse(poster.model);
  return {
    model,
    prompt: poster.prompt,
    negativePrompt: poster.negativePrompt ?? "",
    aspectRatio: poster.aspectRatio,
    seed: poster.seed,
    // The old model's own settings (SDXL's steps, presets) mean nothing to the model that stands in.
    ...(notice ? { notice } : poster.params),
  };
}

/** The feed's first page, as GET /api/posters?mine=true lists it, so it paints with the page. A failure leaves it to
 * the feed, which asks for it once mounted and says so if it fails again. */
function firstPageOf(member: { sub: string }) {
  return listPosterViews({
    limit: FEED_PAGE_SIZE,
    filter: { maker: member.sub, versions: versionsByDefault() },
    viewer: member.sub,
  }).catch((error) => {
    console.error(JSON.stringify({ msg: "studio feed not listed", error: String(error) }));
    return undefined;
  });
}

export default async function StudioPage({ searchParams }: { searchParams: Search }) {
  // Rendered per request: whether Bedrock is the local emulator is a run-time setting, not a build-time one.
  await connection();
  const { local, problem } = studioEnvironment();
  const member = problem ? undefined : await requireMember("/");
  const [start, prompts, today, firstPage] =
    problem || !member
      ? [undefined, [], undefined, undefined]
      : await Promise.all([
          startFrom((await searchParams).from),
          recentPrompts().catch(() => []),
          spendingToday(member.sub),
          firstPageOf(member),
        ]);
  return (
    <>
      <h1 className="sr-only">Poster studio</h1>
      {problem && <ConfigProblem detail={problem} />}
      {local && <PreviewNotice />}
      <Studio
        start={start}
        recentPrompts={prompts}
        today={today ?? { day: "", teamSpent: 0, teamBudget: 0, userSpent: 0, userBudget: null }}
        me={{ sub: member?.sub ?? "", isAdmin: member?.isAdmin ?? false }}
        firstPage={firstPage}
      />
    </>
  );
}
