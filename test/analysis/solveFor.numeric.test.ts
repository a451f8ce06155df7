// solveFor's numeric search (bracket outward from the start, then Brent), its whole-number rounding
// (an exact answer a hair above a whole number rounds up; whole numbers where the model is undefined
// are skipped), its options and roots next to a pole.
import { type DefineModelOptions, defineModel, type SolveForOptions, solveFor } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const solve = (
  formulas: Record<string, string>,
  options: Partial<SolveForOptions> & Pick<SolveForOptions, "target" | "inputs">,
  modelOptions?: DefineModelOptions,
) => solveFor(defineModel(formulas, modelOptions), { output: "y", vary: "x", ...options });

/** The reason of the NO_SOLUTION a call throws (with no out-of-bounds solution). */
const reasonOf = (run: () => unknown): string => {
  const error = expectCode(run, "NO_SOLUTION", ["options", "vary"]);
  expect(error.details.outside).toBeNull();
  return error.details.reason as string;
};

describe("solveFor: numeric search", () => {
  it("reports the range of the output over the values tried when none reaches the target", () => {
    expect(
      reasonOf(() =>
        solve({ y: "min(x, 5) * 2" }, { target: 12, inputs: { x: 1 }, min: 0, max: 100 }),
      ),
    ).toBe(
      "no value in [0, 100] reaches the target: over the 22 values tried, y stays between 0 and 10",
    );
    expect(
      reasonOf(() =>
        solve(
          { y: "min(x, 5) * 2" },
          { target: 12, inputs: { x: 0 } },
          { inputs: { x: { min: 0 } } },
        ),
      ),
    ).toBe(
      "no value in [0, +∞] reaches the target: over the 300 values tried from 0 to 9e+999 (the supported magnitude), y stays between 0 and 10",
    );
    expect(
      reasonOf(() => solve({ y: "max(x, 5) * 2" }, { target: 2, inputs: { x: 7 }, max: 8 })),
    ).toBe(
      "no value in [−∞, 8] reaches the target: over the 305 values tried from -9e+999 (the supported magnitude) to 8, y stays between 10 and 16",
    );
  });

  it("stops each side of the search at its bound, probing the bound once", () => {
    // From 0 the steps reach ±1 exactly on the 7th doubling: 1 + 7 × 2 values in all.
    for (const [min, max] of [
      [-1, 1],
      ["-0.9", "0.9"],
    ] as const) {
      expect(
        reasonOf(() => solve({ y: "min(x, 5) * 2" }, { target: 12, inputs: { x: 0 }, min, max })),
      ).toMatch(
        /^no value in \[-0?\.?\d+, 0?\.?\d+\] reaches the target: over the 15 values tried/,
      );
    }
  });

  it("starts from the current value, or the bound nearest it, or a bound, or 0", () => {
    const abs = { y: "abs(x)" };
    const fromZero = solve(abs, { target: 100, inputs: {} });
    expect([fromZero.value.toString(), fromZero.evaluations]).toEqual(["100", 30]);
    expect(fromZero.method).toBe("numeric");
    expect(fromZero.iterations).toBe(1);
    const fromLower = solve(abs, { target: 100, inputs: {}, min: -200 });
    expect([fromLower.value.toString(), fromLower.evaluations]).toEqual(["-100", 8]);
    const fromUpper = solve(abs, { target: 100, inputs: {}, max: 200 });
    expect([fromUpper.value.toString(), fromUpper.evaluations]).toEqual(["100", 8]);

    // Four solutions: ±150 and ±350.
    const fourRoots = { y: "abs(abs(x) - 250)" };
    expect(solve(fourRoots, { target: 100, inputs: { x: 400 } }).value.toString()).toBe("350");
    expect(solve(fourRoots, { target: 100, inputs: { x: 400 }, max: 300 }).value.toString()).toBe(
      "150",
    );
    expect(solve(fourRoots, { target: 100, inputs: { x: -400 }, min: -300 }).value.toString()).toBe(
      "-150",
    );
  });

  it("steps past points where the output is undefined, starting from one", () => {
    const answer = solve({ y: "min(1 / x, 10)" }, { target: 2, inputs: { x: 0 } });
    expect(answer.method).toBe("numeric");
    expect(answer.value.toString()).toBe("0.5");
    expect(answer.evaluations).toBe(13);
  });

  it("refuses an output that is undefined everywhere it looked", () => {
    expect(reasonOf(() => solve({ y: "1 / (x - x)" }, { target: 1, inputs: { x: 1 } }))).toBe(
      "y is undefined for every value of x tried from -9e+999 (the supported magnitude) to 9e+999 (the supported magnitude)",
    );
  });

  it("refuses an output that is undefined between the points where it crosses the target", () => {
    expect(
      reasonOf(() =>
        solve(
          { y: "if(x > 0.2 and x < 0.8, 1 / (x - x), x)" },
          { target: "0.5", inputs: { x: 2 } },
        ),
      ),
    ).toBe("y is undefined at x = 0.5, inside the interval where it crosses the target");
  });

  it("passes on a formula error that is not an undefined value, while bracketing or in Brent", () => {
    const probing = expectCode(
      () => solve({ y: "round(5, x) + x" }, { target: "0.5", inputs: { x: 2 } }),
      "INVALID_ARGUMENT",
      ["formulas", "y"],
    );
    expect(probing.message).toMatch(/digits of round\/floor\/ceil must be a whole number/);
    expectCode(
      () =>
        solve(
          { y: "x + round(0, if(x > 0.2 and x < 0.8, 0.5, 0))" },
          { target: "0.5", inputs: { x: 2 } },
        ),
      "INVALID_ARGUMENT",
      ["formulas", "y"],
    );
  });

  it("stops after maxIterations Brent steps (default 500), converging exactly at the limit", () => {
    const cube = { y: "min(x ^ 3, 1000)" };
    const answer = solve(cube, { target: 2, inputs: { x: 1 } });
    expect(answer.method).toBe("numeric");
    expect(answer.iterations).toBe(6);
    expect(answer.evaluations).toBe(19);
    expect(answer.residual.abs().lte("2e-30")).toBe(true);
    expect(solve(cube, { target: 2, inputs: { x: 1 }, maxIterations: 6 }).iterations).toBe(6);
    expect(reasonOf(() => solve(cube, { target: 2, inputs: { x: 1 }, maxIterations: 5 }))).toBe(
      "the numeric search did not converge in 5 iterations",
    );
    expect(reasonOf(() => solve(cube, { target: 2, inputs: { x: 1 }, maxIterations: 1 }))).toBe(
      "the numeric search did not converge in 1 iterations",
    );
    expect(solve(cube, { target: 2, inputs: { x: 1 }, maxIterations: 10_000 }).iterations).toBe(6);
  });

  it("stops within the caller's tolerance, else within 1e-30 × max(1, |target|)", () => {
    const loose = solve(
      { y: "min(x ^ 3, 1000)" },
      { target: 2, inputs: { x: 1 }, tolerance: "0.01" },
    );
    expect(loose.iterations).toBe(1);
    expect(loose.residual.abs().lte("0.01")).toBe(true);
    expect(loose.residual.abs().gt("0.001")).toBe(true);
    const large = solve({ y: "min(x ^ 3, 1e40)" }, { target: "2e30", inputs: { x: 1 } });
    expect(large.residual.abs().lte(2)).toBe(true);
    expect(large.residual.abs().gt("1e-20")).toBe(true);
    expect(large.iterations).toBe(8);
  });

  it("with a tolerance of 0, reports a root between two adjacent decimals as a jump", () => {
    // Approached from above and from below: the last steps are the smallest allowed, either way.
    for (const x of [5, -5]) {
      expect(
        reasonOf(() => solve({ y: "min(x, 100) * 3" }, { target: 1, inputs: { x }, tolerance: 0 })),
      ).toBe("y jumps over the target near x = 0.333333333333 (a step or a break in the formula)");
    }
  });

  it("lists no alternatives for a numeric answer", () => {
    const answer = solveFor(defineModel({ y: "x + 1 / (x - 2)" }), {
      output: "y",
      vary: "x",
      target: "4.9",
      inputs: { x: 2.45 },
    });
    expect(answer.method).toBe("numeric");
    expect(answer.value.toFixed(10)).toBe("2.4000000000");
    expect(answer.alternatives).toEqual([]);
  });
});

