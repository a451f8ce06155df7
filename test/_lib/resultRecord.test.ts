// Result records print as plain objects in console.log and the Node REPL (node:util's inspect),
// with long Decimals shortened for display only.
import { inspect } from "node:util";
import { Decimal as HostDecimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { isResultRecord, resultRecord, shownDecimal } from "../../src/_lib/resultRecord.js";
import { runs } from "../_support/runs.js";

const record = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const out = resultRecord();
  for (const [key, value] of Object.entries(fields)) out[key] = value;
  return out;
};

describe("resultRecord", () => {
  it("prints as a plain object, without [Object: null prototype]", () => {
    const parts = record({ a: new Decimal("33.33"), b: new Decimal("33.34"), label: "华东" });
    expect(inspect(parts)).toBe("{ a: 33.33, b: 33.34, label: '华东' }");
    expect(inspect(resultRecord())).toBe("{}");
  });

  it("shows a long Decimal rounded to 12 significant digits with an ellipsis", () => {
    const shares = record({ a: new Decimal(1).div(3), b: new Decimal(2).div(3) });
    expect(inspect(shares)).toBe("{ a: 0.333333333333…, b: 0.666666666667… }");
  });

  it("shows nested records, arrays and null-prototype records the same way", () => {
    const inner = Object.assign(Object.create(null), { share: new Decimal(1).div(7) });
    const outer = record({ rows: [inner, record({ value: new Decimal(5) })], n: 2 });
    expect(inspect(outer)).toBe("{ rows: [ { share: 0.142857142857… }, { value: 5 } ], n: 2 }");
  });

  it("keeps Node's depth limit", () => {
    const deep = record({ a: record({ b: record({ c: record({ d: 1 }) }) }) });
    expect(inspect(deep, { depth: 1 })).toBe("{ a: { b: [Object] } }");
    expect(inspect(deep, { depth: 0 })).toBe("{ a: [Object] }");
  });

  it("colours Decimals as numbers when inspect colours", () => {
    const text = inspect(record({ a: new Decimal(1) }), { colors: true });
    expect(text).toBe(`{ a: ${inspect(1, { colors: true })} }`);
  });

  it("keeps __proto__ and constructor as ordinary own keys", () => {
    const odd = record({});
    // Assigned through a variable key: as data arrives, not as a literal property.
    for (const [key, value] of [
      ["__proto__", new Decimal(1)],
      ["constructor", "c"],
      ["toString", 3],
    ] as const) {
      odd[key as string] = value;
    }
    expect(Object.keys(odd)).toEqual(["__proto__", "constructor", "toString"]);
    expect(isResultRecord(odd)).toBe(true);
    expect("hasOwnProperty" in odd).toBe(false);
    expect(inspect(odd)).toBe("{ ['__proto__']: 1, constructor: 'c', toString: 3 }");
    expect(JSON.stringify(odd)).toBe('{"__proto__":"1","constructor":"c","toString":3}');
  });

  it("has a frozen prototype with a null prototype and only the inspect hook", () => {
    const prototype = Object.getPrototypeOf(resultRecord()) as object;
    expect(Object.isFrozen(prototype)).toBe(true);
    expect(Object.getPrototypeOf(prototype)).toBeNull();
    expect(Reflect.ownKeys(prototype)).toEqual([Symbol.for("nodejs.util.inspect.custom")]);
    expect(Object.getPrototypeOf(resultRecord())).toBe(prototype);
    expect(isResultRecord({})).toBe(false);
    expect(isResultRecord(Object.create(null))).toBe(false);
    expect(isResultRecord(null)).toBe(false);
  });

  it("leaves the record itself unchanged when printed", () => {
    const parts = Object.freeze(record({ a: new Decimal(1).div(3) }));
    inspect(parts);
    expect(Object.keys(parts)).toEqual(["a"]);
    expect((parts.a as Decimal).precision()).toBe(64);
  });
});

describe("shownDecimal", () => {
  it("shows up to 20 significant digits exactly, and zero as 0", () => {
    expect(shownDecimal(new Decimal("12345678901234567.891"))).toBe("12345678901234567.891");
    expect(shownDecimal(new Decimal("-0"))).toBe("0");
    expect(shownDecimal(new HostDecimal("0.25"))).toBe("0.25");
  });

  it("is the exact value, or within half a unit of its 12th significant digit", () => {
    const decimals = fc
      .tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: 0, max: 40 }))
      .map(([digits, places]) => new Decimal(digits.toString()).div(new Decimal(10).pow(places)));
    fc.assert(
      fc.property(decimals, (value) => {
        const text = shownDecimal(value);
        if (!text.endsWith("…")) {
          expect(new Decimal(text)).toEqualDecimal(value);
          return;
        }
        const shown = new Decimal(text.slice(0, -1));
        expect(value.precision()).toBeGreaterThan(20);
        expect(shown.precision()).toBeLessThanOrEqual(12);
        const unit = new Decimal(10).pow(value.abs().log(10).floor().minus(11));
        expect(shown.minus(value).abs().lte(unit.div(2))).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });
});
