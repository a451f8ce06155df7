// solveFor's exact methods: the inversion of each operation on the path to the varied input, the
// line and the parabola, the reasons given when no value reaches the target, the degree through a
// unary minus and constant powers, and exact roots (snapped when the root computation misses by a
// few units, kept in full when irrational).
import { type DefineModelOptions, defineModel, type SolveForOptions, solveFor } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const solve = (
  formulas: Record<string, string>,
  options: Partial<SolveForOptions> & Pick<SolveForOptions, "target" | "inputs">,
  modelOptions?: DefineModelOptions,
) => solveFor(defineModel(formulas, modelOptions), { output: "y", vary: "x", ...options });

/** Asserts NO_SOLUTION with this exact reason (and no out-of-bounds solution). */
const refused = (run: () => unknown, reason: string) => {
  const error = expectCode(run, "NO_SOLUTION", ["options", "vary"]);
  expect(error.details).toEqual({ reason, outside: null });
  expect(error.message).toContain(`: ${reason}.`);
  return error;
};

describe("solveFor: exact inversion", () => {
  it("states the output, the input, the target and the reason in its NO_SOLUTION message", () => {
    const error = refused(
      () => solve({ y: "2 ^ x" }, { target: -1, inputs: { x: 1 } }),
      "2 ^ x is always positive",
    );
    expect(error.message).toBe(
      "NO_SOLUTION: No value of x makes y equal -1: 2 ^ x is always positive. (at options.vary)",
    );
  });

  it("answers the target itself when the output is the varied input", () => {
    const answer = solve({ y: "x * 2" }, { output: "x", target: 5, inputs: { x: 1 } });
    expect(answer.output).toBe("x");
    expect(answer.vary).toBe("x");
    expect(answer.target.toString()).toBe("5");
    expect(answer.value.toString()).toBe("5");
    expect(answer.unrounded.toString()).toBe("5");
    expect(answer.achieved.toString()).toBe("5");
    expect(answer.residual.toString()).toBe("0");
    expect(answer.actual?.toString()).toBe("1");
    expect(answer.change?.toString()).toBe("4");
    expect(answer.method).toBe("algebraic");
    expect(answer.iterations).toBe(0);
    expect(answer.evaluations).toBe(2);
    expect(answer.alternatives).toEqual([]);
    expect(answer.reason).toBeNull();
    expect(answer.rounded).toBe(false);
  });

  it("refuses an output that is another input", () => {
    refused(
      () => solve({ y: "x * a" }, { output: "a", target: 5, inputs: { x: 1, a: 1 } }),
      "a does not depend on x",
    );
  });

  it("passes a unary plus through unchanged", () => {
    expect(solve({ y: "+x" }, { target: 10, inputs: { x: 3 } }).value.toString()).toBe("10");
  });

  it("subtracts the other terms, minding which side of a minus the input is on", () => {
    expect(solve({ y: "a - x" }, { target: 3, inputs: { x: 0, a: 10 } }).value.toString()).toBe(
      "7",
    );
    expect(
      solve(
        { y: "a - b + x - c" },
        { target: 3, inputs: { x: 0, a: 10, b: 4, c: 1 } },
      ).value.toString(),
    ).toBe("-2");
  });

  describe("products and quotients", () => {
    it("refuses a product whose divisor is 0", () => {
      refused(
        () => solve({ y: "x * a / d" }, { target: 2, inputs: { x: 1, a: 1, d: 0 } }),
        "a divisor is 0, so the output is undefined",
      );
    });

    it("divides by the other factors, multiplying back the divisors", () => {
      const answer = solve({ y: "a * x / d" }, { target: 6, inputs: { x: 1, a: 4, d: 2 } });
      expect(answer.value.toString()).toBe("3");
      expect(answer.residual.toString()).toBe("0");
    });

    it("refuses a product whose other factors are 0, unless the target is 0 (then any value does)", () => {
      refused(
        () => solve({ y: "x * a" }, { target: 2, inputs: { x: 1, a: 0 } }),
        "the other factors multiply to 0, so the output is 0 whatever the value",
      );
      const any = solve({ y: "x * a" }, { target: 0, inputs: { x: 7, a: 0 } });
      expect(any.value.toString()).toBe("7");
      expect(any.change?.toString()).toBe("0");
      expect(any.reason).toBe(
        "every value reaches the target: the other factors multiply to 0, so every value gives 0",
      );
      expect(any.method).toBe("algebraic");
      expect(any.iterations).toBe(0);
      expect(any.alternatives).toEqual([]);
    });

    it("answers every value with the current value, else the lower bound, the upper bound or 0", () => {
      const any = { y: "x * a" };
      const at = (options: Partial<SolveForOptions>) =>
        solve(any, { target: 0, inputs: { a: 0 }, ...options }).value.toString();
      expect(at({})).toBe("0");
      expect(at({ min: 3 })).toBe("3");
      expect(at({ max: 4 })).toBe("4");
      expect(at({ min: 3, max: 4 })).toBe("3");
      expect(at({ inputs: { a: 0, x: 9 }, min: 3, max: 10 })).toBe("9");
    });

    it("inverts a divisor, with every special case of a quotient", () => {
      expect(solve({ y: "a / x" }, { target: 5, inputs: { x: 1, a: 2 } }).value.toString()).toBe(
        "0.4",
      );
      expect(solve({ y: "a / x" }, { target: 0, inputs: { x: 3, a: 0 } }).reason).toBe(
        "every value reaches the target: 0 divided by any non-zero value is 0",
      );
      refused(
        () => solve({ y: "a / x" }, { target: 0, inputs: { x: 1, a: 2 } }),
        "a quotient whose numerator is not 0 is never 0",
      );
      refused(
        () => solve({ y: "a / x" }, { target: 5, inputs: { x: 1, a: 0 } }),
        "the numerator is 0, so the quotient is 0 whatever the divisor",
      );
    });
  });

  describe("powers", () => {
    it("takes a logarithm only for a positive base other than 1, else searches numerically", () => {
      const log = solve({ y: "b ^ x" }, { target: 8, inputs: { x: 1, b: 2 } });
      expect(log.method).toBe("algebraic");
      expect(log.value.toDecimalPlaces(50).toString()).toBe("3");
      const negative = solve({ y: "b ^ x" }, { target: 4, inputs: { x: 1, b: -2 } });
      expect(negative.method).toBe("numeric");
      expect(negative.value.toString()).toBe("2");
      refused(
        () => solve({ y: "b ^ x" }, { target: 5, inputs: { x: 1, b: 1 }, min: -1, max: 2 }),
        "no value in [-1, 2] reaches the target: over the 16 values tried, y stays between 1 and 1",
      );
      refused(
        () => solve({ y: "b ^ x" }, { target: 5, inputs: { x: 1, b: 0 }, min: -1, max: 2 }),
        // 16 outward probes, then 60 closing in on x = 0, where 0 ^ x stops being defined.
        "no value in [-1, 2] reaches the target: over the 76 values tried, y stays between 0 and 1",
      );
    });

    it("refuses a target of 0 or below for a positive base to a varying power", () => {
      refused(
        () => solve({ y: "2 ^ x" }, { target: 0, inputs: { x: 1 } }),
        "2 ^ x is always positive",
      );
      refused(
        () => solve({ y: "0.5 ^ x" }, { target: -3, inputs: { x: 1 } }),
        "0.5 ^ x is always positive",
      );
    });

    it("knows x ^ 0 is 1 for every x", () => {
      const any = solve({ y: "x ^ 0" }, { target: 1, inputs: { x: 3 } });
      expect(any.value.toString()).toBe("3");
      expect(any.reason).toBe("every value reaches the target: x ^ 0 is 1 for every x");
      refused(() => solve({ y: "x ^ 0" }, { target: 2, inputs: { x: 3 } }), "x ^ 0 is always 1");
    });

    it("inverts a negative power, which is never 0", () => {
      refused(
        () => solve({ y: "x ^ -1" }, { target: 0, inputs: { x: 3 } }),
        "x to a negative power is never 0",
      );
      expect(solve({ y: "x ^ -1" }, { target: 4, inputs: { x: 1 } }).value.toString()).toBe("0.25");
      const even = solve({ y: "x ^ -2" }, { target: 4, inputs: { x: -1 } });
      expect(even.value.toString()).toBe("-0.5");
      expect(even.alternatives.map(String)).toEqual(["0.5"]);
    });

    it("gives the single root 0 for a target of 0, even for an even power", () => {
      const cube = solve({ y: "x ^ 3" }, { target: 0, inputs: { x: 3 } });
      expect(cube.value.toString()).toBe("0");
      expect(cube.alternatives).toEqual([]);
      const square = solve({ y: "x ^ 2" }, { target: 0, inputs: { x: 1 } });
      expect(square.value.toString()).toBe("0");
      expect(square.alternatives).toEqual([]);
    });

    it("gives both roots of an even power, the one nearest the current value first", () => {
      const up = solve({ y: "x ^ 4" }, { target: 16, inputs: { x: 1 } });
      expect(up.value.toString()).toBe("2");
      expect(up.alternatives.map(String)).toEqual(["-2"]);
      const down = solve({ y: "x ^ 4" }, { target: 16, inputs: { x: -1 } });
      expect(down.value.toString()).toBe("-2");
      expect(down.alternatives.map(String)).toEqual(["2"]);
    });

    it("takes the negative real root of an odd power", () => {
      const answer = solve({ y: "x ^ 3" }, { target: -8, inputs: { x: 1 } });
      expect(answer.value.toString()).toBe("-2");
      expect(answer.alternatives).toEqual([]);
    });

    it("refuses a negative target for an even or a fractional power", () => {
      refused(
        () => solve({ y: "x ^ 2" }, { target: -2, inputs: { x: 3 } }),
        "x ^ 2 is never negative",
      );
      refused(
        () => solve({ y: "x ^ 0.5" }, { target: -2, inputs: { x: 3 } }),
        "a fractional power is never negative (its base must be ≥ 0)",
      );
    });

    it("takes a fractional power's root, and keeps an inexact root unrounded", () => {
      expect(solve({ y: "x ^ 0.5" }, { target: 2, inputs: { x: 1 } }).value.toString()).toBe("4");
      const cubeRoot = solve({ y: "x ^ 3" }, { target: 2, inputs: { x: 1 } });
      expect(cubeRoot.method).toBe("algebraic");
      expect(cubeRoot.value.toSignificantDigits(20).toString()).toBe("1.2599210498948731648");
      expect(cubeRoot.residual.abs().lte("1e-60")).toBe(true);
    });

    it("refuses a root beyond the supported magnitude", () => {
      refused(
        () => solve({ y: "x ^ 0.0000000000000001" }, { target: 10, inputs: { x: 3 } }),
        "the value is out of range",
      );
    });
  });

  it("hands a path through a function to the numeric search", () => {
    const answer = solve({ y: "abs(x) * 2" }, { target: 10, inputs: { x: 1 } });
    expect(answer.method).toBe("numeric");
    expect(answer.value.toString()).toBe("5");
  });
});

