import "server-only";
import { AppError } from "../errors";
import type { Member } from "../identity";
import { mayChange } from "../permissions";
import { readUpload } from "../uploads";
import { loadCampaign, marketProblems, mergeMarkets, resolveMarkets } from "./service";
import { parseMarketSheet, type SheetError } from "./spreadsheet";

// Markets from a spreadsheet (a CSV or XLSX sent with the pre-signed upload): every row checked as the markets
// table checks it — its cells (lib/campaigns/spreadsheet.ts), then whether the kit's faces can set it — and each bad
// row reported with its line. Nothing is imported when any row is bad, unless the person asks for the good rows only.
// Imported markets replace the campaign's market of the same code; the others stay.

export interface ImportResult {
  imported: number;
  /** The first MAX_REPORTED problems, in line order; `errorCount` says how many there were in all. */
  errors: SheetError[];
  errorCount: number;
}

/** A sheet of 10,000 bad rows is reported by its first problems: enough to see what is wrong, not a 2 MB answer. */
export const MAX_REPORTED = 200;

/** "line 3 · title" keys for the error's fields, as the table shows them. */
const fieldsOf = (errors: readonly SheetError[]) =>
  Object.fromEntries(errors.map((e) => [`${e.line}.${e.field}`, e.message]));

export async function importMarkets(
  campaignId: string,
  request: { uploadId: string; goodRowsOnly?: boolean | undefined },
  member: Member,
): Promise<ImportResult> {
  const campaign = await loadCampaign(campaignId);
  if (!mayChange(member, campaign.createdBy)) throw new AppError("forbidden");
  const sheet = await parseMarketSheet(await readUpload(member, request.uploadId, "spreadsheet"));
  // Rows the sheet's own checks passed, checked against the kit's faces and the scripts this release sets.
  const resolved = resolveMarkets(
    sheet.rows.map((r) => r.market),
    campaign.placements,
  );
  const problems = await marketProblems(campaign, resolved);
  const errors: SheetError[] = [...sheet.errors];
  for (const [key, message] of Object.entries(problems)) {
    const [index, field = "title"] = key.split(".");
    const row = sheet.rows[Number(index)];
    if (row) errors.push({ line: row.line, field, message });
  }
  errors.sort((a, b) => a.line - b.line);
  const badLines = new Set(errors.map((e) => e.line));
  const good = sheet.rows.filter((r) => !badLines.has(r.line));
  if (errors.length && !request.goodRowsOnly) {
    const lines = badLines.size;
    throw new AppError("invalid_input", {
      message: `${lines} ${lines === 1 ? "row has" : "rows have"} problems, so nothing was imported: fix ${lines === 1 ? "it" : "them"}, or import the ${good.length} good ${good.length === 1 ? "row" : "rows"} only.`,
      fields: fieldsOf(errors.slice(0, MAX_REPORTED)),
    });
  }
  if (good.length)
    await mergeMarkets(
      campaign.id,
      good.map((r) => r.market),
      member,
    );
  return { imported: good.length, errors: errors.slice(0, MAX_REPORTED), errorCount: errors.length };
}
