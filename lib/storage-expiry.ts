import "server-only";
import { deleteObjects, listObjectPages } from "./aws/s3";
import { EXPIRY_RULES } from "./storage";

// The bucket's lifecycle rules, applied by hand: on AWS S3 applies them itself (sst.config.ts declares them from
// EXPIRY_RULES); s3rver has no lifecycle rules, so the offline launcher's sweep runs this.

/** Removes what the rules expire, as of `now`; returns the keys removed. */
export async function applyExpiryRules(now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const rule of EXPIRY_RULES) {
    const cutoff = now - rule.days * 86_400_000;
    for await (const page of listObjectPages(rule.prefix)) {
      const old = page.filter((o) => o.lastModified.getTime() < cutoff).map((o) => o.key);
      await deleteObjects(old);
      removed.push(...old);
    }
  }
  return removed;
}