describe("solveFor: exact polynomial", () => {
  it("solves a parabola with a perfect-square discriminant exactly, both roots", () => {
    const answer = solve({ y: "x * x + x" }, { target: 6, inputs: { x: 1 } });
    expect(answer.method).toBe("algebraic");
    expect(answer.value.toString()).toBe("2");
    expect(answer.alternatives.map(String)).toEqual(["-3"]);
    expect(answer.residual.toString()).toBe("0");
    expect(answer.evaluations).toBe(6);
  });

  it("gives a double root once", () => {
    const answer = solve({ y: "x * x - 4 * x + 4" }, { target: 0, inputs: { x: 1 } });
    expect(answer.value.toString()).toBe("2");
    expect(answer.alternatives).toEqual([]);
  });

  it("answers a plain 0, never a negative zero", () => {
    const answer = solve({ y: "x * x" }, { target: 0, inputs: { x: 1 } });
    expect(answer.value.toString()).toBe("0");
    expect(answer.value.isNegative()).toBe(false);
    expect(answer.alternatives).toEqual([]);
  });

  it("refuses a parabola that never reaches the target", () => {
    refused(
      () => solve({ y: "x * x + 1" }, { target: 0, inputs: { x: 1 } }),
      "the output never reaches the target (no real root)",
    );
  });

  it("solves a parabola whose square terms cancel as a line", () => {
    const answer = solve({ y: "x * x - x * x + 3 * x" }, { target: 6, inputs: { x: 1 } });
    expect(answer.method).toBe("algebraic");
    expect(answer.value.toString()).toBe("2");
    refused(
      () => solve({ y: "x * x - x * x + a" }, { target: 6, inputs: { x: 1, a: 2 } }),
      "y does not change with x",
    );
    refused(
      () => solve({ y: "x - x + a" }, { target: 6, inputs: { x: 1, a: 1 } }),
      "y does not change with x",
    );
  });

  it("refuses an output of degree 0 in the input", () => {
    refused(
      () => solve({ y: "x ^ 0 * x ^ 0" }, { target: 3, inputs: { x: 1 } }),
      "y does not depend on x",
    );
    refused(
      () => solve({ y: "round(x ^ 0)" }, { target: 3, inputs: { x: 1 } }),
      "y does not depend on x",
    );
  });

  it("counts a constant power inside a product as degree 0", () => {
    const answer = solve({ y: "x * 2 ^ 3 * x" }, { target: 32, inputs: { x: 1 } });
    expect(answer.method).toBe("algebraic");
    expect(answer.value.toString()).toBe("2");
    expect(answer.alternatives.map(String)).toEqual(["-2"]);
  });

  it("searches numerically beyond degree 2", () => {
    const answer = solve({ y: "x * x * x + x" }, { target: 10, inputs: { x: 1 } });
    expect(answer.method).toBe("numeric");
    expect(answer.value.toString()).toBe("2");
  });
});

