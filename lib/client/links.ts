// Links people paste into chat and email: the app's own pages, never a pre-signed S3 URL (those die in minutes).

/** The poster's page in OneSheet, for the team (sign-in required). */
export function posterPageUrl(id: string, origin = window.location.origin): string {
  return new URL(`/posters/${encodeURIComponent(id)}`, origin).toString();
}

/** /compare?ids=a,b,c: 2 to 4 posters side by side. */
export function compareHref(ids: readonly string[]): string {
  return `/compare?ids=${ids.map(encodeURIComponent).join(",")}`;
}
