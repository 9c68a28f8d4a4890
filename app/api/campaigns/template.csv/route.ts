import { marketSheetTemplate, TEMPLATE_FILE_NAME } from "@/lib/campaigns/sheet-template";
import { handle, methodNotAllowed } from "@/lib/http";

/** → the spreadsheet to fill in for a market import: the header and three example markets, as a CSV download. */
export const GET = handle(async () => {
  return new Response(marketSheetTemplate(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${TEMPLATE_FILE_NAME}"`,
    },
  });
});

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
