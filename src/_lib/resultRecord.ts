// Result records: the records of named values targetree returns (`{ a: 33.33, b: 33.33 }`, a row of
// a table), made printable. Their prototype is one frozen object with a null prototype that holds
// only Node's inspect hook, so nothing of Object.prototype is in the chain (`__proto__`,
// `constructor` and `toString` stay ordinary own keys) and Node's printing (util.inspect, the REPL) shows
// `{ a: 33.33, share: 0.333333333333… }` instead of `[Object: null prototype] {…}` with 64 digits.
// The hook only builds a plain view; Node does the printing, so nothing here does I/O.
import { Decimal as DecimalJs } from "decimal.js";

const INSPECT: unique symbol = /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom") as never;

/** Significant digits shown exactly; a longer Decimal (a share, a division) is shown rounded. */
const EXACT_DIGITS = 20;
/** Significant digits of a Decimal shown rounded, followed by "…". */
const ROUNDED_DIGITS = 12;

/** The part of Node's inspect options the hook uses. */
interface InspectOptions {
  stylize(text: string, style: string): string;
}

/**
 * A Decimal as people read it: exact up to 20 significant digits, else rounded to 12 with "…"
 * (`0.333333333333…`). Display only: the value itself keeps every digit.
 */
export function shownDecimal(value: DecimalJs): string {
  if (value.isZero()) return "0";
  if (value.precision() <= EXACT_DIGITS) return value.toString();
  return `${value.toSignificantDigits(ROUNDED_DIGITS, DecimalJs.ROUND_HALF_UP).toString()}…`;
}

/** How a value inside a result is shown: Decimals short and unquoted, records as plain objects. */
function display(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (DecimalJs.isDecimal(value)) {
    const text = shownDecimal(value as DecimalJs);
    return {
      [INSPECT]: (_depth: number, options: InspectOptions) => options.stylize(text, "number"),
    };
  }
  if (Array.isArray(value)) return value.map(display);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null || prototype === Object.prototype) {
    // Shown lazily, so Node's depth limit still applies below it.
    return { [INSPECT]: () => view(value) };
  }
  return value;
}

/** A plain object with the record's own enumerable keys, each value shown by `display`. */
function view(record: object): object {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    Object.defineProperty(out, key, {
      value: display((record as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

const RESULT_PROTOTYPE: object = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.create(null, {
    [INSPECT]: {
      value: function inspectResult(this: object): object {
        return view(this);
      },
    },
  }),
);

/**
 * A new, empty result record: set its fields by assignment (any key, `__proto__` included, becomes
 * an own property), then freeze it if the result is immutable. Prints as a plain object in
 * Node's util.inspect and the REPL, with long Decimals shortened.
 */
export function resultRecord<T extends object = Record<string, unknown>>(): T {
  return Object.create(RESULT_PROTOTYPE) as T;
}

/** True for a record made by {@link resultRecord}. */
export function isResultRecord(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && Object.getPrototypeOf(value) === RESULT_PROTOTYPE
  );
}
