import { randomBytes } from "node:crypto";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import sharp from "sharp";
import { uploadKey } from "@/lib/storage";
import { LOCAL_BUCKET } from "@/local/stack";
import type { MemberName } from "./local-stack";

// Puts a file where a member's pre-signed upload would have landed (offline S3 stores whatever it is sent, so this
// is exactly what the server finds after a real upload), and makes test images.

let s3: S3Client | undefined;

export async function putUpload(member: MemberName, bytes: Buffer, contentType = "image/png"): Promise<string> {
  s3 ??= new S3Client({
    region: "us-west-2",
    endpoint: process.env.ONESHEET_S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestHandler: new NodeHttpHandler(),
  });
  const uploadId = randomBytes(16).toString("base64url"); // as the server makes them
  await s3.send(
    new PutObjectCommand({
      Bucket: LOCAL_BUCKET,
      Key: uploadKey(member, uploadId),
      Body: bytes,
      ContentType: contentType,
    }),
  );
  return uploadId;
}

/** A test picture: a plain background with a contrasting block in the middle (a "subject"). */
export async function picture(width: number, height: number): Promise<Buffer> {
  const block = await sharp({
    create: { width: Math.round(width / 2), height: Math.round(height / 2), channels: 3, background: "#e23" },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: "#1a3b6c" } })
    .composite([{ input: block, left: Math.round(width / 4), top: Math.round(height / 4) }])
    .removeAlpha()
    .png()
    .toBuffer();
}

/** A mask: white (change) over the rectangle given, black elsewhere. */
export async function rectMask(
  width: number,
  height: number,
  rect: { left: number; top: number; width: number; height: number },
) {
  const white = await sharp({ create: { width: rect.width, height: rect.height, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: "#000" } })
    .composite([{ input: white, left: rect.left, top: rect.top }])
    .removeAlpha()
    .png()
    .toBuffer();
}

export async function pixels(png: Buffer) {
  return sharp(png).raw().toBuffer({ resolveWithObject: true });
}
