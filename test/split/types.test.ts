// Types that catch typos: the keys of the weights, shares and names flow into the result, so a
// misspelt key is a compile error. tsc checks this file (tsconfig includes test/): every
// `@ts-expect-error` line must be an error, and every `expectTypeOf` must hold.
import { allocate, type Decimal, type Numeric, splitByShares, splitEvenly } from "targetree";
import { describe, expect, expectTypeOf, it } from "vitest";

describe("split result types", () => {
  it("types allocate's record result by the weights' keys", () => {
    const parts = allocate(100, { a: 1, b: 2 });
    expectTypeOf(parts).toEqualTypeOf<Record<"a" | "b", Decimal>>();
    // @ts-expect-error c is not one of the weights' keys
    expect(parts.c).toBeUndefined();
    expect(parts.a.plus(parts.b).toString()).toBe("100");
  });

  it("keeps an open record open, and an array an array", () => {
    const weights: Record<string, Numeric> = { a: 1 };
    expectTypeOf(allocate(100, weights)).toEqualTypeOf<Record<string, Decimal>>();
    expectTypeOf(allocate(100, [1, 2])).toEqualTypeOf<Decimal[]>();
  });

  it("types splitByShares by the shares' keys, the remainder part optional", () => {
    const byProduct = splitByShares(100, { 粮油: "40%", 日化: "30%" }, { remainder: "其他" });
    expectTypeOf(byProduct.粮油).toEqualTypeOf<Decimal>();
    expectTypeOf(byProduct.其他).toEqualTypeOf<Decimal | undefined>();
    // @ts-expect-error 日用 is neither a share nor the remainder
    expect(byProduct.日用).toBeUndefined();
    // @ts-expect-error the remainder is named 其他, so there is no "other" part
    expect(byProduct.other).toBeUndefined();
  });

  it('names the default remainder "other", and makes it certain with alwaysIncludeRemainder', () => {
    expectTypeOf(splitByShares(100, { a: "40%" }).other).toEqualTypeOf<Decimal | undefined>();
    const always = splitByShares(100, { a: "100%" }, { alwaysIncludeRemainder: true });
    expectTypeOf(always).toEqualTypeOf<Record<"a" | "other", Decimal>>();
    expect(always.other.toString()).toBe("0");
  });

  it("types splitEvenly over a list of names by the names", () => {
    const team = splitEvenly(100, ["张伟", "王芳"]);
    expectTypeOf(team).toEqualTypeOf<Record<"张伟" | "王芳", Decimal>>();
    // @ts-expect-error 李娜 is not on the team
    expect(team.李娜).toBeUndefined();
    expectTypeOf(splitEvenly(100, 2)).toEqualTypeOf<Decimal[]>();
  });
});
