// The columnar batch form of a compiled model: input columns in, only the requested output columns
// out, as Decimals, decimal text, or int53 mantissas with one scale per column. Rows run on the
// scaled-integer fast path, so no Decimal is built unless a formula needs one or the caller asks for
// Decimals.
import type { Decimal } from "../../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { MAX_SAFE_MANTISSA, pow10, SAFE_POWERS_OF_TEN, toScaled } from "../../_lib/exact/index.js";
import { readChoice } from "../../_lib/options.js";
import { isRecord } from "../../_lib/records.js";
import { resultRecord } from "../../_lib/resultRecord.js";
import { quote } from "../../formula/internal.js";
import {
  decimalAt,
  type FastModel,
  newScratch,
  runFormulas,
  type Scratch,
  setInput,
  textAt,
} from "./fastRun.js";
import type { Selection } from "./selection.js";

/** A column of input values: an array (numbers, numeric strings, Decimals) or a typed array. */
export type InputColumn =
  | readonly unknown[]
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array;

/** A column of exact values as integers and one scale: value[i] = mantissas[i] × 10^-scale. */
export interface ScaledColumn {
  /** Decimal places shared by the column: the fewest that hold every value exactly. */
  readonly scale: number;
  /** The integers: a Float64Array of safe integers when they all fit (|m| < 2^53), else bigints. */
  readonly mantissas: Float64Array | readonly bigint[];
}

/** How output columns come back: Decimals, decimal text (`"4800000.5"`), or scaled integers. */
export type ColumnForm = "decimal" | "string" | "scaled";

/** The output column type of a {@link ColumnForm}. */
export type OutputColumn<Form extends ColumnForm> = Form extends "string"
  ? string[]
  : Form extends "scaled"
    ? ScaledColumn
    : Decimal[];

const FORMS: readonly ColumnForm[] = ["decimal", "string", "scaled"];

/** The form asked for in `options.as`. */
export function readForm(settings: object): ColumnForm {
  return readChoice(settings, "as", FORMS, "decimal", ["options"]);
}

const isColumn = (value: unknown): value is InputColumn =>
  Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));

/** The column of an input: an own key, or a key equal to the name after NFC. */
function columnOf(columns: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(columns, name)) return columns[name];
  for (const key of Object.keys(columns)) if (key.normalize("NFC") === name) return columns[key];
  return undefined;
}

/** The same error, located at row `row` (and, for an input, at its index in the column). */
function atRow(error: unknown, row: number, inInput: boolean): unknown {
  if (!(error instanceof TargetreeError)) return error;
  const prefix = `${error.code}: `;
  const where = error.path.length > 0 ? error.message.lastIndexOf(" (at ") : -1;
  const body = error.message.slice(prefix.length, where >= 0 ? where : undefined);
  return new TargetreeError(error.code, inInput ? body : `${body} In row ${row}.`, {
    path: inInput ? [...error.path, row] : error.path,
    details: { ...error.details, row },
    cause: error,
  });
}

/** Collects one output column as the rows run. */
interface Collector {
  take(scratch: Scratch, row: number): void;
  finish(): unknown;
}

/** An array of each row's value as `read` gives it (a Decimal, or its text). */
function arrayCollector(
  read: (scratch: Scratch, slot: number) => unknown,
  slot: number,
  rows: number,
): Collector {
  const values = new Array<unknown>(rows);
  return {
    take: (scratch, row) => {
      values[row] = read(scratch, slot);
    },
    finish: () => values,
  };
}

