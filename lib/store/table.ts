// The one DynamoDB table's key design, shared by the app, the offline stack's table creation and sst.config.ts.
// Plain data (no SDK import) so any of them can read it.
//
// Access patterns, present and planned:
//   poster by id              pk = POSTER#<id>        sk = META
//   posters newest first      gsi1pk = POSTERS        gsi1sk = <createdAt>#<id>   (Query gsi1, descending)
//   later: boards (BOARD#<id>), share tokens (SHARE#<token>), the spending ledger (LEDGER#<day>) in the same table.

export const TABLE_KEYS = {
  partitionKey: "pk",
  sortKey: "sk",
  indexes: [{ name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" }],
} as const;

export const keys = {
  poster: (id: string) => ({ pk: `POSTER#${id}`, sk: "META" }),
  posterListing: (createdAt: string, id: string) => ({ gsi1pk: "POSTERS", gsi1sk: `${createdAt}#${id}` }),
};
