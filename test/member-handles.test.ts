import { describe, expect, it } from "vitest";
import { mentionAt, mentionedHandles, splitMentions, withHandles } from "@/lib/member-handles";

// @handles and finding mentions in text (lib/member-handles.ts): the comment box, its rendering and the comments
// service all read mentions this way.

describe("withHandles", () => {
  it("takes the address's local part, lowercased, and tells apart two people who share one", () => {
    const people = [
      { sub: "s-1", email: "Alice.Ng@studio.com", name: "Alice Ng" },
      { sub: "s-2", email: "bob@studio.com", name: "Bob" },
      { sub: "s-3", email: "bob@agency.com", name: "Bob (agency)" },
      { sub: "s-4", email: "", name: "Zoë Östberg" },
    ];
    const team = withHandles(people);
    const bob = expect.stringMatching(/^bob-[0-9a-f]{4}$/);
    expect(team.map((m) => m.handle)).toEqual(["alice.ng", bob, bob, "zoe-ostberg"]);
    expect(new Set(team.map((m) => m.handle)).size).toBe(4);
    // The same on every read, whatever the order the table lists them in.
    expect(withHandles([...people].reverse())).toEqual(team);
  });
});

describe("mentions", () => {
  it("are @handles at the start of a word: not addresses, and without trailing punctuation", () => {
    expect(mentionedHandles("@Carol, see @bob. Mail dana@agency.com or @alice-2's (@zed)")).toEqual([
      "carol",
      "bob",
      "alice-2",
      "zed",
    ]);
    expect(mentionedHandles("meet @ 3pm; @@x; email@x.com")).toEqual([]);
    expect(mentionedHandles("@bob @BOB @bob")).toEqual(["bob"]);
  });

  it("split text into plain runs and known mentions only", () => {
    expect(splitMentions("hi @bob and @zed!", new Set(["bob"]))).toEqual([
      { text: "hi " },
      { text: "@bob", handle: "bob" },
      { text: " and @zed!" },
    ]);
  });

  it("find the mention being typed at the caret", () => {
    expect(mentionAt("ask @al", 7)).toEqual({ start: 4, query: "al" });
    expect(mentionAt("ask @", 5)).toEqual({ start: 4, query: "" });
    expect(mentionAt("mail a@b", 8)).toBeUndefined();
    expect(mentionAt("ask @al now", 11)).toBeUndefined();
  });
});
