import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import sharp from "sharp";
import { getConfig } from "../aws/config";
import { getObjectBytes } from "../aws/s3";
import { addPosterToBoard } from "../boards";
import { composePoster } from "../design/render";
import type { Design } from "../design/schema";
import { AppError } from "../errors";
import type { Member } from "../identity";
import { nearestAspectRatio, operationRequestSchema } from "../models";
import { prepareOperation, runOperation } from "../operation-pipeline";
import { mayChange } from "../permissions";
import { artKeys, composedKeys, storeImagePair } from "../poster-files";
import { toPosterView } from "../poster-view";
import { cropBox } from "../print/placements";
import { withBudget } from "../spending";
import { getBoard } from "../store/boards";
import { RANDOM_ID } from "../store/items";
import { getPoster, type PosterRecord, putPoster } from "../store/posters";
import { loadKeyArt, type PackEntry, type packRequestSchema, planChosen } from "./plan";
import type { PackFailure, PackResult } from "./types";

// Makes a format pack: each chosen placement from the key art, as its own poster (parent = the key art), with the
// key art's design re-laid for its canvas (the same Design rendered at the new size). A crop is cut here with sharp
// (no model, no charge); a Reframe runs exactly as the develop panel's does (POST /api/posters): prepared first,
// then admitted, charged once and written with its charge by the budget. Formats fail on their own: the others
// are kept (and charged); a failed one is reported and, if its model never answered, not charged.

type PackRequest = ReturnType<typeof packRequestSchema.parse>;

/** The art with the key art's design composed over it (if it has one), stored beside it, then `write` with both. */
async function withDesign(
  record: PosterRecord,
  art: Buffer,
  design: Design | undefined,
  write: (record: PosterRecord) => Promise<void>,
): Promise<void> {
  if (!design) return write(record);
  const composed = await composePoster(art, design);
  const stored = composedKeys(record.id);
  await storeImagePair({ png: stored.composedKey, webp: stored.composedThumbKey }, composed.png, {
    commit: () => write({ ...record, design, ...stored }),
  });
}

async function crop(keyArt: PosterRecord, art: Buffer, entry: PackEntry, member: Member): Promise<PosterRecord> {
  const box = cropBox(keyArt, entry.placement);
  const png = await sharp(art)
    .extract({ left: box.left, top: box.top, width: box.width, height: box.height })
    .png()
    .toBuffer();
  const id = randomBytes(12).toString("base64url");
  const record: PosterRecord = {
    id,
    prompt: keyArt.prompt,
    ...(keyArt.negativePrompt ? { negativePrompt: keyArt.negativePrompt } : {}),
    model: keyArt.model,
    aspectRatio: nearestAspectRatio(box.width, box.height),
    params: {},
    seed: keyArt.seed,
    width: box.width,
    height: box.height,
    bytes: png.byteLength,
    price: 0,
    createdAt: new Date().toISOString(),
    operation: "crop",
    parentId: keyArt.id,
    inputs: { placement: entry.placement.id, left: box.left, top: box.top, width: box.width, height: box.height },
    ...artKeys(id),
    createdBy: member.sub,
    createdByName: member.name,
  };
  let written = record;
  await storeImagePair({ png: record.imageKey, webp: record.thumbKey }, png, {
    commit: () =>
      withDesign(record, png, keyArt.design, async (r) => {
        await putPoster(r);
        written = r;
      }),
  });
  return written;
}

async function reframe(keyArt: PosterRecord, entry: PackEntry, member: Member, signal?: AbortSignal) {
  if (entry.method.kind !== "reframe") throw new Error("not a reframe");
  const request = operationRequestSchema.parse({
    operation: "reframe",
    source: { posterId: keyArt.id },
    ...entry.method.margins,
    ...(keyArt.prompt ? { prompt: keyArt.prompt } : {}),
  });
  const prepared = await prepareOperation(request, member);
  const { invokeId, price } = prepared.plan.service;
  let written: PosterRecord | undefined;
  const view = await withBudget(member, { model: invokeId, price }, randomUUID(), (billing) =>
    runOperation(prepared, {
      signal,
      createdBy: member,
      onModelAnswered: billing.modelAnswered,
      // The item goes with its charge, as every operation's does: first the design is composed and stored.
      writeItem: async (record) => {
        const placed = { ...record, inputs: { ...record.inputs, placement: entry.placement.id } };
        const art = await getObjectBytes(record.imageKey);
        await withDesign(placed, art, keyArt.design, async (r) => {
          await billing.writeItem(r);
          written = r;
        });
      },
    }),
  );
  // Written by us unless its answer was lost and the table said it had landed: then read it back.
  return written ?? (await getPoster(view.id));
}

/** Runs `work` over `items`, at most `limit` at a time, keeping each outcome in order. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T).then(
        (value) => ({ status: "fulfilled", value }) as const,
        (reason) => ({ status: "rejected", reason }) as const,
      );
    }
  });
  await Promise.all(lanes);
  return results;
}

export const zipUrlFor = (keyArtId: string, ids: readonly string[]) =>
  `/api/posters/${keyArtId}/pack/zip?ids=${ids.map(encodeURIComponent).join(",")}`;

export async function makePack(
  keyArtId: string,
  request: PackRequest,
  member: Member,
  signal?: AbortSignal,
): Promise<PackResult> {
  const keyArt = await loadKeyArt(keyArtId);
  const entries = planChosen(keyArt, request.formats);
  // A board the member may not add to refuses the pack before anything is made or paid.
  if (request.boardId !== undefined) {
    const board = RANDOM_ID.test(request.boardId) ? await getBoard(request.boardId) : undefined;
    if (!board) throw new AppError("board_not_found");
    if (!mayChange(member, board.createdBy)) throw new AppError("forbidden");
  }
  const art = await getObjectBytes(keyArt.imageKey);
  // Reframes hold one of the member's in-flight slots each: leave one free for whatever else they are doing.
  const lanes = Math.max(1, Math.min(3, getConfig().maxInFlight - 1));
  const outcomes = await pool(entries, lanes, async (entry) => {
    const record =
      entry.method.kind === "crop"
        ? await crop(keyArt, art, entry, member)
        : await reframe(keyArt, entry, member, signal);
    if (!record) throw new AppError("internal", { cause: new Error("the reframe wrote no poster") });
    return { record, entry };
  });

  const made = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
  const failed = outcomes.flatMap((o, i): PackFailure[] => {
    if (o.status === "fulfilled") return [];
    const error = o.reason instanceof AppError ? o.reason : new AppError("internal", { cause: o.reason });
    if (!(o.reason instanceof AppError))
      console.error(JSON.stringify({ msg: "pack format failed", error: String(o.reason) }));
    return [{ format: entries[i]?.placement.id ?? "", code: error.code, message: error.message }];
  });
  if (made.length === 0) {
    const first = outcomes[0];
    throw first?.status === "rejected" ? first.reason : new AppError("internal");
  }

  let board: PackResult["board"];
  if (request.boardId !== undefined) {
    try {
      for (const { record } of made) await addPosterToBoard(request.boardId, record.id, member);
      board = { id: request.boardId, added: true };
    } catch (error) {
      const message = error instanceof AppError ? error.message : "The pack could not be added to the board.";
      board = { id: request.boardId, added: false, message };
    }
  }
  const ids = made.map((m) => m.record.id);
  return {
    posters: await Promise.all(made.map((m) => toPosterView(m.record))),
    failed,
    charged: Math.round(made.reduce((sum, m) => sum + m.entry.price, 0) * 100) / 100,
    zipUrl: zipUrlFor(keyArtId, ids),
    ...(board ? { board } : {}),
  };
}
