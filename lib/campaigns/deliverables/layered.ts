import "server-only";
import { getObjectBytes, objectSize, putObject } from "../../aws/s3";
import { logoBytes } from "../../posters/logo";
import { composePsd } from "../../print/psd";
import { exportFileKey } from "../../storage";
import type { PosterRecord } from "../../store/posters";
import { derivedId, digestOf } from "./digest";

// A cell's layered PSD for the deliverable ZIPs. Making one takes seconds (every text layer rendered apart), and the
// same cell goes into its market's ZIP and the whole matrix's, and again into the next ZIP after an unrelated
// market changed: so it is kept beside the poster's other exports under a name derived from exactly what it is made
// of (the art and the design), and made again only when one of them changed (a designer re-lettering the cell on
// its poster page). Not an export record: it is a ZIP's ingredient, not something the poster page lists.

export interface LayeredCell {
  key: string;
  width: number;
  height: number;
}

/** The layered file of a designed cell poster: kept in S3 (made now if it isn't yet); undefined without a design. */
export async function layeredCell(poster: PosterRecord): Promise<LayeredCell | undefined> {
  const design = poster.design;
  if (!design) return undefined;
  const key = exportFileKey(poster.id, derivedId("layered", digestOf([poster.imageKey, design])), "psd");
  if ((await objectSize(key)) === undefined) {
    const art = await getObjectBytes(poster.imageKey);
    const logo = design.logo ? await logoBytes(poster.id, design.logo) : undefined;
    const psd = await composePsd(art, design, logo ? { logo } : {});
    await putObject(key, psd.bytes, "image/vnd.adobe.photoshop");
  }
  return { key, width: poster.width, height: poster.height };
}
