"use client";

import { useState } from "react";
import type { CampaignView } from "@/lib/campaigns/types";
import { ApiError, api, type MarketImport } from "@/lib/client/api";
import { uploadSpreadsheet } from "@/lib/client/uploads";
import { SPREADSHEET_CONTENT_TYPES } from "@/lib/upload-rules";
import { plural } from "./format";

// Markets from a spreadsheet (CSV or XLSX; the template has the columns): uploaded, then imported. A row that is
// wrong is reported with its line and why; then nothing is imported, unless "Import the good rows only" is asked
// for. An imported market replaces the table's row of the same code; the others stay.

/** The file picker's choice: by name (browsers label a CSV as they please), and by type. */
const ACCEPT = [".csv", ".xlsx", ...SPREADSHEET_CONTENT_TYPES].join(",");
const button = "rounded-md border border-edge px-3 py-1.5 text-sm hover:border-accent disabled:opacity-60";

export function MarketsImport(props: {
  campaignId: string;
  disabled: boolean;
  /** The table has unsaved edits: an import would reload it from the server, so it waits. */
  dirty: boolean;
  onImported: (campaign: CampaignView) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<MarketImport | null>(null);
  const [error, setError] = useState("");

  async function run(goodRowsOnly: boolean) {
    if (!file) return;
    setBusy(true);
    setError("");
    try {
      // The same upload is imported again for the good rows only.
      const id = uploadId ?? (await uploadSpreadsheet(file)).uploadId;
      setUploadId(id);
      const answer = await api.importMarkets(props.campaignId, {
        uploadId: id,
        ...(goodRowsOnly ? { goodRowsOnly } : {}),
      });
      setResult(answer);
      if (answer.imported > 0) props.onImported(await api.getCampaign(props.campaignId));
    } catch (failure) {
      setResult(null);
      setError(failure instanceof ApiError ? failure.message : "Couldn't import the spreadsheet: try again.");
    } finally {
      setBusy(false);
    }
  }

  const refused = result !== null && result.imported === 0 && result.errors.length > 0;
  const badRows = new Set(result?.errors.map((e) => e.line)).size;
  const more = result?.errorCount !== undefined && result.errorCount > result.errors.length;
  return (
    <section aria-labelledby="import-heading" className="space-y-3 rounded-lg border border-edge bg-panel p-4">
      <h3 id="import-heading" className="text-lg font-semibold">
        Import a spreadsheet
      </h3>
      <p className="max-w-3xl text-sm text-muted">
        A CSV or Excel (XLSX) file with a row per market, in the template&apos;s columns. A market already in the table
        is replaced by its row; the others stay.
      </p>
      <a href="/api/campaigns/template.csv" download className={`${button} inline-block`}>
        Download template
      </a>
      <form
        aria-label="Import markets"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void run(false);
        }}
      >
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="markets-file" className="text-sm font-medium">
            Spreadsheet (CSV or XLSX)
          </label>
          <input
            id="markets-file"
            type="file"
            accept={ACCEPT}
            disabled={props.disabled || busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setUploadId(null);
              setResult(null);
              setError("");
            }}
            className="max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-edge file:bg-ink file:px-3 file:py-1.5 file:text-sm file:text-white"
          />
        </div>
        <button type="submit" className={button} disabled={!file || busy || props.disabled || props.dirty}>
          {busy ? "Importing…" : "Import"}
        </button>
        {props.dirty && <p className="text-sm text-muted">Save or discard the table&apos;s changes first.</p>}
      </form>
      <div role="status" className="space-y-2 text-sm">
        {result && !refused && (
          <p>
            Imported {plural(result.imported, "market")}.
            {badRows > 0 && ` ${plural(badRows, "row was", "rows were")} left out:`}
          </p>
        )}
        {refused && <p className="text-danger">{result.refused ?? "Nothing was imported: some rows need fixing."}</p>}
      </div>
      {result && result.errors.length > 0 && (
        <>
          {more && (
            <p className="text-sm text-muted">
              The first {result.errors.length} of {result.errorCount} problems, by line:
            </p>
          )}
          <ul aria-label="Rows with problems" className="space-y-1 text-sm">
            {result.errors.map((row) => (
              <li key={`${row.line}-${row.field}-${row.message}`} className="text-danger">
                <span className="font-medium">Line {row.line}</span>
                {row.field ? ` (${row.field})` : ""}: {row.message}
              </li>
            ))}
          </ul>
          {refused && (
            <button type="button" className={button} disabled={busy} onClick={() => run(true)}>
              Import the good rows only
            </button>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  );
}
