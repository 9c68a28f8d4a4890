import "server-only";
import { putObject, signGet } from "./aws/s3";
import { newId } from "./ids";
import { recentSpending } from "./spending";
import { ledgerCsv } from "./spending-csv";
import { reportKey } from "./storage";

// The spending CSV for a download: written to S3 and handed out as a short-lived signed URL. A busy team's quarter is
// tens of thousands of rows — more than a function's answer may carry — and reading it takes a few DynamoDB
// queries, so it is made in the request (seconds) and never streamed through the function.

export async function spendingCsvUrl(days: number): Promise<string> {
  const byDay = await recentSpending(days);
  const name = `onesheet-spending-${byDay.at(-1)?.day}-to-${byDay[0]?.day}`;
  const key = reportKey(newId(), name);
  const csv = new TextEncoder().encode(ledgerCsv(byDay.flatMap((d) => d.entries)));
  await putObject(key, csv, "text/csv; charset=utf-8", undefined, "private, no-store");
  return (await signGet(key, { downloadAs: `${name}.csv`, ttlSeconds: 300 })).url;
}