describe("solveFor: choosing among exact solutions", () => {
  it("without a current value, prefers the smallest in magnitude, the positive one on a tie", () => {
    const answer = solve({ y: "x ^ 2" }, { target: 49, inputs: {} });
    expect(answer.value.toString()).toBe("7");
    expect(answer.alternatives.map(String)).toEqual(["-7"]);
    expect(answer.actual).toBeNull();
    const tie = solve({ y: "x ^ 2" }, { target: 49, inputs: { x: 0 } });
    expect(tie.value.toString()).toBe("7");
    const nearer = solve({ y: "(x + 1) ^ 2" }, { target: 49, inputs: {} });
    expect(nearer.value.toString()).toBe("6");
    expect(nearer.alternatives.map(String)).toEqual(["-8"]);
  });

  it("refuses a solution at or beyond 1e1000, and takes one just below", () => {
    refused(
      () => solve({ y: "x * a" }, { target: 10, inputs: { x: 1, a: "1e-999" } }),
      "the solution is outside the supported magnitude (|x| < 1e1000)",
    );
    expect(
      solve({ y: "x * a" }, { target: "9.99", inputs: { x: 1, a: "1e-999" } }).value.toString(),
    ).toBe("9.99e+999");
  });

  it("refuses a solution where the output is undefined", () => {
    refused(
      () => solve({ y: "x * 1e999 / 1e999" }, { target: 10, inputs: { x: 2 } }),
      "y is undefined at the solution 10",
    );
  });

  it("names the bound an exact solution lies beyond, and gives it in details", () => {
    const below = expectCode(
      () => solve({ y: "x * 2" }, { target: -4, inputs: { x: 1 } }, { inputs: { x: { min: 0 } } }),
      "NO_SOLUTION",
      ["options", "vary"],
    );
    expect(below.details).toEqual({
      reason: "the exact solution -2 is below the lower bound 0",
      outside: "-2",
    });
    const above = expectCode(
      () => solve({ y: "x * 2" }, { target: 300, inputs: { x: 1 }, max: 100 }),
      "NO_SOLUTION",
    );
    expect(above.details).toEqual({
      reason: "the exact solution 150 is above the upper bound 100",
      outside: "150",
    });
    const nearest = expectCode(
      () => solve({ y: "x ^ 2" }, { target: 49, inputs: { x: 1 }, min: 10, max: 20 }),
      "NO_SOLUTION",
    );
    expect(nearest.details.outside).toBe("7");
    expect(nearest.details.reason).toBe("the exact solution 7 is below the lower bound 10");
  });

  it("writes numbers in messages with 12 significant digits, in exponent form beyond 1e±15", () => {
    const reason = (target: string, bound: { min?: number; max?: number | string }) =>
      expectCode(() => solve({ y: "x * 2" }, { target, inputs: { x: 1 }, ...bound }), "NO_SOLUTION")
        .details.reason;
    expect(reason("2e16", { max: 100 })).toBe(
      "the exact solution 1e+16 is above the upper bound 100",
    );
    expect(reason("2e15", { max: 100 })).toBe(
      "the exact solution 1000000000000000 is above the upper bound 100",
    );
    expect(reason("2e-16", { min: 1 })).toBe("the exact solution 1e-16 is below the lower bound 1");
    expect(reason("2e-15", { min: 1 })).toBe(
      "the exact solution 0.000000000000001 is below the lower bound 1",
    );
    expect(reason("0.6666666666666666", { max: "0.1" })).toBe(
      "the exact solution 0.333333333333 is above the upper bound 0.1",
    );
  });
});

