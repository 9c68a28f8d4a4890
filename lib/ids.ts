// Ids of everything the app makes (posters, boards, exports, jobs, reports' folders, logos): 96 bits from the
// platform's CSPRNG (Web Crypto, in Node and the browser alike), url-safe, 16 characters. Minted here only, so
// `isId` can refuse anything else before it reaches the table; the record schemas use ID_PATTERN. Pure.
// (Share tokens and API tokens are capabilities, and longer: lib/store/shares.ts, lib/store/tokens.ts.)

export const ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}

/** Whether a string from a request could be one of our ids (its shape: it says nothing of whether it exists). */
export const isId = (value: string): boolean => ID_PATTERN.test(value);
