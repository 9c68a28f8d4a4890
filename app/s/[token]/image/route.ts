import { sharedImage } from "../redirect";

// The share's poster (or ?poster=<id> of a shared board), full size: a stable app URL for link unfurls and share
// pages, redirecting to a freshly signed S3 URL.
export const GET = sharedImage({ download: false });
