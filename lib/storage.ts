// S3 keys of what jobs make, and of reports made for a download (plain data, no SDK: sst.config.ts's lifecycle
// rules read it too).
//
//   jobs/{jobId}/{step}/{call}.png   a paid model call's answer inside a job (a pack's reframe, its upscale), kept so
//                                    an attempt after a dead worker reuses it instead of paying again
//   jobs/{jobId}/{name}.zip          an archive a job built (a format pack), handed out as a signed URL
//
// Everything under jobs/ is a working copy or a convenience: S3 expires it after JOB_FILES_DAYS (the posters a
// job made live under posters/, like every poster).

//   reports/{random}/{name}.csv      a file made for one download (the spending CSV): too big, in a busy month, for
//                                    a function's answer; S3 expires it after REPORT_FILES_DAYS
export const JOBS_PREFIX = "jobs/";
export const REPORTS_PREFIX = "reports/";
export const REPORT_FILES_DAYS = 1;
export const JOB_FILES_DAYS = 7;

import { UPLOAD_LIFETIME_DAYS, UPLOADS_PREFIX } from "./upload-rules";

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

export const jobCallKey = (jobId: string, step: string, call: string) =>
  `${JOBS_PREFIX}${jobId}/${safe(step)}/${safe(call)}.png`;

export const jobArchiveKey = (jobId: string, name: string) => `${JOBS_PREFIX}${jobId}/${safe(name)}.zip`;

export const reportKey = (random: string, name: string) => `${REPORTS_PREFIX}${safe(random)}/${safe(name)}.csv`;
