import { describe, expect, it } from "vitest";
import { GET as download } from "@/app/s/[token]/download/route";
import { client } from "../support/api";
import { withLocalStack } from "../support/local-stack";

// A share's Download names the file after the prompt only when the sharer shows prompts; otherwise the name gives
// nothing of the recipe away (neither prompt nor seed).
withLocalStack();

async function downloadedName(token: string, posterId: string): Promise<string> {
  const response = await download(new Request(`http://studio.test/s/${token}/download?poster=${posterId}`), {
    params: Promise.resolve({ token }),
  });
  expect(response.status).toBe(302);
  const disposition = new URL(response.headers.get("location") ?? "").searchParams.get("response-content-disposition");
  return /filename="([^"]+)"/.exec(disposition ?? "")?.[1] ?? "";
}

describe("shared downloads", () => {
  it("carry neither prompt nor seed in the file name when the prompt is hidden", async () => {
    const poster = (await client.createPoster({ prompt: "secret recipe harbor", seed: 424242 })).body;
    const hidden = (await client.createShare({ posterId: poster.id, showPrompt: false })).body;
    const name = await downloadedName(hidden.token, poster.id);
    expect(name).toMatch(/\.png$/);
    expect(name).not.toContain("424242");
    expect(name).not.toContain("secret");

    const shown = (await client.createShare({ posterId: poster.id, showPrompt: true })).body;
    expect(await downloadedName(shown.token, poster.id)).toBe("secret-recipe-harbor-424242.png");
  });
});
