import type { OpenNextConfig } from "@opennextjs/aws/types/open-next.js";
import deployed from "../../open-next.config";

// For building the Lambda bundle locally and in CI (`npm run build:lambda`): what SST deploys (../../open-next.config.ts,
// buffered, API Gateway v2 events), but with the page cache, tag cache and revalidation queue as no-ops, since there
// is no AWS here and every OneSheet page is dynamic anyway.
const config = {
  ...deployed,
  default: {
    ...deployed.default,
    override: {
      wrapper: "aws-lambda",
      converter: "aws-apigw-v2",
      incrementalCache: "dummy",
      tagCache: "dummy",
      queue: "dummy",
    },
  },
} satisfies OpenNextConfig;

export default config;
