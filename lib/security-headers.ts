import "server-only";
import { getConfig, getSiteUrl } from "./aws/config";

// The Content-Security-Policy for pages: scripts only from this site with this response's nonce (Next.js puts the
// nonce on its own scripts), images from this site and the image bucket, no framing, no plugins.

/** Where pre-signed image URLs point: the S3 endpoint offline, the bucket's virtual-hosted origin on AWS. */
function imageOrigin(): string {
  try {
    const config = getConfig();
    if (config.s3Endpoint) return new URL(config.s3Endpoint).origin;
    return `https://${config.bucket}.s3.${config.region}.amazonaws.com`;
  } catch {
    return ""; // not configured: pages say so, and show no images
  }
}

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React sets style attributes (aspect ratios); no script can run from a style.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${imageOrigin()}`.trim(),
    "font-src 'self'",
    // Uploads go from the browser straight to the bucket with a pre-signed POST.
    `connect-src 'self' ${imageOrigin()}`.trim(),
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** HSTS for a site served over HTTPS (decided by the configured site URL, not by request headers a proxy or client
 * sets); none for plain-HTTP sites such as the offline stack, where browsers would then refuse to connect. */
export function strictTransportSecurity(): string | undefined {
  try {
    return getSiteUrl().startsWith("https:") ? "max-age=31536000; includeSubDomains" : undefined;
  } catch {
    return undefined; // not configured: the server refuses to serve anyway
  }
}
