// Every input is read once at the boundary, and only that reading is used: a value that changes
// between the check and the use (a Decimal whose digits a getter on another input rewrites, a
// `d` getter, a Proxy array whose length moves) gives the result of the first reading or a
// TargetreeError, never another result or a raw exception. Models are known by their own brand.
import fc from "fast-check";
import {
  allocate,
  callNode,
  cascade,
  compileCalendar,
  compileModel,
  compileRules,
  consecutiveMisses,
  type Decimal,
  defineModel,
  evaluate,
  explain,
  funnel,
  growthSeries,
  logicalNode,
  type Model,
  nameNode,
  scorecard,
  sensitivity,
  solveFor,
  splitByPeriodTree,
  splitByShares,
  splitEvenly,
  sumNode,
  TargetreeError,
  teamHealth,
  tieredBonus,
  toDecimal,
} from "targetree";
import { modelToDefinition } from "targetree/schema";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";

/** The library's own Decimal instance for `value`, with its fields writable as decimal.js leaves them. */
const libraryDecimal = (value: number): Decimal & { d: number[]; e: number } =>
  toDecimal(value) as Decimal & { d: number[]; e: number };

/** Runs `call` and gives its result as JSON, or "TargetreeError CODE"; any other throw fails. */
function outcome(call: () => unknown): string {
  try {
    return JSON.stringify(call());
  } catch (error) {
    if (error instanceof TargetreeError) return `TargetreeError ${error.code}`;
    throw error;
  }
}

describe("a Decimal changed after it was read", () => {
  it("does not change a model's result when a later input's getter rewrites its digits", () => {
    const model = defineModel({ y: "a + b" });
    const a = libraryDecimal(100);
    const inputs = {
      a,
      get b() {
        a.d[0] = 999;
        return 1;
      },
    };
    expect(evaluate(model, inputs).y).toEqualDecimal("101");
  });

  it("does not change a split's total when a weight's getter rewrites it", () => {
    const total = libraryDecimal(100);
    const weights = {
      get a() {
        total.d[0] = 7;
        return 1;
      },
      b: 3,
    };
    const parts = allocate(total, weights);
    expect(parts.a).toEqualDecimal("25");
    expect(parts.b).toEqualDecimal("75");
  });

  it("is copied: a result never shares the caller's instance", () => {
    const input = libraryDecimal(5);
    const read = toDecimal(input);
    input.d[0] = 6;
    expect(read).toEqualDecimal("5");
  });
});

describe("a Decimal whose fields answer differently on each read", () => {
  it("gives the first reading or a TargetreeError, never a raw exception (property)", () => {
    const layout = fc.record({
      d: fc.oneof(
        fc.array(fc.integer({ min: 0, max: 9_999_999 }), { minLength: 1, maxLength: 3 }),
        fc.constant(null),
        fc.constant("x"),
      ),
      e: fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constant(Number.NaN)),
    });
    fc.assert(
      fc.property(fc.array(layout, { minLength: 2, maxLength: 4 }), (readings) => {
        const value = libraryDecimal(1);
        let d = 0;
        let e = 0;
        Object.defineProperty(value, "d", { get: () => readings[d++ % readings.length]!.d });
        Object.defineProperty(value, "e", { get: () => readings[e++ % readings.length]!.e });
        const first = outcome(() => toDecimal(value).toString());
        // Replaying the first reading as a plain instance gives the same outcome.
        const replay = libraryDecimal(1);
        Object.defineProperty(replay, "d", { value: readings[0]!.d });
        Object.defineProperty(replay, "e", { value: readings[0]!.e });
        expect(first).toBe(outcome(() => toDecimal(replay).toString()));
      }),
    );
  });

  it("turns a throwing getter or Proxy trap into INVALID_NUMBER", () => {
    const value = libraryDecimal(1);
    Object.defineProperty(value, "d", {
      get() {
        throw new SyntaxError("no");
      },
    });
    expect(errorOf(() => toDecimal(value)).code).toBe("INVALID_NUMBER");
    const trap = new Proxy(libraryDecimal(2), {
      getPrototypeOf() {
        throw new TypeError("no");
      },
    });
    expect(errorOf(() => allocate(trap, [1, 1])).code).toBe("INVALID_NUMBER");
  });

  it("reads a digit array whose length moves once, by index", () => {
    const value = libraryDecimal(1);
    let reads = 0;
    const words = new Proxy([5], {
      get(target, key, receiver) {
        if (key === "length") return ++reads === 1 ? 1 : 1e9;
        return Reflect.get(target, key, receiver);
      },
    });
    Object.defineProperty(value, "d", { value: words });
    Object.defineProperty(value, "e", { value: 0 });
    expect(toDecimal(value)).toEqualDecimal("5");
    expect(reads).toBe(1);
  });
});

