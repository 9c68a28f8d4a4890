import { createHash } from "node:crypto";

// The bucket's layout, in one place: every prefix, every key builder and the parsers of keys. Plain data and
// string functions (no SDK): the app builds its keys here, the sweeper lists these prefixes for leftovers,
// sst.config.ts's lifecycle rules and the offline sweep expire what EXPIRY_RULES says. The table stores these keys,
// never URLs; URLs are signed per read (lib/aws/s3.ts), and every S3 call goes through that module.
//
//   posters/{id}/poster.png                the model's art, never changed
//   posters/{id}/thumb.webp                its thumbnail
//   posters/{id}/composed-{version}.png    the art with its typography (a design), if it has one; new per save, so
//   posters/{id}/composed-{version}.webp   a URL signed for one version can never show another
//   posters/{id}/logo-{random}.png         the design's title logo, if it has one (lib/posters/logo.ts)
//   posters/{id}/exports/{exportId}.pdf|tif  a print master (lib/print/exports.ts)
//   posters/{id}/exports/{exportId}.psd      the layered file of a designed poster (lib/print/psd.ts)
//   shares/{token}/{posterId}.png|webp     a board shared "as sent": copies of what the reviewers were sent
//   uploads/{sha256(sub)[0..16]}/{uploadId}  a member's upload, read back only from their own folder
//   jobs/{jobId}/{step}/{call}.png         a paid model call's answer inside a job (a pack's reframe, its upscale),
//                                          kept so an attempt after a dead worker reuses it instead of paying again
//   jobs/{jobId}/{name}.zip                an archive a job built (a format pack, a campaign's deliverables),
//                                          handed out as a signed URL
//   campaigns/{id}/logo-{random}.png       a campaign's title logo (its kit's or a market's)
//   reports/{random}/{name}.csv            a file made for one download (the spending CSV)
//
// Everything under uploads/, jobs/ and reports/ is a working copy or a convenience and expires on its own; what a
// poster or a link owns lives under its own prefix and goes with it.

export const POSTERS_PREFIX = "posters/";
export const SHARES_PREFIX = "shares/";
export const UPLOADS_PREFIX = "uploads/";
export const JOBS_PREFIX = "jobs/";
export const REPORTS_PREFIX = "reports/";

/** An upload is a step towards a poster, used within minutes. */
export const UPLOAD_LIFETIME_DAYS = 1;
export const JOB_FILES_DAYS = 7;
export const REPORT_FILES_DAYS = 1;

/** What S3 expires on its own (the bucket's lifecycle rules in sst.config.ts; offline, the launcher's sweep applies
 * the same rules, as s3rver has none). */
export const EXPIRY_RULES = [
  { id: "expire-unused-uploads", prefix: UPLOADS_PREFIX, days: UPLOAD_LIFETIME_DAYS },
  // What jobs keep while they work (a paid call's answer) and hand out (a pack's ZIP): a week is plenty.
  { id: "expire-job-files", prefix: JOBS_PREFIX, days: JOB_FILES_DAYS },
  // A report is made for one download, signed for minutes.
  { id: "expire-reports", prefix: REPORTS_PREFIX, days: REPORT_FILES_DAYS },
] as const;

const safe = (part: string) => part.replace(/[^\w-]+/g, "-");

// Posters

export function artKeys(posterId: string) {
  return { imageKey: `${POSTERS_PREFIX}${posterId}/poster.png`, thumbKey: `${POSTERS_PREFIX}${posterId}/thumb.webp` };
}

/** Keys for a newly saved design; the version only needs to differ from the poster's previous one. */
export function composedKeys(posterId: string, version = Date.now().toString(36)) {
  return {
    composedKey: `${POSTERS_PREFIX}${posterId}/composed-${version}.png`,
    composedThumbKey: `${POSTERS_PREFIX}${posterId}/composed-${version}.webp`,
  };
}

/** Where a design's logo (named by the design, `logo-…`) is stored. */
export const logoKey = (posterId: string, logo: string) => `${POSTERS_PREFIX}${posterId}/${logo}.png`;

/** A campaign's own files: its title logos (a market's or the kit's), copied beside each deliverable that uses one. */
export const CAMPAIGNS_PREFIX = "campaigns/";
export const campaignLogoKey = (campaignId: string, logo: string) => `${CAMPAIGNS_PREFIX}${campaignId}/${logo}.png`;

const EXPORT_EXTENSIONS = { pdf: "pdf", tiff: "tif", psd: "psd" } as const;

export const exportFileKey = (posterId: string, exportId: string, format: keyof typeof EXPORT_EXTENSIONS) =>
  `${POSTERS_PREFIX}${posterId}/exports/${exportId}.${EXPORT_EXTENSIONS[format]}`;

/** The poster an object under posters/ belongs to. */
export const posterIdOfKey = (key: string): string => key.slice(POSTERS_PREFIX.length).split("/")[0] ?? "";

// Share links

export const snapshotKeys = (token: string, posterId: string) => ({
  imageKey: `${SHARES_PREFIX}${token}/${posterId}.png`,
  thumbKey: `${SHARES_PREFIX}${token}/${posterId}.webp`,
});

/** The link an object under shares/ belongs to. */
export const shareTokenOfKey = (key: string): string => key.slice(SHARES_PREFIX.length).split("/")[0] ?? "";

// Uploads: the folder is a hash so keys don't spell out who uploaded; the id is 128 random bits.

const uploadFolder = (sub: string) => createHash("sha256").update(sub).digest("hex").slice(0, 16);

export const uploadKey = (sub: string, uploadId: string) => `${UPLOADS_PREFIX}${uploadFolder(sub)}/${uploadId}`;

// Jobs and reports

export const jobCallKey = (jobId: string, step: string, call: string) =>
  `${JOBS_PREFIX}${jobId}/${safe(step)}/${safe(call)}.png`;

export const jobArchiveKey = (jobId: string, name: string) => `${JOBS_PREFIX}${jobId}/${safe(name)}.zip`;

export const reportKey = (random: string, name: string) => `${REPORTS_PREFIX}${safe(random)}/${safe(name)}.csv`;
