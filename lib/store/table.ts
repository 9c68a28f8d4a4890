// The one DynamoDB table's key design, shared by the app, the offline stack's table creation and sst.config.ts.
// Plain data (no SDK import) so any of them can read it.
//
// Access patterns:
//   poster by id              pk = POSTER#<id>          sk = META
//   posters newest first      gsi1pk = POSTERS          gsi1sk = <createdAt>#<id>   (Query gsi1, descending)
//   posters made from one        pk = POSTER#<parentId>    sk = VERSION#<createdAt>#<id>  (written with the child's item)
//   board by id, in order     pk = BOARD#<id>           sk = META   (posterIds: the ordered list)
//   boards newest first       gsi1pk = BOARDS           gsi1sk = <createdAt>#<id>
//   share link by token       pk = SHARE#<token>        sk = META   (ttl: DynamoDB removes it after expiry)
//   live links of a poster    gsi1pk = SHARES#poster#<id>, of a board SHARES#board#<id>; gsi1sk = <createdAt>#<token>
//   spending of a UTC day       pk = LEDGER#<day>         sk = TOTAL | USER#<user> (running totals, in cents)
//                                                       sk = ENTRY#<time>#<id> (one per charged generation)
//   reservations not settled    pk = RESERVATIONS         sk = <startedAt>#<requestId> (the sweeper settles old ones)
//   generations in flight       pk = INFLIGHT#<user>      sk = SLOT#<n>  (one item per running generation)
//   API requests per minute     pk = RATE#<user>          sk = <minute>  (ttl: gone after two minutes)
//   team member by OpenID sub   pk = MEMBER#<sub>         sk = META
//   team members              gsi1pk = MEMBERS          gsi1sk = <sub>  (kept at each sign-in: the gallery's makers)
//   API token by its hash       pk = TOKEN#<sha256>       sk = META   (never the token itself; ttl if it expires)
//   a member's tokens           gsi1pk = TOKENS#<sub>     gsi1sk = <createdAt>#<id>
//   a review, by its link       pk = SHARE#<token>        sk = REVIEW#<createdAt>#<id>
//   all reviews newest first    gsi1pk = REVIEWS          gsi1sk = <createdAt>#<id>   (on the link's copy)
//   reviews of a board/poster   pk = BOARD#<id> / POSTER#<id>   sk = REVIEW#<createdAt>#<id>   (copies, same write)
//   when a member last looked   pk = MEMBER#<sub>         sk = REVIEWS_SEEN
//   a job (long work, queued)   pk = JOB#<id>             sk = META   (ttl once finished)
//   jobs about a poster         gsi1pk = JOBS#<subject>   gsi1sk = <createdAt>#<id>   (subject: poster#<id>)
//   jobs not finished           pk = JOBS#OPEN            sk = <createdAt>#<id>   (the sweeper's look for lost ones)
//   campaign by id            pk = CAMPAIGN#<id>        sk = META   (its kit, markets and key art on the item)
//   campaigns newest first    gsi1pk = CAMPAIGNS        gsi1sk = <createdAt>#<id>
//   a deliverable (a cell)    pk = CAMPAIGN#<id>        sk = CELL#<market>#<placement>
//   a placement's art         pk = CAMPAIGN#<id>        sk = ART#<keyArtId>#<placement>  (made once, shared by markets)
//   a deliverables ZIP        pk = CAMPAIGN#<id>        sk = ZIP#<digest of what it holds>
//   a one-off maintenance run   pk = MAINTENANCE          sk = <name>  (that it ran, when, what it changed)
//   a comment (team or review)  pk = COMMENT#<id>         sk = META
//   comments on a poster/board  gsi1pk = COMMENTS#poster#<id> / COMMENTS#board#<id>; gsi1sk = <createdAt>#<id>
//   a member's notifications    pk = NOTIFY#<sub>         sk = <createdAt>#<id>   (ttl: gone after 90 days)
//   a poster in the trash       pk = TRASH#<id>           sk = META   (its POSTER#<id> item moved here, all of it)
//   the trash, newest first   gsi1pk = TRASH            gsi1sk = <trashedAt>#<id>   (the sweeper purges the oldest)

