// Bedrock's InvokeModel takes a request body of at most 25,000,000 bytes (the length constraint on InvokeModel's
// `body` in the bedrock-runtime service model). Two base64 images (a source and a mask or a style image) can pass it
// long before any pixel limit does: the pipeline measures each body against it before anything is charged, and the
// emulator refuses a larger one as Bedrock does.
export const MAX_INVOKE_BODY_BYTES = 25_000_000;