describe("solveFor: whole numbers", () => {
  const integer: DefineModelOptions = { inputs: { x: { wholeNumber: true } } };

  it("rounds when wholeNumber is true, even for an input not declared whole", () => {
    const answer = solve({ y: "x * 3" }, { target: 10, inputs: { x: 1 }, wholeNumber: true });
    expect(answer.value.toString()).toBe("4");
    expect(answer.unrounded.toFixed(3)).toBe("3.333");
    expect(answer.rounded).toBe(true);
    expect(answer.achieved.toString()).toBe("12");
    expect(answer.residual.toString()).toBe("2");
    expect(answer.change?.toString()).toBe("3");
  });

  it("keeps a whole-number solution as it is", () => {
    const answer = solve({ y: "x * 3" }, { target: 12, inputs: { x: 1 } }, integer);
    expect(answer.value.toString()).toBe("4");
    expect(answer.rounded).toBe(false);
  });

  it("takes the nearer whole number when both neighbours reach the target", () => {
    // Solutions −10.4 and −10.6; without a current value −10.4 (smaller); −11 and −10 both give 0.25.
    const answer = solve({ y: "(x + 10.5) ^ 2" }, { target: "0.01", inputs: {} }, integer);
    expect(answer.unrounded.toString()).toBe("-10.4");
    expect(answer.alternatives.map(String)).toEqual(["-10.6"]);
    expect(answer.value.toString()).toBe("-10");
    expect(answer.rounded).toBe(true);
    expect(answer.achieved.toString()).toBe("0.25");
    expect(answer.residual.toString()).toBe("0.24");
  });

  it("refuses when no whole number next to the solution, within the bounds, reaches the target", () => {
    expect(
      reasonOf(() =>
        solve(
          { y: "x * 10" },
          { target: 102, inputs: { x: 1 } },
          {
            inputs: { x: { wholeNumber: true, max: "10.5" } },
          },
        ),
      ),
    ).toBe(
      "the solution 10.2 is not a whole number, and no whole number next to it within [−∞, 10.5] reaches the target",
    );
  });

  it("counts a numeric answer within the tolerance of a whole number as that whole number", () => {
    const model = { y: "min(x, 100) * 3" };
    const within = solve(model, { target: 31, inputs: { x: 1 }, tolerance: "1.5" }, integer);
    expect(within.method).toBe("numeric");
    expect(within.value.toString()).toBe("10");
    expect(within.rounded).toBe(false);
    expect(within.achieved.toString()).toBe("30");
    expect(within.residual.toString()).toBe("-1");
    const beyond = solve(model, { target: 31, inputs: { x: 1 }, tolerance: "0.9" }, integer);
    expect(beyond.value.toString()).toBe("11");
    expect(beyond.rounded).toBe(true);
    expect(beyond.achieved.toString()).toBe("33");
  });

  it("rounds an exact answer a hair above 2 up to 3, not down to 2", () => {
    const answer = solveFor(defineModel({ y: "x * a" }), {
      output: "y",
      vary: "x",
      target: "2.0000000000000000000000000000000000000001",
      inputs: { x: 1, a: 1 },
      wholeNumber: true,
    });
    expect(answer.method).toBe("algebraic");
    expect(answer.unrounded.toString()).toBe("2.0000000000000000000000000000000000000001");
    expect(answer.value.toString()).toBe("3");
    expect(answer.rounded).toBe(true);
    expect(answer.achieved.toString()).toBe("3");
  });

  it("skips a whole number where the model is undefined, and says none reaches the target", () => {
    // y = x + 1/(x − 2) reaches 4.9 at x = 2.4 (found numerically); y(2) is undefined, y(3) = 4.
    const error = expectCode(
      () =>
        solveFor(defineModel({ y: "x + 1 / (x - 2)" }), {
          output: "y",
          vary: "x",
          target: "4.9",
          inputs: { x: 2.45 },
          wholeNumber: true,
        }),
      "NO_SOLUTION",
      ["options", "vary"],
    );
    expect(error.message).toContain(
      "the solution 2.4 is not a whole number, and no whole number next to it within [−∞, +∞] reaches the target",
    );
  });
});

