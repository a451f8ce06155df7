// toPlain: any result as plain JSON data, Decimals as exact or display-rounded strings.
import { Decimal as HostDecimal } from "decimal.js";
import fc from "fast-check";
import { allocate, TargetreeError, toPlain } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { resultRecord } from "../../src/_lib/resultRecord.js";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

/** True for data made only of strings, finite numbers, booleans, null, arrays and plain objects. */
function isPlainData(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isPlainData);
}

/** Decimals from 1e-30 to 1e30 with up to 40 significant digits, of either sign. */
const decimals = fc
  .tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -30, max: 30 }))
  .map(([digits, shift]) => new Decimal(digits.toString()).times(new Decimal(10).pow(shift)));

/** Result-like data: records (plain, null-prototype and result records), arrays and values. */
const results = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    decimals,
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    tie("array"),
    tie("record"),
  ),
  array: fc.array(tie("value"), { maxLength: 4 }),
  record: fc
    .tuple(
      fc.dictionary(
        fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor")),
        tie("value"),
        {
          maxKeys: 4,
        },
      ),
      fc.constantFrom("plain", "null", "result"),
    )
    .map(([fields, kind]) => {
      const out: Record<string, unknown> =
        kind === "plain" ? {} : kind === "null" ? Object.create(null) : resultRecord();
      for (const [key, value] of Object.entries(fields)) {
        Object.defineProperty(out, key, { value, enumerable: true, writable: true });
      }
      return out;
    }),
})).value;

/** Every Decimal of `source` beside the string `plain` holds at the same place. */
function pairs(
  source: unknown,
  plain: unknown,
  out: [Decimal, string][] = [],
): [Decimal, string][] {
  if (source instanceof HostDecimal) {
    out.push([source as Decimal, plain as string]);
  } else if (Array.isArray(source)) {
    source.forEach((item, index) => {
      pairs(item, (plain as unknown[])[index], out);
    });
  } else if (typeof source === "object" && source !== null) {
    for (const key of Object.keys(source)) {
      pairs((source as Record<string, unknown>)[key], (plain as Record<string, unknown>)[key], out);
    }
  }
  return out;
}