/** Solves y = formula for x, starting from x = 1. */
const solveY = (formula: string, target: string | number) =>
  solve({ y: formula }, { target, inputs: { x: 1 } });

describe("solveFor: degree through unary minus and constant powers", () => {
  it("solves −(x·x) = −4 exactly as a parabola", () => {
    const answer = solveY("-(x * x)", -4);
    expect(answer.method).toBe("algebraic");
    expect(answer.value.toString()).toBe("2");
    expect(answer.alternatives.map(String)).toEqual(["-2"]);
  });

  it("solves x·2^0.5 + x = 3 exactly as a line", () => {
    const answer = solveY("x * 2 ^ 0.5 + x", 3);
    expect(answer.method).toBe("algebraic");
    expect(answer.iterations).toBe(0);
    expect(answer.value.toString()).toBe(
      "1.242640687119285146405066172629094235709015626130844219530039214",
    );
  });
});

describe("solveFor: exact roots of powers", () => {
  it("snaps a cube root that the root computation misses by a few units to the exact value", () => {
    // 1000 ^ (1/3) comes out as 9.999…998 before snapping.
    const answer = solveY("x ^ 3", 1000);
    expect(answer.value.toString()).toBe("10");
    expect(answer.residual.toString()).toBe("0");
    expect(answer.method).toBe("algebraic");
  });

  it("keeps every digit of an irrational root (nothing shorter squares to the target)", () => {
    const answer = solveY("x ^ 2", 2);
    expect(answer.value.toString()).toBe(
      "1.414213562373095048801688724209698078569671875376948073176679738",
    );
    expect(answer.alternatives.map(String)).toEqual([
      "-1.414213562373095048801688724209698078569671875376948073176679738",
    ]);
  });

  it("finds an exact root of 58 significant digits", () => {
    const answer = solveY(
      "x ^ 3",
      "114544.9524702996188677264692977830245889411485701352482778599401",
    );
    expect(answer.value.toString()).toBe(
      "48.56521534353150399250455639779224477684491293549411211269",
    );
    expect(answer.residual.toString()).toBe("0");
  });

  it("finds an exact root of 37 significant digits when the 62-digit one misses", () => {
    const answer = solveY(
      "x ^ 7",
      "3.143587899917141175097021519341169560607170444231677167277682569e-99",
    );
    expect(answer.value.toString()).toBe("0.000000000000008476248067098901633436292029829625349");
    expect(answer.residual.toString()).toBe("0");
  });

  it("answers a fractional power with the exact power of the target, not a shortened one", () => {
    // x ^ 0.25 = 8519.547589357501  ⇔  x = 8519.547589357501 ^ 4, a 64-digit number.
    const answer = solveY("x ^ 0.25", "8519.547589357501");
    expect(answer.value.toString()).toBe(
      "5268247051284983.584797252187814269714693259773628138767194930001",
    );
    expect(answer.method).toBe("algebraic");
  });
});

