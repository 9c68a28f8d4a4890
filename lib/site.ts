import "server-only";
import { getAuthConfig, getSiteUrl, usesLocalModels } from "./aws/config";

// What pages say about the deployment they run in, read from the one validated config (lib/aws/config.ts): the site's
// address, which sign-in it uses, whether art comes from the offline emulator. Pages ask here rather than reading
// configuration themselves.

/** The site's own address as browsers show it (for absolute links: share previews, callbacks); undefined while it
 *  isn't configured (the page still shows, without what needs it). */
export function siteUrl(): URL | undefined {
  try {
    return new URL(getSiteUrl());
  } catch {
    return undefined;
  }
}

/** The sign-in provider's name for the sign-in page, or the sentence saying what an admin must set up. */
export function signInSetup(): { provider?: string; problem?: string } {
  try {
    return { provider: getAuthConfig().providerName };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** For the studio: whether sign-in is set up, and whether the art is the offline emulator's (the UI says so). */
export function studioEnvironment(): { local: boolean; problem?: string } {
  try {
    getAuthConfig();
    return { local: usesLocalModels() };
  } catch (error) {
    return { local: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
