// modelToSQL's `columns` option: which column holds each input, and what it holds (its SQL type),
// combined with the model's own input bounds into what is known of the input's values.
import { Decimal } from "../../_lib/decimal.js";
import { describeValue, type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { readOptions } from "../../_lib/options.js";
import { isRecord, own } from "../../_lib/records.js";
import type { ModelNode } from "../../model/types.js";
import type { Shape } from "./expression.js";

/** What modelToSQL knows of one input column. */
export interface InputColumn {
  /** The column's name in the table. */
  readonly column: string;
  /** Bound and scale of its values; null when neither the type nor the model states them. */
  readonly shape: Shape | null;
}

const TYPE_PATTERN = /^\s*(?:DECIMAL|NUMERIC)\s*\(\s*(\d{1,4})\s*(?:,\s*(\d{1,4})\s*)?\)\s*$/i;

/** Whole-number SQL types and their digit counts. */
const INTEGER_DIGITS: Readonly<Record<string, number>> = {
  SMALLINT: 5,
  INTEGER: 10,
  INT: 10,
  BIGINT: 19,
  HUGEINT: 39,
};

/** The shape a column type states: DECIMAL(p,s), NUMERIC(p,s), or a whole-number type. */
function shapeOfType(type: unknown, path: ErrorPath): Shape {
  if (typeof type === "string") {
    const match = TYPE_PATTERN.exec(type);
    if (match !== null) {
      const precision = Number(match[1]);
      const scale = match[2] === undefined ? 0 : Number(match[2]);
      if (precision >= 1 && scale <= precision) {
        return {
          max: new Decimal(10).pow(precision - scale).minus(new Decimal(10).pow(-scale)),
          scale,
        };
      }
    }
    const digits = own(INTEGER_DIGITS, type.trim().toUpperCase());
    if (typeof digits === "number") {
      return { max: new Decimal(10).pow(digits).minus(1), scale: 0 };
    }
  }
  throw new TargetreeError(
    "INVALID_ARGUMENT",
    `A column type must be "DECIMAL(p,s)", "NUMERIC(p,s)" (1 ≤ p, 0 ≤ s ≤ p) or one of ${Object.keys(INTEGER_DIGITS).join(", ")}, got ${describeValue(type)}.`,
    { path },
  );
}

/** The shape the model's own bounds state: whole-number inputs with both bounds. */
function shapeOfBounds(node: ModelNode): { max: Decimal | null; scale: number | null } {
  return {
    max:
      node.min !== null && node.max !== null ? Decimal.max(node.min.abs(), node.max.abs()) : null,
    scale: node.wholeNumber ? 0 : null,
  };
}

/**
 * Reads `options.columns` for the model's inputs: each input's column name (its own name by
 * default) and shape (the tighter of the type's and the model's bounds).
 */
export function readColumns(
  value: unknown,
  inputs: readonly string[],
  nodes: Readonly<Record<string, ModelNode>>,
): ReadonlyMap<string, InputColumn> {
  const path: ErrorPath = ["options", "columns"];
  if (value !== undefined && !isRecord(value)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `columns must be a record keyed by input name, got ${describeValue(value)}.`,
      { path },
    );
  }
  const record = (value ?? {}) as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(record)) {
    if (!inputs.includes(key)) {
      throw new TargetreeError(
        "UNKNOWN_NODE",
        `columns names ${JSON.stringify(key)}, which is not an input of the model; its inputs are ${inputs.map((name) => JSON.stringify(name)).join(", ")}.`,
        { path: [...path, key] },
      );
    }
  }
  const columns = new Map<string, InputColumn>();
  for (const input of inputs) {
    const specPath = [...path, input];
    const spec = readOptions(own(record, input), ["name", "type"], specPath);
    const name = own(spec, "name");
    if (name !== undefined && typeof name !== "string") {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `A column name must be a string, got ${describeValue(name)}.`,
        { path: [...specPath, "name"] },
      );
    }
    const type = own(spec, "type");
    const stated = type === undefined ? null : shapeOfType(type, [...specPath, "type"]);
    const bounds = shapeOfBounds(nodes[input]!);
    const scale = stated?.scale ?? bounds.scale;
    const max =
      stated === null
        ? bounds.max
        : bounds.max === null
          ? stated.max
          : Decimal.min(stated.max, bounds.max);
    columns.set(input, {
      column: name ?? input,
      shape: scale === null || max === null ? null : { max, scale },
    });
  }
  return columns;
}
