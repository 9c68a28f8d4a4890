import sharp from "sharp";
import { artRgba } from "./art-at";
import { channelStats, encodePng, readRgba, transferColours } from "./pixels";

// Style Transfer: the init image's composition in the style image's look, at the init image's size. The look is the
// style image's palette (a per-channel colour transfer, by style_strength); how far the layout may dissolve into new
// art for the prompt is change_strength × (1 − composition_fidelity), so the defaults (0.9, 0.9) keep the layout.

export interface StyleTransferOptions {
  prompt: string;
  compositionFidelity: number;
  styleStrength: number;
  changeStrength: number;
}

const unit = (v: number) => Math.min(1, Math.max(0, v));

export async function styleTransfer(
  image: Buffer,
  style: Buffer,
  options: StyleTransferOptions,
  seed: number,
): Promise<Buffer> {
  const [src, ref] = await Promise.all([readRgba(image), readRgba(style)]);
  const pixels = src.width * src.height;
  const change = unit(options.changeStrength);
  const loose = change * (1 - unit(options.compositionFidelity));
  const out = Buffer.from(src.data);
  if (loose > 0) {
    const soft = await sharp(src.data, { raw: { width: src.width, height: src.height, channels: 4 } })
      .blur(0.3 + loose * 8)
      .raw()
      .toBuffer();
    const art = await artRgba(options.prompt || "a poster", seed, src.width, src.height);
    const mix = loose * 0.85;
    for (let i = 0; i < pixels * 4; i++) {
      if (i % 4 === 3) continue;
      out[i] = Math.round((soft[i] as number) * (1 - mix) + (art[i] as number) * mix);
    }
  }
  transferColours(out, pixels, channelStats(ref.data, ref.width * ref.height), unit(options.styleStrength) * change);
  return encodePng({ ...src, data: out });
}