describe("an array whose length moves between reads", () => {
  /** `items` behind a Proxy whose `length` is right on the first read and `later` after. */
  function moving<T>(items: readonly T[], later: number): T[] {
    let reads = 0;
    return new Proxy([...items], {
      get(target, key, receiver) {
        if (key === "length") return ++reads === 1 ? target.length : later;
        return Reflect.get(target, key, receiver);
      },
    });
  }

  it.each([
    ["allocate", () => allocate(100, moving([1, 2, 3], 1e7))],
    ["allocate (holds)", () => allocate(100, [1, 2, 3], { holds: moving([null, 10], 50) })],
    ["splitEvenly", () => splitEvenly(100, moving(["a", "b", "c"], 2))],
    ["splitByShares", () => splitByShares(100, moving(["40%", "60%"], 1e9) as never)],
  ] as const)("gives a consistent snapshot or a TargetreeError: %s", (_name, call) => {
    const first = outcome(call);
    expect(first).not.toMatch(/^TargetreeError (?!INVALID_ARGUMENT|UNKNOWN_KEY)/);
  });

  it("splits over the first reading of the weights", () => {
    const parts = allocate(100, moving([1, 1, 2], 1e7));
    expect(parts.map(String)).toEqual(["25", "25", "50"]);
  });

  it("refuses an array claiming more parts than the limit without allocating them", () => {
    const huge = new Proxy([1], {
      get: (target, key, receiver) =>
        key === "length" ? 1e15 : Reflect.get(target, key, receiver),
    });
    expect(errorOf(() => allocate(100, huge)).code).toBe("SPLIT_TOO_LARGE");
  });
});

describe("a list claiming a trillion items", () => {
  /** A Proxy of `items` whose length says a trillion. */
  const huge = <T>(items: readonly T[]): T[] =>
    new Proxy([...items], {
      get: (target, key, receiver) =>
        key === "length" ? 1e12 : Reflect.get(target, key, receiver),
    });
  const year = { start: "2026-01-01", end: "2026-03-31" };

  it.each([
    ["teamHealth", () => teamHealth(huge([{ actual: 1, target: 2 }]))],
    ["consecutiveMisses", () => consecutiveMisses(huge([{ actual: 1, target: 2 }]))],
    ["growthSeries", () => growthSeries(huge([1, 2]))],
    ["scorecard rows", () => scorecard(huge([{ a: "x", target: 1, actual: 1 }]), ["a"])],
    ["scorecard levels", () => scorecard([{ a: "x", target: 1, actual: 1 }], huge(["a"]))],
    ["compileRules", () => compileRules(huge([{ id: "a", when: "x > 1", recommend: "-" }]))],
    ["funnel", () => funnel(100, huge([{ name: "v", conversion: "30%" }]))],
    ["tieredBonus", () => tieredBonus(100, huge([{ from: 0, rate: "3%" }]))],
    ["splitEvenly", () => splitEvenly(100, huge(["a", "b"]))],
    ["splitByPeriodTree", () => splitByPeriodTree(100, { ...year, grains: huge(["month"]) })],
    ["compileCalendar years", () => compileCalendar({ years: huge([2026]) })],
    ["compileCalendar holidays", () => compileCalendar({ holidays: huge(["2026-05-01"]) })],
    ["compileCalendar weekend", () => compileCalendar({ weekend: huge([6]) })],
    ["cascade levels", () => cascade(100, { children: [{ name: "a" }] }, { levels: huge([{}]) })],
    ["logicalNode", () => logicalNode("and", huge([nameNode("a"), nameNode("b")]))],
    ["callNode", () => callNode("max", huge([nameNode("a"), nameNode("b")]))],
    ["sumNode", () => sumNode(nameNode("a"), huge([{ op: "+" as const, operand: nameNode("b") }]))],
  ] as const)(
    "is a typed refusal (SPLIT_TOO_LARGE for parts), not a raw error or a hang: %s",
    (_name, call) => {
      expect(errorOf(call).code).toMatch(/^(INVALID_(ARGUMENT|CALENDAR_DATA)|SPLIT_TOO_LARGE)$/);
    },
  );
});

describe("a model is known by its own brand", () => {
  const model = defineModel({ y: "a * 2" });
  const fakes: readonly [string, () => unknown][] = [
    ["Object.create(model)", () => Object.create(model)],
    ["a Proxy of a model", () => new Proxy(model, {})],
    [
      "an object the brand was copied onto",
      () => {
        const copy = { ...model };
        for (const symbol of Object.getOwnPropertySymbols(model)) {
          Object.defineProperty(copy, symbol, Object.getOwnPropertyDescriptor(model, symbol)!);
        }
        return copy;
      },
    ],
  ];

  it.each(fakes)("refuses %s everywhere a model is taken", (_name, make) => {
    const fake = make() as Model;
    const calls: (() => unknown)[] = [
      () => evaluate(fake, { a: 2 }),
      () => compileModel(fake),
      () => explain(fake, { a: 2 }),
      () => sensitivity(fake, { output: "y", inputs: { a: 2 } }),
      () => solveFor(fake, { output: "y", target: 10, vary: "a", inputs: { a: 1 } }),
      () => modelToDefinition(fake),
    ];
    for (const call of calls) {
      const error = errorOf(call);
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.message).toMatch(/model/);
    }
  });

  it("accepts the model itself", () => {
    expect(evaluate(model, { a: 2 }).y).toEqualDecimal("4");
  });
});