describe("solveFor: options", () => {
  it("requires a target", () => {
    const error = expectCode(
      () =>
        solveFor(defineModel({ y: "x" }), { output: "y", vary: "x", inputs: { x: 1 } } as never),
      "INVALID_ARGUMENT",
      ["options", "target"],
    );
    expect(error.message).toMatch(/This number is required\./);
  });

  it("narrows the declared bounds by the caller's, whichever is tighter", () => {
    const bounded = { inputs: { x: { min: -30, max: 30 } } };
    const reason = (target: number, range: { min?: number; max?: number }) =>
      expectCode(
        () => solve({ y: "x * 2" }, { target, inputs: { x: 1 }, ...range }, bounded),
        "NO_SOLUTION",
      ).details.reason;
    expect(reason(100, { max: 40 })).toBe("the exact solution 50 is above the upper bound 30");
    expect(reason(100, { max: 20 })).toBe("the exact solution 50 is above the upper bound 20");
    expect(reason(-100, { min: -40 })).toBe("the exact solution -50 is below the lower bound -30");
    expect(reason(-100, { min: -20 })).toBe("the exact solution -50 is below the lower bound -20");
  });

  it("reads options by own keys only, and names by their NFC form", () => {
    const inherited = Object.assign(Object.create({ max: 10, tolerance: -1 }), {
      output: "y",
      vary: "x",
      target: 100,
      inputs: { x: 1 },
    }) as SolveForOptions;
    expect(solveFor(defineModel({ y: "x * 2" }), inherited).value.toString()).toBe("50");
    const answer = solveFor(defineModel({ "caf\u00e9": "x * 2", y: "caf\u00e9 + x" }), {
      output: "cafe\u0301" as never,
      vary: "x",
      target: 4,
      inputs: { x: 1 },
    });
    expect(answer.output).toBe("caf\u00e9");
    const varied = solveFor(defineModel({ y: "caf\u00e9 * 2" }), {
      output: "y",
      vary: "cafe\u0301" as never,
      target: 4,
      inputs: { "caf\u00e9": 1 },
    });
    expect(varied.vary).toBe("caf\u00e9");
    expect(varied.actual?.toString()).toBe("1");
  });

  it("refuses maxIterations outside 1 to 10,000, saying so", () => {
    for (const maxIterations of [0, 10_001, 2.5, "5"]) {
      const error = expectCode(
        () =>
          solve(
            { y: "x * 2" },
            { target: 1, inputs: { x: 1 }, maxIterations: maxIterations as number },
          ),
        "INVALID_ARGUMENT",
        ["options", "maxIterations"],
      );
      expect(error.message).toMatch(/Expected a whole number from 1 to 10000, got/);
    }
  });

  it("refuses a negative tolerance and a reversed range, saying so", () => {
    const negative = expectCode(
      () => solve({ y: "x * 2" }, { target: 1, inputs: { x: 1 }, tolerance: "-0.1" }),
      "INVALID_ARGUMENT",
      ["options", "tolerance"],
    );
    expect(negative.message).toMatch(/tolerance must be ≥ 0\./);
    expect(
      solve({ y: "x * 2" }, { target: 1, inputs: { x: 1 }, tolerance: 0 }).value.toString(),
    ).toBe("0.5");
    const reversed = expectCode(
      () => solve({ y: "x * 2" }, { target: 1, inputs: { x: 1 }, min: 5, max: 4 }),
      "INVALID_ARGUMENT",
      ["options", "min"],
    );
    expect(reversed.message).toMatch(/min is greater than max\./);
    expect(
      solve({ y: "x * 2" }, { target: 8, inputs: { x: 1 }, min: 4, max: 4 }).value.toString(),
    ).toBe("4");
  });

  it("refuses a non-boolean wholeNumber and a list for vary, saying so", () => {
    const flag = expectCode(
      () => solve({ y: "x * 2" }, { target: 1, inputs: { x: 1 }, wholeNumber: "yes" as never }),
      "INVALID_ARGUMENT",
      ["options", "wholeNumber"],
    );
    expect(flag.message).toMatch(/wholeNumber must be true or false, got/);
    const list = expectCode(
      () => solve({ y: "x * 2" }, { target: 1, inputs: { x: 1 }, vary: ["x"] as never }),
      "INVALID_ARGUMENT",
      ["options", "vary"],
    );
    expect(list.message).toMatch(/solveFor varies one input; use solveMultiplier/);
  });
});

describe("solveFor: roots next to a pole", () => {
  it("finds a root just before a point where the output is undefined", () => {
    // Searching down from x = 2 steps from 1 straight to 0, where 1/x is undefined; the root
    // x = 0.25 lies between them, and the search closes in on 0 to find it.
    const down = solve({ y: "min(1 / x, 100)" }, { target: 4, inputs: { x: 2 } });
    expect(down.value.toString()).toBe("0.25");
    expect(down.method).toBe("numeric");
    // From the other side of the pole, the root is found by looking back toward it.
    const across = solve({ y: "min(1 / x, 100)" }, { target: 4, inputs: { x: -2 } });
    expect(across.value.toString()).toBe("0.25");
  });

  it("still says no value reaches the target when none does near the pole", () => {
    expect(() => solve({ y: "min(1 / x, 100)" }, { target: 400, inputs: { x: 2 } })).toThrow(
      /NO_SOLUTION/,
    );
  });
});
