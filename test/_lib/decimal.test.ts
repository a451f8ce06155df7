import { Decimal as GlobalDecimal } from "decimal.js";
import { describe, expect, it } from "vitest";

// The module is loaded inside each test, so a configuration that decimal.js rejects while the
// module loads fails these tests instead of only stopping other test files from loading.
const load = () => import("../../src/_lib/decimal.js");

describe("the library's Decimal", () => {
  it("keeps 64 significant digits and rounds half-up", async () => {
    const { Decimal, PRECISION } = await load();
    expect(PRECISION).toBe(64);
    expect(new Decimal(2).div(3).toString()).toBe(`0.${"6".repeat(63)}7`);
  });

  it("prints plain digits from 1e-39 up to 1e59 and exponent notation outside", async () => {
    const { Decimal } = await load();
    expect(new Decimal("1e-39").toString()).toBe(`0.${"0".repeat(38)}1`);
    expect(new Decimal("1e-40").toString()).toBe("1e-40");
    expect(new Decimal("1e59").toString()).toBe(`1${"0".repeat(59)}`);
    expect(new Decimal("1e60").toString()).toBe("1e+60");
  });

  it("holds magnitudes far past the library's own bound without overflow or underflow", async () => {
    const { Decimal } = await load();
    expect(new Decimal("1e-5000").times(new Decimal("1e5000")).toString()).toBe("1");
    expect(new Decimal("1e-5000")).not.toEqualDecimal(0);
    expect(new Decimal("1e5000").isFinite()).toBe(true);
  });

  it("exports zero and one", async () => {
    const { ONE, ZERO } = await load();
    expect([ZERO.toString(), ONE.toString()]).toEqual(["0", "1"]);
  });

  it("recognises instances of any copy of decimal.js, and nothing else", async () => {
    const { Decimal, isDecimalInstance } = await load();
    expect(isDecimalInstance(new Decimal("1.5"))).toBe(true);
    expect(isDecimalInstance(new GlobalDecimal("1.5"))).toBe(true);
    expect(isDecimalInstance(new (GlobalDecimal.clone({ precision: 5 }))("1.5"))).toBe(true);
    for (const other of [1.5, "1.5", null, undefined, { d: [1], e: 0, s: 1 }, [1]]) {
      expect(isDecimalInstance(other)).toBe(false);
    }
  });
});
