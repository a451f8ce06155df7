import type { RoundingMode } from "../types.js";

/** `numerator / denominator` (denominator ≠ 0) rounded to an integer with a named mode. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator < 0n) return divideRounded(-numerator, -denominator, mode);
  const truncated = numerator / denominator;
  const rest = numerator % denominator;
  if (rest === 0n) return truncated;
  const away = truncated + (numerator < 0n ? -1n : 1n);
  const twice = 2n * (rest < 0n ? -rest : rest);
  switch (mode) {
    case "down":
      return truncated;
    case "up":
      return away;
    case "ceil":
      return numerator > 0n ? away : truncated;
    case "floor":
      return numerator < 0n ? away : truncated;
    case "half-up":
      return twice >= denominator ? away : truncated;
    case "half-down":
      return twice > denominator ? away : truncated;
    case "half-even":
      if (twice !== denominator) return twice > denominator ? away : truncated;
      return truncated % 2n === 0n ? truncated : away;
  }
}
