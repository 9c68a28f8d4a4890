import Link from "next/link";
import type { ExportView } from "@/lib/api-types";
import { ExportList } from "../print/export-list";

// The poster workspace's Design and Print tabs: the lettering and the print panel are the design editor's, on its
// own page for now; these say what is there, open it, and list the print masters already made.

const primary = "inline-block rounded-md bg-accent px-4 py-2 text-sm font-semibold text-ink hover:brightness-110";
const onlyMaker = "Only the person who made this poster, or an admin, can change its design.";

export function DesignTab(props: { posterId: string; designed: boolean; canChange: boolean }) {
  return (
    <section aria-labelledby="design-tab-h" className="space-y-3 text-sm">
      <h2 id="design-tab-h" className="font-display text-2xl tracking-wide">
        Design
      </h2>
      <p className="text-muted">
        {props.designed
          ? "The lettering on this poster: title, tagline, billing block and release date, set on a template."
          : "Letter this poster: a title or logo, a tagline, the billing block and the release date, set on a template."}
      </p>
      {props.canChange ? (
        <Link href={`/posters/${props.posterId}/design`} className={primary}>
          {props.designed ? "Edit the design" : "Design the poster"}
        </Link>
      ) : (
        <p className="text-muted">{onlyMaker}</p>
      )}
    </section>
  );
}

export function PrintTab(props: { posterId: string; canChange: boolean; exports: ExportView[] }) {
  return (
    <section aria-labelledby="print-tab-h" className="space-y-3 text-sm">
      <h2 id="print-tab-h" className="font-display text-2xl tracking-wide">
        Print
      </h2>
      <p className="text-muted">
        Print-ready masters at a standard size (a US one-sheet, a UK quad, A1, A0, a bus shelter) or your own, with
        bleed and how sharp the art will print: a PDF with the lettering on its own layers, or a CMYK TIFF.
      </p>
      {props.canChange ? (
        <Link href={`/posters/${props.posterId}/design?print=us-one-sheet`} className={primary}>
          Make a print master
        </Link>
      ) : (
        <p className="text-muted">Only the person who made this poster, or an admin, can make print masters.</p>
      )}
      {props.exports.length === 0 && <p className="text-muted">No print masters made yet.</p>}
      <ExportList exports={props.exports} />
    </section>
  );
}
