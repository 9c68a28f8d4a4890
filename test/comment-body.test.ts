import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentBody } from "@/components/comments/comment-body";

// A comment is shown as text: markup someone typed reaches the page escaped, never as elements, and only the
// mentions the server resolved are set apart.
describe("CommentBody", () => {
  it("escapes what was typed and marks the resolved mentions only", () => {
    const html = renderToStaticMarkup(
      createElement(CommentBody, {
        body: '<img src=x onerror="alert(1)"> @bob & @zed <script>x</script>',
        mentions: [{ handle: "bob", name: "Bob Stone" }],
      }),
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(html).toContain('title="Bob Stone"');
    expect(html.match(/title=/g)).toHaveLength(1); // @zed wasn't resolved: plain text
  });
});