describe("solveFor: unary minus on the inverted path", () => {
  it("negates the target through a unary minus over a cube, exactly", () => {
    const answer = solveY("-(x ^ 3)", 8);
    expect(answer.value.toString()).toBe("-2");
    expect(answer.method).toBe("algebraic");
    expect(answer.iterations).toBe(0);
  });
});

const parabola = defineModel({ y: "x * x + b * x" });

describe("solveFor: exact roots of a parabola", () => {
  it("keeps every digit of an irrational root", () => {
    const answer = solveFor(defineModel({ y: "x * x" }), {
      output: "y",
      vary: "x",
      target: 2,
      inputs: { x: 1 },
    });
    expect(answer.value.toString()).toBe(
      "1.414213562373095048801688724209698078569671875376948073176679738",
    );
    expect(answer.method).toBe("algebraic");
  });

  it.each([
    ["40", "1234567890123456789012345678901234567.891"],
    ["60", "12345678901234567890123456789012345678901234567890.1234567891"],
  ])("finds the roots 0 and −b exactly for a b of %s digits (b² is rounded)", (_, b) => {
    const answer = solveFor(parabola, { output: "y", vary: "x", target: 0, inputs: { x: 1, b } });
    expect(answer.value.toString()).toBe("0");
    expect(answer.alternatives.map(String)).toEqual([`-${b}`]);
    expect(answer.residual.toString()).toBe("0");
  });
});
