import { sharedImage } from "../redirect";

// Downloads one poster of a share (?poster=<id>), named after its prompt when the sharer shows prompts.
export const GET = sharedImage({ download: true });
