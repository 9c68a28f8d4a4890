import type { OpenNextConfig } from "@opennextjs/aws/types/open-next.js";

// OpenNext's settings for the server function SST deploys. OpenNext leaves sharp out of the server function (Next.js
// only needs it for image optimisation, which runs elsewhere); the poster pipeline needs it for thumbnails, so it is
// installed for Lambda's platform. Keep the version equal to package.json's (test/sst-config.test.ts checks).
export const SHARP = "sharp@0.35.5";

const config = {
  default: {
    install: { packages: [SHARP], arch: "x64", libc: "glibc" },
  },
} satisfies OpenNextConfig;

export default config;