export const TABLE_KEYS = {
  partitionKey: "pk",
  sortKey: "sk",
  indexes: [{ name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" }],
  ttlAttribute: "ttl",
} as const;

export type ShareTarget = "poster" | "board";

export const keys = {
  poster: (id: string) => ({ pk: `POSTER#${id}`, sk: "META" }),
  posterVersion: (parentId: string, createdAt: string, id: string) => ({
    pk: `POSTER#${parentId}`,
    sk: `VERSION#${createdAt}#${id}`,
  }),
  posterListing: (createdAt: string, id: string) => ({ gsi1pk: "POSTERS", gsi1sk: `${createdAt}#${id}` }),
  board: (id: string) => ({ pk: `BOARD#${id}`, sk: "META" }),
  boardListing: (createdAt: string, id: string) => ({ gsi1pk: "BOARDS", gsi1sk: `${createdAt}#${id}` }),
  share: (token: string) => ({ pk: `SHARE#${token}`, sk: "META" }),
  ledgerTotal: (day: string) => ({ pk: `LEDGER#${day}`, sk: "TOTAL" }),
  ledgerUser: (day: string, user: string) => ({ pk: `LEDGER#${day}`, sk: `USER#${user}` }),
  ledgerEntry: (day: string, at: string, id: string) => ({ pk: `LEDGER#${day}`, sk: `ENTRY#${at}#${id}` }),
  reservation: (startedAt: string, id: string) => ({ pk: "RESERVATIONS", sk: `${startedAt}#${id}` }),
  inFlightSlot: (user: string, slot: number) => ({ pk: `INFLIGHT#${user}`, sk: `SLOT#${slot}` }),
  rateWindow: (user: string, minute: number) => ({ pk: `RATE#${user}`, sk: String(minute) }),
  /** A per-person budget for one kind of expensive work (design renders), per clock minute. */
  workWindow: (user: string, work: string, minute: number) => ({ pk: `WORK#${user}#${work}`, sk: String(minute) }),
  member: (sub: string) => ({ pk: `MEMBER#${sub}`, sk: "META" }),
  memberListing: (sub: string) => ({ gsi1pk: "MEMBERS", gsi1sk: sub }),
  token: (hash: string) => ({ pk: `TOKEN#${hash}`, sk: "META" }),
  tokenListing: (sub: string, createdAt?: string, id?: string) => ({
    gsi1pk: `TOKENS#${sub}`,
    ...(createdAt && id ? { gsi1sk: `${createdAt}#${id}` } : {}),
  }),
  /** A review under its link, its board or its poster (`owner`: SHARE#…, BOARD#…, POSTER#…). */
  review: (owner: string, createdAt: string, id: string) => ({ pk: owner, sk: `REVIEW#${createdAt}#${id}` }),
  reviewListing: (createdAt: string, id: string) => ({ gsi1pk: "REVIEWS", gsi1sk: `${createdAt}#${id}` }),
  reviewsSeen: (sub: string) => ({ pk: `MEMBER#${sub}`, sk: "REVIEWS_SEEN" }),
  job: (id: string) => ({ pk: `JOB#${id}`, sk: "META" }),
  jobListing: (subject: string, createdAt?: string, id?: string) => ({
    gsi1pk: `JOBS#${subject}`,
    ...(createdAt && id ? { gsi1sk: `${createdAt}#${id}` } : {}),
  }),
  openJob: (createdAt: string, id: string) => ({ pk: "JOBS#OPEN", sk: `${createdAt}#${id}` }),
  campaign: (id: string) => ({ pk: `CAMPAIGN#${id}`, sk: "META" }),
  campaignListing: (createdAt: string, id: string) => ({ gsi1pk: "CAMPAIGNS", gsi1sk: `${createdAt}#${id}` }),
  campaignCell: (id: string, market: string, placement: string) => ({
    pk: `CAMPAIGN#${id}`,
    sk: `CELL#${market}#${placement}`,
  }),
  campaignArt: (id: string, keyArtId: string, placement: string) => ({
    pk: `CAMPAIGN#${id}`,
    sk: `ART#${keyArtId}#${placement}`,
  }),
  campaignZip: (id: string, digest: string) => ({ pk: `CAMPAIGN#${id}`, sk: `ZIP#${digest}` }),
  maintenance: (name: string) => ({ pk: "MAINTENANCE", sk: name }),
  comment: (id: string) => ({ pk: `COMMENT#${id}`, sk: "META" }),
  commentListing: (target: ShareTarget, targetId: string, createdAt?: string, id?: string) => ({
    gsi1pk: `COMMENTS#${target}#${targetId}`,
    ...(createdAt && id ? { gsi1sk: `${createdAt}#${id}` } : {}),
  }),
  trashed: (id: string) => ({ pk: `TRASH#${id}`, sk: "META" }),
  trashListing: (trashedAt: string, id: string) => ({ gsi1pk: "TRASH", gsi1sk: `${trashedAt}#${id}` }),
  notification: (sub: string, createdAt: string, id: string) => ({ pk: `NOTIFY#${sub}`, sk: `${createdAt}#${id}` }),
  shareListing: (target: ShareTarget, id: string, createdAt?: string, token?: string) => ({
    gsi1pk: `SHARES#${target}#${id}`,
    ...(createdAt && token ? { gsi1sk: `${createdAt}#${token}` } : {}),
  }),
};
