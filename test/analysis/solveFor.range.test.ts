// solveFor searches as far as it says: to the stated bounds however far they are, or, without a
// bound, to the supported magnitude; and a NO_SOLUTION names the range really searched and the
// outputs as computed (never the output less the target plus the target).
import { defineModel, solveFor } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

/** The reason of the NO_SOLUTION a call throws. */
const reasonOf = (run: () => unknown): string =>
  expectCode(run, "NO_SOLUTION", ["options", "vary"]).details.reason as string;

describe("solveFor: the range searched", () => {
  it("finds a root far out, with or without a stated bound", () => {
    const model = defineModel({ y: "x^0.1 + x^0.1" });
    for (const max of [undefined, "1e100", "1e300", "1e999"]) {
      const answer = solveFor(model, {
        output: "y",
        target: 2_000_000,
        vary: "x",
        inputs: {},
        ...(max === undefined ? {} : { max }),
      });
      expect(answer.method).toBe("numeric");
      // Within the default tolerance of the output, so within 1e-28 relative of 1e60.
      expect(answer.value.div("1e60").minus(1).abs().lt("1e-25")).toBe(true);
      expect(answer.residual.abs().lte("2e-24")).toBe(true);
    }
  });

  it("finds roots at several magnitudes, far beyond 2^200", () => {
    const model = defineModel({ y: "min(x, 1e900) / 1e10 + round(x, 0) * 0" });
    for (const exponent of [70, 200, 500, 880]) {
      const answer = solveFor(model, {
        output: "y",
        target: `1e${exponent - 10}`,
        vary: "x",
        inputs: { x: 1 },
      });
      expect(answer.value.div(`1e${exponent}`).minus(1).abs().lt("1e-20")).toBe(true);
    }
  });

  it("reports a stated range it searched to its ends as the stated range", () => {
    const model = defineModel({ y: "max(x, 0) * 2 + 1" });
    for (const max of ["1e50", "1e100", "1e400"]) {
      const reason = reasonOf(() =>
        solveFor(model, { output: "y", target: -1, vary: "x", inputs: { x: 1 }, min: 0, max }),
      );
      expect(reason).toMatch(
        new RegExp(
          `^no value in \\[0, ${max.replace("+", "\\+").replace("e", "e\\+")}\\] reaches the target: over the \\d+ values tried, y stays between 1 and`,
        ),
      );
    }
  });

  it("says how far it searched without a bound: to the supported magnitude", () => {
    const model = defineModel({ y: "abs(x) + 1 + round(x, 0) * 0" });
    const reason = reasonOf(() =>
      solveFor(model, { output: "y", target: 0, vary: "x", inputs: {} }),
    );
    expect(reason).toMatch(
      /^no value in \[−∞, \+∞\] reaches the target: over the \d+ values tried from -9e\+999 \(the supported magnitude\) to 9e\+999 \(the supported magnitude\), y stays between 1 and 9e\+999$/,
    );
  });

  it("reports the outputs as computed, without cancelling against a huge target", () => {
    // The outputs stay within [2, 3]; the target is 1e80 away: output − target + target loses them.
    const model = defineModel({ y: "2 + min(max(x, 0), 1) + round(x, 0) * 0" });
    const reason = reasonOf(() =>
      solveFor(model, {
        output: "y",
        target: "1e80",
        vary: "x",
        inputs: { x: "0.5" },
        min: -10,
        max: 10,
      }),
    );
    expect(reason).toMatch(/y stays between 2 and 3$/);
  });
});
