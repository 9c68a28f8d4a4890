import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { errorFacts } from "../error-facts";
import { awsClients } from "./clients";
import { getConfig } from "./config";
import { urlWindow } from "./url-window";

// Image bytes in S3. The table stores keys only; URLs are signed per read and short-lived, because a URL signed
// with a Lambda role's temporary credentials dies with them whatever its stated expiry. Signing happens within
// fixed time windows (./url-window.ts) so the same object keeps the same URL, and the browser's cache, for a while.

/** `cacheControl`: images never change under their key (immutable); a report made for one person says no-store. */
export async function putObject(
  key: string,
  body: Uint8Array,
  contentType: string,
  signal?: AbortSignal,
  cacheControl = "private, max-age=31536000, immutable",
) {
  await awsClients().s3.send(
    new PutObjectCommand({
      Bucket: getConfig().bucket,
      Key: key,
      Body: body,
      ContentType: contentType,
      ContentLength: body.byteLength,
      CacheControl: cacheControl,
    }),
    { abortSignal: signal },
  );
}

/** A server-side copy within the bucket (no bytes pass through the app): e.g. a share link's snapshot. */
export async function copyObject(from: string, to: string) {
  const bucket = getConfig().bucket;
  await awsClients().s3.send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: to,
      CopySource: `${bucket}/${from.split("/").map(encodeURIComponent).join("/")}`,
    }),
  );
}

export async function deleteObjects(keys: readonly string[]) {
  if (keys.length === 0) return;
  await awsClients().s3.send(
    new DeleteObjectsCommand({
      Bucket: getConfig().bucket,
      Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
    }),
  );
}

export interface SignedUrl {
  url: string;
  expiresAt: string;
}

/** A GET URL for one object; `downloadAs` makes the browser save it under that file name. */
export async function signGet(
  key: string,
  options: { downloadAs?: string; ttlSeconds?: number } = {},
): Promise<SignedUrl> {
  const window = urlWindow(Date.now(), options.ttlSeconds ?? getConfig().urlTtlSeconds);
  const url = await getSignedUrl(
    awsClients().s3,
    new GetObjectCommand({
      Bucket: getConfig().bucket,
      Key: key,
      ...(options.downloadAs ? { ResponseContentDisposition: `attachment; filename="${options.downloadAs}"` } : {}),
    }),
    { signingDate: window.signingDate, expiresIn: window.expiresIn },
  );
  return { url, expiresAt: window.expiresAt.toISOString() };
}

/** The objects under a prefix, a page (up to 1,000) at a time: key and when it was last written. */
export async function* listObjectPages(prefix: string): AsyncGenerator<{ key: string; lastModified: Date }[]> {
  let token: string | undefined;
  do {
    const page = await awsClients().s3.send(
      new ListObjectsV2Command({ Bucket: getConfig().bucket, Prefix: prefix, ContinuationToken: token }),
    );
    yield (page.Contents ?? []).flatMap((o) =>
      o.Key && o.LastModified ? [{ key: o.Key, lastModified: o.LastModified }] : [],
    );
    token = page.NextContinuationToken;
  } while (token);
}

/** A signed POST form for one object of exactly this type and size (each field is also an exact-match condition
 * of the policy). S3 enforces the policy; S3-compatible servers may not, so whoever reads it checks it again. */
export async function signUploadForm(
  key: string,
  form: { contentType: string; bytes: number; expiresInSeconds: number },
): Promise<{ url: string; fields: Record<string, string> }> {
  return createPresignedPost(awsClients().s3, {
    Bucket: getConfig().bucket,
    Key: key,
    Expires: form.expiresInSeconds,
    Fields: { "Content-Type": form.contentType },
    Conditions: [["content-length-range", form.bytes, form.bytes]],
  });
}

const isMissing = (error: unknown) => {
  const { status, name } = errorFacts(error);
  return status === 404 || name === "NotFound" || name === "NoSuchKey";
};

/** An object's bytes; with `missing: "undefined"`, undefined when there is none (otherwise that throws). */
export async function getObjectBytes(key: string): Promise<Buffer>;
export async function getObjectBytes(key: string, options: { missing: "undefined" }): Promise<Buffer | undefined>;
export async function getObjectBytes(key: string, options?: { missing: "undefined" }): Promise<Buffer | undefined> {
  try {
    const { Body } = await awsClients().s3.send(new GetObjectCommand({ Bucket: getConfig().bucket, Key: key }));
    if (!Body) throw new Error(`empty object ${key}`);
    return Buffer.from(await Body.transformToByteArray());
  } catch (error) {
    if (options?.missing === "undefined" && isMissing(error)) return undefined;
    throw error;
  }
}

/** An object's size in bytes, or undefined when there is none. */
export async function objectSize(key: string): Promise<number | undefined> {
  try {
    const head = await awsClients().s3.send(new HeadObjectCommand({ Bucket: getConfig().bucket, Key: key }));
    return head.ContentLength ?? 0;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Whether an object is there (a job's earlier attempt may have stored it). */
export async function objectExists(key: string): Promise<boolean> {
  return (await objectSize(key)) !== undefined;
}

/** An object's bytes as they arrive, for copying into a file without holding them all (an archive's members). */
export async function getObjectStream(key: string): Promise<ReadableStream<Uint8Array>> {
  const { Body } = await awsClients().s3.send(new GetObjectCommand({ Bucket: getConfig().bucket, Key: key }));
  if (!Body) throw new Error(`empty object ${key}`);
  return Body.transformToWebStream();
}

/** Uploads a file from disk as a stream (a print master can be hundreds of MB: never read into memory). */
export async function putFile(key: string, file: string, contentType: string) {
  const { size } = await stat(file);
  await awsClients().s3.send(
    new PutObjectCommand({
      Bucket: getConfig().bucket,
      Key: key,
      Body: createReadStream(file),
      ContentType: contentType,
      ContentLength: size,
      CacheControl: "private, max-age=31536000, immutable",
    }),
  );
  return size;
}
