import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http";

// Unknown API paths answer JSON too, never the HTML 404 page.
const notFound = handle(async () => {
  throw new AppError("route_not_found");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
