import "server-only";
import { AppError } from "../errors";
import type { Member } from "../identity";
import { isId } from "../ids";
import { enqueueJob, jobStatusUrl } from "../jobs/enqueue";
import type { PackStep } from "../jobs/schema";
import { toUsd } from "../money";
import { mayArrangeBoard } from "../permissions";
import { checkBudget } from "../spending";
import { getBoard } from "../store/boards";
import { loadKeyArt, packCents, planChosen } from "./plan";
import type { PackRequest } from "./request";
import type { PackQueued } from "./types";

// Asking for a format pack: everything that can refuse it is checked before it is queued (unknown or unreachable
// formats, a board the member may not add to, a budget that can't pay for it), then the job (lib/pack/job.ts) makes
// it. The answer is at once: 202 with the job's status URL.

export async function startPack(keyArtId: string, request: PackRequest, member: Member): Promise<PackQueued> {
  const keyArt = await loadKeyArt(keyArtId);
  const entries = planChosen(keyArt, request.formats);
  if (request.boardId !== undefined) {
    const board = isId(request.boardId) ? await getBoard(request.boardId) : undefined;
    if (!board) throw new AppError("board_not_found");
    if (!mayArrangeBoard(member, { createdBy: board.createdBy, editors: [...(board.editors ?? [])] })) {
      throw new AppError("forbidden");
    }
  }
  const cents = packCents(entries);
  await checkBudget(member, cents);
  const steps: Record<string, PackStep> = Object.fromEntries(
    entries.map((e) => [e.placement.id, { status: "pending", charged: {} } satisfies PackStep]),
  );
  const job = await enqueueJob({
    type: "pack",
    subject: `poster#${keyArt.id}`,
    owner: { sub: member.sub, email: member.email, name: member.name },
    input: {
      keyArtId: keyArt.id,
      formats: entries.map((e) => e.placement.id),
      ...(request.boardId ? { boardId: request.boardId } : {}),
    },
    steps,
  });
  return { jobId: job.id, statusUrl: jobStatusUrl(job.id), status: job.status, price: toUsd(cents) };
}