describe("toPlain", () => {
  it("turns Decimals into exact strings, records into plain objects", () => {
    const parts = resultRecord();
    parts.a = new Decimal("33.33");
    parts.share = new Decimal(1).div(3);
    const plain = toPlain({ parts, total: new Decimal("1.2e8"), ok: true, count: 3, none: null });
    expect(plain).toEqual({
      parts: { a: "33.33", share: `0.${"3".repeat(64)}` },
      total: "120000000",
      ok: true,
      count: 3,
      none: null,
    });
    expect(Object.getPrototypeOf(plain.parts)).toBe(Object.prototype);
  });

  it("rounds every Decimal to digits fraction digits, half-up, without trailing zeros", () => {
    const value = {
      share: new Decimal(2).div(3),
      total: new Decimal(1200),
      small: new Decimal("-0.00004"),
    };
    expect(toPlain(value, { digits: 4 })).toEqual({ share: "0.6667", total: "1200", small: "0" });
    expect(toPlain(value, { digits: 0 })).toEqual({ share: "1", total: "1200", small: "0" });
    expect(toPlain(new Decimal("2.5"), { digits: 0 })).toBe("3");
  });

  it("serialises a real result: allocate's parts as exact strings", () => {
    expect(toPlain(allocate(100, { a: 1, b: 2 }, { unit: 1 }))).toEqual({ a: "33", b: "67" });
  });

  it("writes large and small Decimals without exponents, and Decimals of another copy too", () => {
    expect(toPlain(new Decimal("1e70"))).toBe(`1${"0".repeat(70)}`);
    expect(toPlain(new Decimal("1.5e-45"))).toBe(`0.${"0".repeat(44)}15`);
    expect(toPlain(new HostDecimal("12.50"))).toBe("12.5");
  });

  it("leaves out undefined, functions and symbols as JSON does, and keeps odd key names", () => {
    const odd = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of [
      ["__proto__", new Decimal(1)],
      ["constructor", "c"],
      ["skip", undefined],
      ["run", () => 1],
    ] as const) {
      odd[key as string] = value;
    }
    const plain = toPlain({ odd, list: [undefined, () => 1, Symbol("s"), -0] });
    expect(Object.keys(plain.odd)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(plain.odd)).toBe(Object.prototype);
    expect(JSON.stringify(plain)).toBe(
      '{"odd":{"__proto__":"1","constructor":"c"},"list":[null,null,null,0]}',
    );
  });

  it("uses toJSON of class instances: errors and dates", () => {
    const error = new TargetreeError("UNKNOWN_OPTION", "Unknown option.", {
      path: ["options", "calender"],
      details: { known: ["calendar"], at: new Decimal("1.5") },
    });
    expect(toPlain({ error, at: new Date("2026-01-02T00:00:00Z") })).toEqual({
      error: {
        name: "TargetreeError",
        code: "UNKNOWN_OPTION",
        message: "UNKNOWN_OPTION: Unknown option. (at options.calender)",
        path: ["options", "calender"],
        details: { known: ["calendar"], at: "1.5" },
      },
      at: "2026-01-02T00:00:00.000Z",
    });
  });

  it("accepts a value shared by two branches, and refuses a cycle with its path", () => {
    const shared = { x: new Decimal(1) };
    expect(toPlain({ a: shared, b: shared })).toEqual({ a: { x: "1" }, b: { x: "1" } });
    const loop: Record<string, unknown> = { a: { b: null } };
    (loop.a as Record<string, unknown>).b = loop;
    expectCode(() => toPlain(loop), "INVALID_ARGUMENT", ["result", "a", "b"]);
  });

  it("follows a result 1,000 levels deep and refuses a deeper one with a typed error, not a stack overflow", () => {
    const nest = (depth: number, key: string): unknown => {
      let value: unknown = new Decimal(1);
      for (let i = 0; i < depth; i++) value = key === "array" ? [value] : { [key]: value };
      return value;
    };
    for (const key of ["child", "array"]) {
      expect(() => toPlain(nest(999, key))).not.toThrow();
      for (const depth of [1001, 5000, 50_000]) {
        const error = expectCode(() => toPlain(nest(depth, key)), "INVALID_ARGUMENT");
        expect(error.message).toMatch(/deeper than 1,000 levels/);
        expect(error.path.length).toBeLessThanOrEqual(8);
      }
    }
  });

  it("refuses a Map, a Set, NaN and Infinity where plain data cannot hold them", () => {
    const map = expectCode(() => toPlain({ m: new Map() }), "INVALID_ARGUMENT", ["result", "m"]);
    expect(map.message).toMatch(/a Map/);
    expectCode(() => toPlain([new Set()]), "INVALID_ARGUMENT", ["result", 0]);
    expectCode(() => toPlain({ n: Number.NaN }), "INVALID_NUMBER", ["result", "n"]);
    expectCode(() => toPlain({ d: new HostDecimal(Infinity) }), "INVALID_NUMBER", ["result", "d"]);
  });

  it("checks its options: unknown keys and bad digits", () => {
    const typo = expectCode(() => toPlain(1, { digit: 2 } as never), "UNKNOWN_OPTION", [
      "options",
      "digit",
    ]);
    expect(typo.message).toMatch(/Did you mean "digits"\?/);
    for (const digits of [-1, 21, 1.5, "2", null]) {
      expectCode(() => toPlain(1, { digits: digits as never }), "INVALID_ARGUMENT", [
        "options",
        "digits",
      ]);
    }
  });

  describe("properties", () => {
    it("gives plain data that JSON keeps unchanged, from frozen input", () => {
      fc.assert(
        fc.property(results, (result) => {
          const plain = toPlain(deepFreeze(result));
          expect(isPlainData(plain)).toBe(true);
          expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
        }),
        { numRuns: runs(300) },
      );
    });

    it("keeps every Decimal exact by default", () => {
      fc.assert(
        fc.property(results, (result) => {
          for (const [decimal, text] of pairs(result, toPlain(result))) {
            expect(new Decimal(text)).toEqualDecimal(decimal);
          }
        }),
        { numRuns: runs(300) },
      );
    });

    it("rounds every Decimal to within half a unit of its last shown digit", () => {
      fc.assert(
        fc.property(decimals, fc.integer({ min: 0, max: 20 }), (value, digits) => {
          const text = toPlain(value, { digits });
          const fraction = text.split(".")[1] ?? "";
          expect(fraction.length).toBeLessThanOrEqual(digits);
          expect(fraction.endsWith("0")).toBe(false);
          const half = new Decimal(10).pow(-digits).div(2);
          expect(new Decimal(text).minus(value).abs().lte(half)).toBe(true);
        }),
        { numRuns: runs(500) },
      );
    });
  });
});
