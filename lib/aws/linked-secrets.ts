import "server-only";
import { Resource } from "sst/resource";
import { SIGN_IN_SECRETS } from "../deploy/sst-names";

// On AWS the sign-in secrets are SST links: SST encrypts linked values into the function's resource file and hands it
// the key (SST_KEY, SST_KEY_FILE), and `Resource` decrypts them on first use. Offline and in tests nothing is linked,
// `in` finds nothing (it never throws), and the plain environment variables are used instead.

/** The linked sign-in secrets, keyed by the environment variable each stands for. */
export function linkedSignInSecrets(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, { variable }] of Object.entries(SIGN_IN_SECRETS)) {
    if (!(name in Resource)) continue;
    const link: unknown = Reflect.get(Resource, name);
    if (typeof link === "object" && link !== null && "value" in link && typeof link.value === "string") {
      found[variable] = link.value;
    }
  }
  return found;
}
