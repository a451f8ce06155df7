// Character classes (src/formula/_lib/characters.ts): identifiers, spaces, and names in messages.

import { nameNode, parseFormula } from "targetree";
import { describe, expect, it } from "vitest";
import { nameList, shortName } from "../../src/formula/_lib/characters.js";
import { expectCode } from "../_support/errors.js";

const namesOf = (text: string): string[] => {
  const node = parseFormula(text) as { kind: string; name?: string; first?: { name: string } };
  return node.kind === "name" ? [node.name!] : [];
};

describe("identifiers", () => {
  it("accepts the ASCII letters at both ends of each range, _ and digits after the first", () => {
    for (const name of ["a", "z", "A", "Z", "_", "a0", "a9", "z_9Z"]) {
      expect(namesOf(name)).toEqual([name]);
    }
  });

  it("accepts names of up to 1000 characters", () => {
    expect(nameNode("a".repeat(1000)).name).toHaveLength(1000);
    expectCode(() => nameNode("a".repeat(1001)), "INVALID_ARGUMENT");
  });
});

describe("spaces", () => {
  it("skips carriage returns, no-break spaces and ideographic spaces", () => {
    expect(parseFormula("a\r\n+\tb").kind).toBe("sum");
    expect(parseFormula("a\u00a0+ b").kind).toBe("sum");
    expect(parseFormula("a\u3000+ b").kind).toBe("sum");
  });
});

describe("shortName", () => {
  it("keeps a name of at most 40 characters", () => {
    expect(shortName("x".repeat(40))).toBe("x".repeat(40));
    expect(shortName("x".repeat(41))).toBe(`${"x".repeat(40)}…`);
    expect(shortName("abcdef", 3)).toBe("abc…");
    expect(shortName("abc", 3)).toBe("abc");
  });

  it("counts whole code points, not UTF-16 units", () => {
    const astral = "𝑥".repeat(3); // 6 UTF-16 units, 3 code points
    expect(shortName(astral, 3)).toBe(astral);
    expect(shortName(astral, 2)).toBe("𝑥𝑥…");
  });
});

describe("nameList", () => {
  it("joins names with a comma by default", () => {
    expect(nameList(["a", "b", "c"])).toBe("a, b, c");
    expect(nameList(["a", "b"], " + ")).toBe("a + b");
  });

  it("shows at most ten names, then the count", () => {
    const ten = Array.from({ length: 10 }, (_, i) => `n${i}`);
    expect(nameList(ten)).toBe(ten.join(", "));
    expect(nameList([...ten, "n10"])).toBe(`${ten.join(", ")}, … (11 in all)`);
    expect(nameList(["a", "b", "c"], "; ", 2)).toBe("a; b; … (3 in all)");
  });

  it("shortens each long name", () => {
    expect(nameList(["y".repeat(41)])).toBe(`${"y".repeat(40)}…`);
  });
});
