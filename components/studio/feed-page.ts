// How many of my posters the studio's feed shows at a time. Its own module (no "use client"), so the studio page
// can list the first page on the server with the same size the feed's "Load more" asks for.
export const FEED_PAGE_SIZE = 12;
