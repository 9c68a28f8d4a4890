import { z } from "zod";
import { ID_PATTERN } from "../ids";

// A job, as stored in DynamoDB: one schema per kind of job, parsed on every read and write (lib/store/jobs.ts), so a
// record that isn't what the code expects is caught where it is read, never passed on. Pure: the status view the
// browser reads is built from these types too.

export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;

const id = z.string().regex(ID_PATTERN);

/** Why a job (or one of its steps) ended without its result: one of the API's error codes, and its sentence. */
export const jobErrorSchema = z.object({ code: z.string(), message: z.string() });
export type JobError = z.infer<typeof jobErrorSchema>;

/** Who asked: the member whose budget pays for the job's model calls and whose the new posters are. */
export const jobOwnerSchema = z.object({ sub: z.string().min(1), email: z.string(), name: z.string() });
export type JobOwner = z.infer<typeof jobOwnerSchema>;

/** One placement of a format pack: made (its poster) or failed (why); `charged` lists the paid model calls already
 * charged for it (by name: "reframe", "upscale"), so a job taken again after a worker died never pays twice. */
export const packStepSchema = z.object({
  status: z.enum(["pending", "done", "failed"]),
  posterId: id.optional(),
  error: jobErrorSchema.optional(),
  charged: z.record(z.string(), z.number().int().min(0)),
});
export type PackStep = z.infer<typeof packStepSchema>;

const base = {
  id,
  status: jobStatusSchema,
  /** What the job is about (its status is listed there): `poster#<id>`, `campaign#<id>`. */
  subject: z.string().min(1),
  owner: jobOwnerSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Times a worker took it (SQS's receive count of the attempt). */
  attempts: z.number().int().min(0),
  /** The worker holding it, and until when (it renews this while it works). */
  holder: z.string().optional(),
  leaseUntil: z.iso.datetime().optional(),
  /** Why the last attempt stopped, for the next one's logs and the final reason. */
  lastError: z.string().optional(),
  error: jobErrorSchema.optional(),
};

export const packJobSchema = z.object({
  ...base,
  type: z.literal("pack"),
  input: z.object({ keyArtId: id, formats: z.array(z.string()).min(1), boardId: id.optional() }),
  steps: z.record(z.string(), packStepSchema),
  result: z
    .object({
      zipKey: z.string().optional(),
      zipName: z.string().optional(),
      board: z.object({ id, added: z.boolean(), message: z.string().optional() }).optional(),
    })
    .optional(),
});
export type PackJob = z.infer<typeof packJobSchema>;

export const exportJobSchema = z.object({
  ...base,
  type: z.literal("export"),
  input: z.object({ posterId: id, exportId: id }),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

/** A run of a campaign's matrix (lib/campaigns/deliverables): it fans out into a job per placement, which makes the
 * placement's art once and then a job per batch of markets, so hundreds of cells never run in one worker. */
export const campaignRunJobSchema = z.object({
  ...base,
  type: z.literal("campaign-run"),
  input: z.object({
    campaignId: id,
    keyArtId: id,
    /** When the run was asked for: a cell is written by the newest run that asked for it, never an older one. */
    runAt: z.iso.datetime(),
    cells: z.array(z.object({ market: z.string(), placement: z.string() })),
  }),
});
export type CampaignRunJob = z.infer<typeof campaignRunJobSchema>;

const cellsOfRun = {
  campaignId: id,
  keyArtId: id,
  runId: id,
  runAt: z.iso.datetime(),
  placement: z.string(),
  /** How the placement's art is made (lib/campaigns/deliverables/plan.ts artHash). */
  artHash: z.string(),
  markets: z.array(z.string()),
};

export const campaignPlacementJobSchema = z.object({
  ...base,
  type: z.literal("campaign-placement"),
  input: z.object(cellsOfRun),
  /** The placement's art, as a format pack's step (its paid calls recorded, so none is paid twice). */
  steps: z.record(z.string(), packStepSchema),
});
export type CampaignPlacementJob = z.infer<typeof campaignPlacementJobSchema>;

export const campaignCellsJobSchema = z.object({
  ...base,
  type: z.literal("campaign-cells"),
  input: z.object({ ...cellsOfRun, artPosterId: id }),
});
export type CampaignCellsJob = z.infer<typeof campaignCellsJobSchema>;

export const campaignZipJobSchema = z.object({
  ...base,
  type: z.literal("campaign-zip"),
  input: z.object({ campaignId: id, digest: z.string(), market: z.string().optional() }),
});
export type CampaignZipJob = z.infer<typeof campaignZipJobSchema>;

export const jobSchema = z.discriminatedUnion("type", [
  packJobSchema,
  exportJobSchema,
  campaignRunJobSchema,
  campaignPlacementJobSchema,
  campaignCellsJobSchema,
  campaignZipJobSchema,
]);
export type Job = z.infer<typeof jobSchema>;
export type JobType = Job["type"];

/** The body of a job's SQS message: only its id (the job is in the table). */
export const jobMessageSchema = z.strictObject({ jobId: id });
