"use client";

import type { CampaignView } from "@/lib/campaigns/types";
import { FONTS, type FontId } from "@/lib/design/fonts";
import { type CreditDraft, creditsText } from "./credits-editor";

// The film's title set on the first key art in the kit's face, size, spacing and colour — or the kit's title logo in
// its place — with its credits and legal line at the foot: a sketch in CSS, live as the kit is edited (the matrix's
// posters are rendered by the server).

export interface PreviewedKit {
  titleFont: FontId;
  billingFont: FontId;
  titleSize: number;
  letterSpacing: number;
  titleColor: string | null;
  palette: string[];
  credits: CreditDraft[];
  legalLine: string;
}

export function KitPreview(props: { campaign: CampaignView; kit: PreviewedKit; logoUrl?: string }) {
  const { kit, campaign } = props;
  const art = campaign.keyArt[0];
  const title = FONTS[kit.titleFont];
  const billing = FONTS[kit.billingFont];
  const credits = creditsText(kit.credits);
  const ratio = art ? `${art.width} / ${art.height}` : "2 / 3";
  return (
    <figure aria-labelledby="kit-preview-caption" className="mx-auto w-full max-w-xs space-y-2">
      <div
        className="@container relative w-full overflow-hidden rounded-lg border border-edge bg-panel"
        style={{ aspectRatio: ratio }}
      >
        {art ? (
          // biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser
          <img src={art.thumbnailUrl} alt="" className="absolute inset-0 h-full w-full object-cover" />
        ) : (
          <p className="absolute inset-x-0 top-4 px-4 text-center text-xs text-muted">
            Add key art (Overview) to preview the kit on it.
          </p>
        )}
        <div className="absolute inset-x-0 bottom-0 h-2/3 bg-gradient-to-t from-black/80 to-transparent" />
        {props.logoUrl ? (
          // As the renderer fits it: six title sizes wide at most (within the margins), a third of the height.
          <div className="absolute inset-x-[6%] top-[58%] flex h-[28%] justify-center">
            {/* biome-ignore lint/performance/noImgElement: pre-signed URLs expire; no image optimiser */}
            <img
              src={props.logoUrl}
              alt={`${campaign.title} (the kit's title logo)`}
              className="h-full object-contain object-top"
              style={{ width: `min(100%, ${kit.titleSize * 6}cqw)` }}
            />
          </div>
        ) : (
          <p
            className="absolute inset-x-[6%] top-[58%] text-center leading-none break-words uppercase"
            style={{
              fontFamily: `"${title.family}"`,
              fontWeight: title.weight,
              fontSize: `${kit.titleSize}cqw`,
              letterSpacing: `${kit.letterSpacing}em`,
              color: kit.titleColor ?? "#ffffff",
              textShadow: "0 0.02em 0.08em rgba(0,0,0,0.6)",
            }}
          >
            {campaign.title}
          </p>
        )}
        <div
          className="absolute inset-x-[8%] bottom-[4%] space-y-[1cqw] text-center text-white/90 uppercase"
          style={{ fontFamily: `"${billing.family}"`, fontWeight: billing.weight }}
        >
          {credits && (
            <p className="break-words leading-tight" style={{ fontSize: "3cqw" }}>
              {credits}
            </p>
          )}
          {kit.legalLine.trim() && (
            <p className="break-words leading-tight" style={{ fontSize: "2cqw" }}>
              {kit.legalLine}
            </p>
          )}
        </div>
      </div>
      <figcaption id="kit-preview-caption" className="text-sm">
        <span className="font-medium">Preview</span>{" "}
        <span className="text-muted">
          — a sketch of the kit on {art ? "the first key art" : "a blank poster"}. The matrix letters each market in its
          own words.
        </span>
      </figcaption>
      {kit.palette.length > 0 && (
        <ul aria-label="Palette" className="flex flex-wrap gap-1">
          {kit.palette.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: colours may repeat
            <li key={i} className="h-6 w-6 rounded border border-edge" style={{ background: c }} title={c}>
              <span className="sr-only">{c}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
