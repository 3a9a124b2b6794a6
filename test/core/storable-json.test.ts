// What PostgreSQL's text and jsonb refuse (NUL, lone UTF-16 surrogates) is cleaned out of chat input before it
// is stored; pairs, accents and emoji are kept; a value nested past the limit is refused, not walked.
import { storableJson, storableText } from "../../core/util/text";

describe("storable text and JSON", () => {
  it("drops NUL, turns a lone surrogate into U+FFFD, keeps real pairs and accents", () => {
    expect(storableText("a\u0000b")).toBe("ab");
    expect(storableText("x\ud800y\udfffz")).toBe("x\ufffdy\ufffdz");
    expect(storableText("Léa 👨‍👩‍👧 𝕃")).toBe("Léa 👨‍👩‍👧 𝕃");
  });

  it("cleans every string and key of a JSON value, and refuses one nested deeper than the limit", () => {
    expect(storableJson({ "k\u0000": ["v\ud800", 1, null, { t: true }] })).toEqual({ value: { k: ["v\ufffd", 1, null, { t: true }] } });
    let deep: unknown = "x";
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(storableJson(deep)).toBeNull();
    expect(storableJson(deep, 64)).not.toBeNull();
  });
});