/** Mantissas and scales as the rows run (10 bytes a row); one common scale at the end. */
function scaledCollector(slot: number, rows: number): Collector {
  const mantissas = new Float64Array(rows);
  const scales = new Int16Array(rows);
  // Rows whose value is held only as a Decimal (too many digits for int53): few, by row.
  const held = new Map<number, Decimal>();
  let scale = 0;
  return {
    take: (scratch, row) => {
      let mantissa = scratch.mantissas[slot]!;
      if (Number.isNaN(mantissa)) {
        const value = scratch.decimals[slot]!;
        held.set(row, value);
        const places = toScaled(value).scale;
        if (places > scale) scale = places;
        return;
      }
      // The fewest places of this value: drop trailing zeros.
      let places = scratch.scales[slot]!;
      while (places > 0 && mantissa % 10 === 0) {
        mantissa /= 10;
        places--;
      }
      mantissas[row] = mantissa;
      scales[row] = places;
      if (places > scale) scale = places;
    },
    finish: (): ScaledColumn => {
      let fits = held.size === 0;
      for (let row = 0; fits && row < rows; row++) {
        const power = SAFE_POWERS_OF_TEN[scale - scales[row]!];
        const value = power === undefined ? Number.NaN : mantissas[row]! * power;
        fits = value <= MAX_SAFE_MANTISSA && value >= -MAX_SAFE_MANTISSA;
      }
      if (fits) {
        for (let row = 0; row < rows; row++) {
          const shift = scale - scales[row]!;
          if (shift > 0) mantissas[row] = mantissas[row]! * SAFE_POWERS_OF_TEN[shift]!;
        }
        return { scale, mantissas };
      }
      // Some value does not fit an int53 at the common scale: bigints, exact.
      const big = new Array<bigint>(rows);
      for (let row = 0; row < rows; row++) {
        const value = held.get(row);
        if (value === undefined) big[row] = BigInt(mantissas[row]!) * pow10(scale - scales[row]!);
        else {
          const scaled = toScaled(value);
          big[row] = scaled.mantissa * pow10(scale - scaled.scale);
        }
      }
      return { scale, mantissas: big };
    },
  };
}

/**
 * Evaluates columns of inputs on the fast path and returns the `selection`'s output columns in
 * `form`. Every row is checked like a row of `evaluate`; an error names its row.
 */
export function evaluateColumnsOf(
  model: FastModel,
  selection: Selection,
  columns: unknown,
  form: ColumnForm,
): Record<string, unknown> {
  const { internals } = model;
  const { names, rules } = internals;
  const path: ErrorPath = ["columns"];
  if (!isRecord(columns)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `Columns must be an object of input columns by name, got ${describeValue(columns)}.`,
      { path },
    );
  }
  const inputSlots = selection.inputSlots;
  const inputs: InputColumn[] = [];
  let rows = -1;
  let first = "";
  for (const slot of inputSlots) {
    const name = names[slot]!;
    const column = columnOf(columns, name);
    if (column === undefined) {
      throw new TargetreeError("MISSING_INPUT", `The input column ${quote(name)} was not given.`, {
        path: [...path, name],
      });
    }
    if (!isColumn(column)) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `The column ${quote(name)} must be an array or a typed array, got ${describeValue(column)}.`,
        { path: [...path, name] },
      );
    }
    if (rows === -1) {
      rows = column.length;
      first = name;
    } else if (column.length !== rows) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `The column ${quote(name)} has ${column.length} values, but ${quote(first)} has ${rows}.`,
        { path: [...path, name], details: { length: column.length, expected: rows } },
      );
    }
    inputs.push(column);
  }
  if (rows === -1) rows = 0;
  const outputSlots = selection.outputSlots;
  const collectors = outputSlots.map((slot) =>
    form === "scaled"
      ? scaledCollector(slot, rows)
      : arrayCollector(form === "string" ? textAt : decimalAt, slot, rows),
  );
  const scratch = newScratch(names.length);
  const indexes = selection.formulaIndexes;
  let row = 0;
  let reading = true;
  try {
    for (; row < rows; row++) {
      reading = true;
      for (let i = 0; i < inputSlots.length; i++) {
        const slot = inputSlots[i]!;
        setInput(scratch, slot, inputs[i]![row], rules[slot]!, path);
      }
      reading = false;
      runFormulas(model, scratch, indexes);
      for (let i = 0; i < collectors.length; i++) collectors[i]!.take(scratch, row);
    }
  } catch (error) {
    throw atRow(error, row, reading);
  }
  const result = resultRecord<Record<string, unknown>>();
  for (let i = 0; i < outputSlots.length; i++) {
    result[names[outputSlots[i]!]!] = collectors[i]!.finish();
  }
  return result;
}
