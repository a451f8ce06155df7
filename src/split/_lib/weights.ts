import { TargetreeError } from "../../_lib/errors.js";
import { commonScale } from "../../_lib/exact/index.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { Parts } from "./parts.js";
import { partPath } from "./parts.js";

/**
 * Non-negative weights as integers on one common scale (weight × 10^k), so that
 * every share is an exact fraction. `number` when every weight and the sum are
 * safe integers (the fast path), `bigint` otherwise.
 */
export type IntWeights =
  | { readonly kind: "number"; readonly values: Float64Array; readonly sum: number }
  | { readonly kind: "bigint"; readonly values: readonly bigint[]; readonly sum: bigint };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const TWO_POW_50 = 2 ** 50;
const PLAIN_DECIMAL = /^(\d{1,16})(?:\.(\d{1,12}))?$/;
const POWERS: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

function negativeWeight(parts: Parts, position: number, shown: string): TargetreeError {
  return new TargetreeError(
    "NEGATIVE_WEIGHT",
    `Weights must be zero or positive, got ${shown}. To split a negative total, keep the weights positive and make the total negative.`,
    { path: partPath(parts, position) },
  );
}

/** Converts the parts' values to integer weights, checking each one. */
export function readWeights(parts: Parts): IntWeights {
  return readWeightsFast(parts) ?? readWeightsExact(parts);
}

/**
 * The fast path for plain JS numbers and plain decimal text: integers as they are,
 * decimals such as 12.5 by their shortest decimal text (what `new Decimal(12.5)`
 * reads). Returns `null` when a value needs the exact path (a Decimal, "40%",
 * 1e-7, a huge value).
 */
function readWeightsFast(parts: Parts): IntWeights | null {
  const raw = parts.values;
  const count = raw.length;
  const mantissas = new Float64Array(count);
  let fractionDigits: Uint8Array | null = null;
  let maxFraction = 0;
  for (let i = 0; i < count; i++) {
    const value = raw[i];
    if (typeof value === "string") {
      // Plain decimal text ("12.5", "300") is read here; anything else ("40%", "1,200", "5万") by parseAmount.
      const match = PLAIN_DECIMAL.exec(value);
      if (match === null) return null;
      const fraction = match[2] ?? "";
      const mantissa = Number(match[1]! + fraction);
      if (mantissa > MAX_SAFE) return null;
      mantissas[i] = mantissa;
      if (fraction.length > 0) {
        fractionDigits ??= new Uint8Array(count);
        fractionDigits[i] = fraction.length;
        if (fraction.length > maxFraction) maxFraction = fraction.length;
      }
      continue;
    }
    if (typeof value !== "number") return null;
    if (value >= 0 && value <= MAX_SAFE) {
      if (Number.isInteger(value)) {
        mantissas[i] = value;
        continue;
      }
      let digits = 0;
      let mantissa = 0;
      // A few decimals (12.5, 0.07): the first k with round(v·10^k)/10^k === v is the
      // shortest decimal that reads back as v, which is what decimal.js reads. Below
      // 2^50 the candidates are far apart, so it is unique.
      for (let k = 1; k < POWERS.length; k++) {
        const scaled = Math.round(value * POWERS[k]!);
        if (scaled >= TWO_POW_50) break;
        if (scaled / POWERS[k]! === value) {
          digits = k;
          mantissa = scaled;
          break;
        }
      }
      if (digits === 0) {
        const text = String(value);
        if (text.includes("e")) return null;
        digits = text.length - text.indexOf(".") - 1;
        mantissa = Number(text.replace(".", ""));
        if (mantissa > MAX_SAFE) return null;
      }
      mantissas[i] = mantissa;
      fractionDigits ??= new Uint8Array(count);
      fractionDigits[i] = digits;
      if (digits > maxFraction) maxFraction = digits;
      continue;
    }
    if (Number.isNaN(value) || !Number.isFinite(value)) toDecimal(value, partPath(parts, i));
    if (value < 0) throw negativeWeight(parts, i, String(value));
    return null;
  }
  let sum = 0;
  for (let i = 0; i < count; i++) {
    let weight = mantissas[i]!;
    if (fractionDigits !== null && fractionDigits[i]! < maxFraction) {
      weight *= 10 ** (maxFraction - fractionDigits[i]!);
      if (weight > MAX_SAFE) return null;
      mantissas[i] = weight;
    }
    sum += weight;
    if (sum > MAX_SAFE) return null;
  }
  return { kind: "number", values: mantissas, sum };
}

/** The exact path: every value through `toDecimal`, scaled to integers with bigint. */
function readWeightsExact(parts: Parts): IntWeights {
  const decimals = parts.values.map((value, position) => {
    const decimal = toDecimal(value as Numeric, partPath(parts, position));
    if (decimal.isNegative() && !decimal.isZero()) {
      throw negativeWeight(parts, position, decimal.toString());
    }
    return decimal;
  });
  const values = commonScale(decimals).mantissas;
  let sum = 0n;
  for (const weight of values) sum += weight;
  // Weights that fit after all (e.g. numeric strings) take the fast path too.
  if (sum <= BigInt(MAX_SAFE)) {
    return {
      kind: "number",
      values: Float64Array.from(values, (w) => Number(w)),
      sum: Number(sum),
    };
  }
  return { kind: "bigint", values, sum };
}

/** The same weights as bigints. */
export function toBigIntWeights(weights: IntWeights): readonly bigint[] {
  return weights.kind === "bigint" ? weights.values : Array.from(weights.values, (w) => BigInt(w));
}
