import { createCipheriv, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";

// SST's CLI downloads Pulumi and can't run here, so sst.config.ts is evaluated with SST's globals stubbed, and the
// server function's run-time environment is built from what it declares, the way SST v4 builds it (checked against
// SST's source: platform/src/components/aws/function.ts normalizeEnvironment, link.ts build, secret.ts):
// - the component's `environment`, plus SST_RESOURCE_App, SST_KEY and SST_KEY_FILE="resource.enc";
// - every linked resource's properties (a bucket's name, a table's name and arn, a secret's value, each with its
//   type) encrypted with AES-256-GCM under SST_KEY, a zero nonce, the tag appended, into resource.enc beside the
//   handler. No SST_RESOURCE_<link> variables: those exist only while SST builds.

export type Declared = { type: string; name: string; args: Record<string, unknown>; resource: object };

export interface DeployOptions {
  stage?: string;
  /** Physical names SST would give, by logical name (default: generated like SST's `onesheet-<stage>-<name>-<hash>`). */
  physicalNames?: Record<string, string>;
  /** Values `npx sst secret set` stored, by secret name (SST reads them as SST_SECRET_<name>). */
  secrets?: Record<string, string>;
  /** Variables in the shell that runs `sst deploy` (sst.config.ts reads a few, e.g. ONESHEET_DOMAIN). */
  env?: Record<string, string>;
  /** Queue URLs SST would give, by logical name (default: an AWS-shaped URL from the physical name). */
  queueUrls?: Record<string, string>;
}

interface Linkable {
  link(): Record<string, unknown>;
}
const linkable = (value: unknown): value is Linkable =>
  typeof value === "object" && value !== null && "link" in value && typeof value.link === "function";

class SecretMissingError extends Error {}

/** The AWS account the stubbed deploy runs in. */
export const ACCOUNT = "123456789012";

export async function deploy(options: DeployOptions = {}) {
  const stage = options.stage ?? "production";
  const declared: Declared[] = [];
  const physical = (name: string) =>
    options.physicalNames?.[name] ?? `onesheet-${stage}-${name.toLowerCase()}-${randomBytes(4).toString("hex")}`;

  function component(
    type: string,
    properties: (self: { name: string; arn: string; url: string }) => Record<string, unknown>,
  ) {
    return class {
      name: string;
      arn: string;
      url = `https://${type.toLowerCase()}.example`;
      constructor(logical: string, args: Record<string, unknown> = {}) {
        this.name = physical(logical);
        this.arn = `arn:aws:${type.toLowerCase()}:::${this.name}`;
        declared.push({ type, name: logical, args, resource: this });
        Object.defineProperty(this, "link", {
          value: () => ({ [logical]: { ...properties(this), type: `sst:aws:${type}` } }),
        });
      }
    };
  }

  Object.assign(globalThis, {
    $config: (c: unknown) => c,
    // Pulumi's outputs, as plain values: the account SST deploys into, and string interpolation over outputs.
    $interpolate: (strings: TemplateStringsArray, ...values: unknown[]) =>
      strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ""), ""),
    aws: {
      getCallerIdentityOutput: () => ({ accountId: ACCOUNT }),
      // Pulumi's AWS provider resources used directly (not through an SST component).
      cloudfront: {
        CachePolicy: class {
          id: string;
          constructor(logical: string, args: Record<string, unknown>) {
            this.id = `cache-policy-${logical}`;
            declared.push({ type: "CachePolicy", name: logical, args, resource: this });
          }
        },
      },
    },
    sst: {
      aws: {
        Bucket: component("Bucket", (b) => ({ name: b.name })),
        Dynamo: component("Dynamo", (t) => ({ name: t.name, arn: t.arn })),
        Nextjs: component("Nextjs", () => ({})),
        Cron: component("Cron", () => ({})),
        // SST's Queue: its link is its URL (with sqs:* on it); `subscribe` makes the worker function and the event
        // source mapping (recorded here as a "QueueSubscriber" with the function's and the batch's arguments).
        Queue: class extends component("Queue", (q) => ({ url: q.url })) {
          constructor(logical: string, args: Record<string, unknown> = {}) {
            super(logical, args);
            this.url = options.queueUrls?.[logical] ?? `https://sqs.us-west-2.amazonaws.com/${ACCOUNT}/${this.name}`;
            this.arn = `arn:aws:sqs:us-west-2:${ACCOUNT}:${this.name}`;
          }
          subscribe(subscriber: unknown, subscriberArgs: Record<string, unknown> = {}) {
            declared.push({
              type: "QueueSubscriber",
              name: `${this.name}Subscriber`,
              args: { queue: this, subscriber, ...subscriberArgs },
              resource: {},
            });
          }
        },
      },
      Secret: class {
        value: string;
        constructor(name: string, placeholder?: string) {
          // As SST does: the stored value, else the placeholder, else the deploy fails.
          const value = options.secrets?.[name] ?? placeholder;
          if (typeof value !== "string") throw new SecretMissingError(`Set a value for ${name}`);
          this.value = value;
          declared.push({ type: "Secret", name, args: { placeholder }, resource: this });
          Object.defineProperty(this, "link", { value: () => ({ [name]: { value, type: "sst:sst:Secret" } }) });
        }
      },
    },
  });
  // A computed path, so the type checkers don't follow it into a file typed only by SST's downloaded platform.
  const file = "../../sst.config";
  type Config = { app: (input: { stage: string }) => { name: string }; run: () => Promise<unknown> };
  const config = ((await import(/* @vite-ignore */ file)) as { default: Config }).default;
  const saved = { ...process.env };
  const outputs = await (async () => {
    for (const name of Object.keys(process.env)) if (name.startsWith("ONESHEET_")) delete process.env[name];
    Object.assign(process.env, options.env);
    try {
      return await config.run();
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  })();
  const app = config.app({ stage });

  const find = (type: string) => {
    const found = declared.find((d) => d.type === type);
    if (!found) throw new Error(`sst.config.ts declares no ${type}`);
    return found;
  };

  /**
   * The environment SST gives a function at run time, with its resource.enc written into `dir` (its working
   * directory on Lambda).
   */
  function runtimeEnvironment(fn: Declared, dir: string): Record<string, string> {
    const links = (fn.args.link as unknown[] | undefined) ?? [];
    const data = Object.assign({}, ...links.filter(linkable).map((l) => l.link()));
    const key = randomBytes(32);
    const cipher = createCipheriv("aes-256-gcm", key, Buffer.alloc(12, 0));
    const sealed = Buffer.concat([cipher.update(JSON.stringify(data)), cipher.final(), cipher.getAuthTag()]);
    writeFileSync(path.join(dir, "resource.enc"), sealed);
    return {
      ...(fn.args.environment as Record<string, string> | undefined),
      SST_RESOURCE_App: JSON.stringify({ name: app.name, stage }),
      SST_KEY: key.toString("base64"),
      SST_KEY_FILE: "resource.enc",
    };
  }

  return { config, app, outputs, declared, find, runtimeEnvironment };
}
