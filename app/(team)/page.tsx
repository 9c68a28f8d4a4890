import { connection } from "next/server";
import { ConfigProblem, PreviewNotice } from "@/components/notices";
import { Studio, type StudioStart } from "@/components/studio/studio";
import { requireMember } from "@/lib/identity";
import { modelForReuse } from "@/lib/models";
import { findPosterView, recentPrompts } from "@/lib/posters/service";
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

export default async function StudioPage({ searchParams }: { searchParams: Search }) {
  // Rendered per request: whether Bedrock is the local emulator is a run-time setting, not a build-time one.
  await connection();
  const { local, problem } = studioEnvironment();
  const member = problem ? undefined : await requireMember("/");
  const [start, prompts, today] = problem
    ? [undefined, [], undefined]
    : await Promise.all([
        startFrom((await searchParams).from),
        recentPrompts().catch(() => []),
        spendingToday(member?.sub ?? ""),
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
      />
    </>
  );
}
