// Exact sums of amounts over node × period cells, fast: scaled integers in a Float64Array while
// every sum stays a safe integer, BigInts beyond. The scale grows to the most decimals seen.
import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import { pow10, toScaled } from "../../_lib/exact/index.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { Int } from "./int.js";
import { norm } from "./int.js";

/** One table of exact sums: `value[i] = cells[i] × 10^-scale`. */
export interface Sums {
  scale: number;
  /** The cells while every one is a safe integer; `null` once they are BigInts. */
  numbers: Float64Array | null;
  /** The cells as BigInts, once a sum left the safe range (or a value was a BigInt). */
  bigints: bigint[] | null;
}

export function newSums(size: number, scale: number): Sums {
  return { scale, numbers: new Float64Array(size), bigints: null };
}

/** An amount as an integer and its decimals: value = int × 10^-decimals. */
export interface Parsed {
  int: number | bigint;
  decimals: number;
}

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Reads an amount (any Numeric form), fast for plain numbers and plain decimal strings. */
export function parseAmount(value: unknown, path: ErrorPath, out: Parsed): void {
  if (typeof value === "number" && Number.isSafeInteger(value)) {
    out.int = value === 0 ? 0 : value;
    out.decimals = 0;
    return;
  }
  if (typeof value === "string") {
    const match = PLAIN.exec(value);
    if (match !== null) {
      const digits = `${match[1]}${match[2]}${match[3] ?? ""}`;
      out.int = digits.length <= 16 ? Number(digits) : BigInt(digits);
      if (out.int === 0) out.int = 0;
      out.decimals = match[3]?.length ?? 0;
      return;
    }
  }
  const scaled = toScaled(toDecimal(value as Numeric, path));
  if (scaled.scale < 0) {
    out.int = scaled.mantissa * pow10(-scaled.scale);
    out.decimals = 0;
  } else {
    out.int = scaled.mantissa;
    out.decimals = scaled.scale;
  }
  if (
    typeof out.int === "bigint" &&
    out.int >= -9007199254740991n &&
    out.int <= 9007199254740991n
  ) {
    out.int = Number(out.int);
  }
}

/** Switches the table to BigInts. */
function toBigints(sums: Sums): bigint[] {
  if (sums.bigints === null) {
    const numbers = sums.numbers!;
    sums.bigints = Array.from(numbers, (cell) => BigInt(cell));
    sums.numbers = null;
  }
  return sums.bigints;
}

/** Raises the table's scale to `scale` decimals (every cell × 10^(scale − old)). */
function rescale(sums: Sums, scale: number): void {
  const factor = scale - sums.scale;
  sums.scale = scale;
  if (sums.numbers !== null && factor <= 15) {
    const times = 10 ** factor;
    const numbers = sums.numbers;
    let safe = true;
    for (let i = 0; i < numbers.length; i++) {
      const cell = numbers[i]! * times;
      if (!Number.isSafeInteger(cell)) {
        safe = false;
        break;
      }
    }
    if (safe) {
      for (let i = 0; i < numbers.length; i++) numbers[i] = numbers[i]! * times;
      return;
    }
  }
  const big = pow10(factor);
  const bigints = toBigints(sums);
  for (let i = 0; i < bigints.length; i++) bigints[i] = bigints[i]! * big;
}

/** Adds `value` (parsed) to cell `index`, exactly. */
export function addTo(sums: Sums, index: number, value: Parsed): void {
  if (value.decimals > sums.scale) {
    if (value.decimals > 64) {
      throw new TargetreeError(
        "NUMBER_TOO_LARGE",
        "An amount has more than 64 decimals; round it first.",
      );
    }
    rescale(sums, value.decimals);
  }
  const shift = sums.scale - value.decimals;
  const numbers = sums.numbers;
  if (numbers !== null && typeof value.int === "number" && shift <= 15) {
    const scaled = shift === 0 ? value.int : value.int * 10 ** shift;
    const sum = numbers[index]! + scaled;
    if (Number.isSafeInteger(scaled) && Number.isSafeInteger(sum)) {
      numbers[index] = sum;
      return;
    }
  }
  const bigints = toBigints(sums);
  bigints[index] = bigints[index]! + BigInt(value.int) * pow10(shift);
}

/** Cell `index` at the table's scale: a number while the table holds safe integers. */
export function cellOf(sums: Sums, index: number): Int {
  return sums.numbers !== null ? sums.numbers[index]! : norm(sums.bigints![index]!);
}

/** Adds cell `from` into cell `to` (a roll-up: to += from). */
export function rollInto(sums: Sums, to: number, from: number): void {
  const numbers = sums.numbers;
  if (numbers !== null) {
    const sum = numbers[to]! + numbers[from]!;
    if (Number.isSafeInteger(sum)) {
      numbers[to] = sum;
      return;
    }
  }
  const bigints = toBigints(sums);
  bigints[to] = bigints[to]! + bigints[from]!;
}
