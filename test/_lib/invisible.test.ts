import { describe, expect, it } from "vitest";
import {
  codePointLabel,
  findInvisible,
  INVISIBLE_CLASS,
  visible,
} from "../../src/_lib/invisible.js";

describe("invisible characters", () => {
  it("finds the offset of the first invisible character, or -1", () => {
    expect(findInvisible("price")).toBe(-1);
    expect(findInvisible("")).toBe(-1);
    expect(findInvisible("ab\u200Bc\u202E")).toBe(2);
    expect(findInvisible("\uFEFFx")).toBe(0);
  });

  it("covers bidirectional controls, zero-width characters and the byte-order mark", () => {
    for (const char of ["\u061C", "\u200B", "\u200F", "\u202A", "\u202E", "\u2060", "\u2064"]) {
      expect(findInvisible(`a${char}`)).toBe(1);
    }
    for (const char of ["\u2066", "\u2069", "\uFEFF"]) expect(findInvisible(`a${char}`)).toBe(1);
    for (const char of ["\u2065", "\u2028", " ", "\u00A0", "é", "😀"]) {
      expect(findInvisible(`a${char}`)).toBe(-1);
    }
    expect(new RegExp(INVISIBLE_CLASS, "u").test("\u2067")).toBe(true);
  });

  it("labels a code point as U+ and at least four upper-case hex digits", () => {
    expect(codePointLabel("a\u061C", 1)).toBe("U+061C");
    expect(codePointLabel("\u202e", 0)).toBe("U+202E");
    expect(codePointLabel("a", 0)).toBe("U+0061");
    expect(codePointLabel("😀", 0)).toBe("U+1F600");
  });

  it("writes every invisible character of a text as <U+XXXX>", () => {
    expect(visible("a\u200Bb\u202Ec\u200B")).toBe("a<U+200B>b<U+202E>c<U+200B>");
    expect(visible("plain 文本")).toBe("plain 文本");
  });
});
