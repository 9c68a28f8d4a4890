import "server-only";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { awsClients } from "./aws/clients";
import { getConfig } from "./aws/config";
import { deleteObjects } from "./aws/s3";
import { EXPIRY_RULES } from "./storage";

// The bucket's lifecycle rules, applied by hand: on AWS S3 applies them itself (sst.config.ts declares them from
// EXPIRY_RULES); s3rver has no lifecycle rules, so the offline launcher's sweep runs this.

/** Removes what the rules expire, as of `now`; returns the keys removed. */
export async function applyExpiryRules(now = Date.now()): Promise<string[]> {
  const { s3 } = awsClients();
  const removed: string[] = [];
  for (const rule of EXPIRY_RULES) {
    const cutoff = now - rule.days * 86_400_000;
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: getConfig().bucket, Prefix: rule.prefix, ContinuationToken: token }),
      );
      const old = (page.Contents ?? []).flatMap((o) =>
        o.Key && o.LastModified && o.LastModified.getTime() < cutoff ? [o.Key] : [],
      );
      for (let i = 0; i < old.length; i += 1000) await deleteObjects(old.slice(i, i + 1000));
      removed.push(...old);
      token = page.NextContinuationToken;
    } while (token);
  }
  return removed;
}
