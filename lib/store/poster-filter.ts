import "server-only";
import type { PosterStatus } from "../library-requests";
import type { Filter } from "./listing";
import type { PosterRecord } from "./posters";

// The gallery's filters, twice over: as a DynamoDB filter expression for the newest-first listing, and as a
// predicate for posters already in hand (a board's). Both read the same attributes; tests hold them together.

export interface PosterFilter {
  model?: string;
  aspectRatio?: string;
  /** The caller's favourites only (favourites are per person): needs `viewer`. */
  favorite?: boolean;
  /** "generate" or an operation id. */
  operation?: string;
  /** fold: originals only (posters not made from another that still exists); show (the default here): all. */
  versions?: "fold" | "show";
  /** Words that must all appear in the prompt, in any case. */
  search?: string;
  /** The OpenID subject of who made it. */
  maker?: string;
  /** Where it stands in review ("draft": never sent for review). */
  status?: PosterStatus;
  /** Who is asking: whose favourites "favourites only" means. */
  viewer?: string;
}

/** The attribute that holds a poster's prompt lowercased, for case-insensitive search (DynamoDB's contains() is
 * case-sensitive). Written with every new poster; older items fall back to the prompt itself (see below). */
export const SEARCH_ATTRIBUTE = "promptSearch";
export const searchText = (prompt: string) => prompt.toLocaleLowerCase("en");

const MAX_WORDS = 8;

/** "Harbor  NIGHT" → ["harbor", "night"]: distinct lowercased words, at most eight. */
export function searchWords(search: string | undefined): string[] {
  if (!search) return [];
  return [...new Set(searchText(search).split(/\s+/).filter(Boolean))].slice(0, MAX_WORDS);
}

// A poster written before `promptSearch` existed is matched on its prompt as typed, lowercased, Capitalised or in
// capitals: what prompts hold in practice ("Harbor at night", "HARBOR"). The sweeper's backfill removes the case.
const spellings = (word: string) => [
  ...new Set([word, word[0]?.toLocaleUpperCase("en") + word.slice(1), word.toLocaleUpperCase("en")]),
];

/** Legacy favourites (one team-wide flag, before favourites were per person) count as their maker's. */
const LEGACY_FAVORITE = "favorite";

export function posterFilter(filter: PosterFilter): Filter | undefined {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const equal = (attribute: string, value: unknown) => {
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    parts.push(`#${attribute} = :${attribute}`);
  };
  if (filter.model) equal("model", filter.model);
  if (filter.aspectRatio) equal("aspectRatio", filter.aspectRatio);
  if (filter.maker) equal("createdBy", filter.maker);
  if (filter.favorite) {
    parts.push("(contains(#favoritedBy, :viewer) OR (#legacyFavorite = :true AND #maker = :viewer))");
    names["#favoritedBy"] = "favoritedBy";
    names["#legacyFavorite"] = LEGACY_FAVORITE;
    names["#maker"] = "createdBy";
    values[":viewer"] = filter.viewer ?? "";
    values[":true"] = true;
  }
  if (filter.operation) {
    // Posters from before lineage have no `operation`: they were generated.
    parts.push(filter.operation === "generate" ? "(attribute_not_exists(#op) OR #op = :op)" : "#op = :op");
    names["#op"] = "operation";
    values[":op"] = filter.operation;
  }
  if (filter.status) {
    names["#status"] = "reviewStatus";
    if (filter.status === "draft") parts.push("attribute_not_exists(#status)");
    else {
      parts.push("#status = :status");
      values[":status"] = filter.status;
    }
  }
  if (filter.versions === "fold") {
    parts.push("(attribute_not_exists(#parent) OR #gone = :gone)");
    names["#parent"] = "parentId";
    names["#gone"] = "parentGone";
    values[":gone"] = true;
  }
  const words = searchWords(filter.search);
  if (words.length) {
    names["#search"] = SEARCH_ATTRIBUTE;
    names["#prompt"] = "prompt";
  }
  words.forEach((word, w) => {
    const legacy = spellings(word).map((spelling, s) => {
      values[`:w${w}s${s}`] = spelling;
      return `contains(#prompt, :w${w}s${s})`;
    });
    values[`:w${w}`] = word;
    parts.push(`(contains(#search, :w${w}) OR (attribute_not_exists(#search) AND (${legacy.join(" OR ")})))`);
  });
  return parts.length ? { expression: parts.join(" AND "), names, values } : undefined;
}

/** Whether `viewer` has starred the poster (a legacy team-wide star counts for its maker). */
export function isFavoriteOf(record: PosterRecord, viewer: string | undefined): boolean {
  if (!viewer) return false;
  if (record.favoritedBy?.has(viewer)) return true;
  return record.favorite === true && record.createdBy === viewer;
}

/** The same filter as posterFilter, for posters in hand. */
export function matchesFilter(record: PosterRecord, filter: PosterFilter): boolean {
  if (filter.model && record.model !== filter.model) return false;
  if (filter.aspectRatio && record.aspectRatio !== filter.aspectRatio) return false;
  if (filter.maker && record.createdBy !== filter.maker) return false;
  if (filter.favorite && !isFavoriteOf(record, filter.viewer)) return false;
  if (filter.operation && (record.operation ?? "generate") !== filter.operation) return false;
  if (filter.status && (record.reviewStatus ?? "draft") !== filter.status) return false;
  if (filter.versions === "fold" && record.parentId && !record.parentGone) return false;
  const prompt = searchText(record.prompt ?? "");
  return searchWords(filter.search).every((word) => prompt.includes(word));
}
