// S3 keys of what jobs make (plain data, no SDK: sst.config.ts's lifecycle rules read it too).
//
//   jobs/{jobId}/{step}/{call}.png   a paid model call's answer inside a job (a pack's reframe, its upscale), kept so
//                                    an attempt after a dead worker reuses it instead of paying again
//   jobs/{jobId}/{name}.zip          an archive a job built (a format pack), handed out as a signed URL
//
// Everything under jobs/ is a working copy or a convenience: S3 expires it after JOB_FILES_DAYS (the posters a
// job made live under posters/, like every poster).

export const JOBS_PREFIX = "jobs/";
export const JOB_FILES_DAYS = 7;

const safe = (part: string) => part.replace(/[^\w-]+/g, "-");

export const jobCallKey = (jobId: string, step: string, call: string) =>
  `${JOBS_PREFIX}${jobId}/${safe(step)}/${safe(call)}.png`;

export const jobArchiveKey = (jobId: string, name: string) => `${JOBS_PREFIX}${jobId}/${safe(name)}.zip`;
