// solveFor's exact inversion of powers: the real root is snapped to the exact answer when one exists
// (and left alone when it is already exact), and a unary minus stays on the algebraic path.
import { defineModel, solveFor } from "targetree";
import { describe, expect, it } from "vitest";

const solve = (formula: string, target: string | number) =>
  solveFor(defineModel({ y: formula }), { output: "y", vary: "x", target, inputs: { x: 1 } });

describe("solveFor: exact roots", () => {
  it("snaps a cube root that the root computation misses by a few units to the exact value", () => {
    // 1000 ^ (1/3) comes out as 9.999…998 before snapping.
    const answer = solve("x ^ 3", 1000);
    expect(answer.value.toString()).toBe("10");
    expect(answer.residual.toString()).toBe("0");
    expect(answer.method).toBe("algebraic");
  });

  it("keeps every digit of an irrational root (nothing shorter squares to the target)", () => {
    const answer = solve("x ^ 2", 2);
    expect(answer.value.toString()).toBe(
      "1.414213562373095048801688724209698078569671875376948073176679738",
    );
    expect(answer.alternatives.map(String)).toEqual([
      "-1.414213562373095048801688724209698078569671875376948073176679738",
    ]);
  });

  it("finds an exact root of 58 significant digits", () => {
    const answer = solve(
      "x ^ 3",
      "114544.9524702996188677264692977830245889411485701352482778599401",
    );
    expect(answer.value.toString()).toBe(
      "48.56521534353150399250455639779224477684491293549411211269",
    );
    expect(answer.residual.toString()).toBe("0");
  });

  it("finds an exact root of 37 significant digits when the 62-digit one misses", () => {
    const answer = solve(
      "x ^ 7",
      "3.143587899917141175097021519341169560607170444231677167277682569e-99",
    );
    expect(answer.value.toString()).toBe("0.000000000000008476248067098901633436292029829625349");
    expect(answer.residual.toString()).toBe("0");
  });

  it("answers a fractional power with the exact power of the target, not a shortened one", () => {
    // x ^ 0.25 = 8519.547589357501  ⇔  x = 8519.547589357501 ^ 4, a 64-digit number.
    const answer = solve("x ^ 0.25", "8519.547589357501");
    expect(answer.value.toString()).toBe(
      "5268247051284983.584797252187814269714693259773628138767194930001",
    );
    expect(answer.method).toBe("algebraic");
  });
});

describe("solveFor: unary minus on the inverted path", () => {
  it("negates the target through a unary minus over a cube, exactly", () => {
    const answer = solve("-(x ^ 3)", 8);
    expect(answer.value.toString()).toBe("-2");
    expect(answer.method).toBe("algebraic");
    expect(answer.iterations).toBe(0);
  });
});
