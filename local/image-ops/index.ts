// The offline Bedrock emulator's stand-ins for Stability's image services: pure, deterministic functions of their
// inputs (image bytes, mask, numbers, prompt, seed) built on sharp, at the real services' output sizes.
export { controlImage, styleGuide, vary } from "./generate";
export { growMask, maskFromAlpha, readMask, resolveMask } from "./mask";
export { erase, inpaint, type MaskOptions } from "./masked";
export { type Margins, outpaint } from "./outpaint";
export { removeBackground } from "./remove-background";
export {
  type Region,
  recolourTarget,
  regionMask,
  type SearchOptions,
  searchRecolor,
  searchRegion,
  searchReplace,
} from "./search";
export { type StyleTransferOptions, styleTransfer } from "./style-transfer";
export { fourKSize, type Size, UPSCALE_LONG_SIDE, type UpscaleOptions, upscale } from "./upscale";
