import { describeValue, TargetreeError } from "../_lib/errors.js";
import { readChoice, readOptions } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import type { FormulaSource } from "../formula/internal.js";
import { internalsOf } from "../model/internal.js";
import type { Model } from "../model/types.js";
import {
  type CompiledNumber,
  compileExpression,
  digitsOf,
  integerDigits,
} from "./_lib/expression.js";
import { readColumns } from "./_lib/modelColumns.js";
import {
  DUCKDB_DIGITS,
  decimalType,
  MODEL_DIALECTS,
  type ModelDialectName,
  quoteIdentifier,
} from "./_lib/modelDialect.js";

/** Options of {@link modelToSQL}. */
export interface ModelToSQLOptions<Node extends string = string, Input extends string = string> {
  /** The engine the SQL is written for: `"duckdb"` or `"postgres"`. */
  readonly dialect: "duckdb" | "postgres";
  /** The nodes to compute (formula nodes or inputs), in the order `select` lists them; default every formula node. */
  readonly outputs?: readonly (Node | Input)[];
  /**
   * Per input: the column holding it (`name`, default the input's own name) and what the column
   * holds (`type`: `"DECIMAL(p,s)"`, `"NUMERIC(p,s)"`, `"SMALLINT"`, `"INTEGER"`, `"BIGINT"`,
   * `"HUGEINT"`). DuckDB needs every input it reads bounded: by its `type`, or by the model's own
   * bounds (a `wholeNumber` input with `min` and `max`). PostgreSQL computes without them, and
   * with them skips the rounding steps the bounds prove unneeded.
   */
  readonly columns?: {
    readonly [Name in Input]?: {
      /** The column holding the input (default: the input's own name). */
      readonly name?: string;
      /** The column's SQL type, such as `"DECIMAL(18,2)"`, stating its precision. */
      readonly type?: string;
    };
  };
}

/** What {@link modelToSQL} returns. */
export interface ModelToSQLResult {
  /** The dialect the SQL is written in. */
  readonly dialect: "duckdb" | "postgres";
  /**
   * One SQL expression per node, over the input columns: every requested output and every
   * formula node it reads, in dependency order (a null-prototype record). Each is complete on
   * its own (the nodes it reads are written inside it), so any one can be selected alone.
   */
  readonly expressions: Readonly<Record<string, string>>;
  /** The requested outputs as `expression AS "node", …`: write `SELECT ${select} FROM table`. */
  readonly select: string;
  /** The column each input is read from (a null-prototype record, inputs the outputs read only). */
  readonly columns: Readonly<Record<string, string>>;
}

const KNOWN_OPTIONS = ["dialect", "outputs", "columns"] as const;

/** Longest SQL expression written for one node; a model whose inlined SQL grows past it is refused. */
const MAX_EXPRESSION_LENGTH = 1_000_000;

/**
 * Compiles a model to SQL that computes its nodes where the data is, in DuckDB or PostgreSQL,
 * with the library's exact results: `+ − ×` exactly, comparisons, `and`/`or`/`not`, `if` as
 * `CASE`, `min`/`max` as `LEAST`/`GREATEST`, `abs`, `round` (half away from zero, as the library's
 * half-up), `floor`, `ceil`, whole-number powers, and division rounded to 64 significant digits
 * (PostgreSQL NUMERIC). A sum or product that may need more than 64 digits is rounded to 64 as the
 * library rounds it. DuckDB's exact DECIMAL holds 38 digits, so it needs each input's bounds and
 * refuses what may not fit, and any division but by a literal such as 4 or 100. Identifiers are
 * double-quoted (quotes doubled), literals are written from the Decimal's digits.
 *
 * A column `type` is a statement about the data: DuckDB casts the column to it (a value with more
 * decimals is rounded by the cast, a larger one is an error), so state what the column holds.
 *
 * The results are NUMERIC (PostgreSQL) or DECIMAL (DuckDB) values equal to the library's
 * `evaluate`; as text they may carry trailing zeros after the point (`1.50` for the library's
 * `1.5`). A zero divisor raises the engine's error; the SQL does not check the model's input
 * bounds, and a NULL input gives NULL (`LEAST`/`GREATEST` skip NULLs).
 *
 * @param model - A model made by `defineModel`.
 * @param options - `dialect`, `outputs`, `columns`; see {@link ModelToSQLOptions}.
 * @returns The expressions, a `select` list and the columns read; see {@link ModelToSQLResult}.
 * @throws {TargetreeError} `SQL_UNSUPPORTED` for a construct with no exact SQL (a fractional
 *   power, `sqrt`, a division in DuckDB), `SQL_PRECISION` when DuckDB cannot hold a node's values
 *   exactly or an input's precision is not stated (both name the node and the construct),
 *   `UNKNOWN_NODE` for an output or column key the model does not have, `INVALID_ARGUMENT` for a
 *   bad option or an identifier PostgreSQL would cut (over 63 bytes), `UNKNOWN_OPTION`.
 *
 * @example
 * const model = defineModel(
 *   { revenue: "customers * aov" },
 *   { inputs: { customers: { wholeNumber: true, min: 0, max: 100000 } } },
 * );
 * const sql = modelToSQL(model, {
 *   dialect: "duckdb",
 *   columns: { aov: { name: "客单价", type: "DECIMAL(12,2)" } },
 * });
 * sql.columns.aov //=> "客单价"
 * sql.select //=> 'CAST((CAST("customers" AS DECIMAL(6,0)) * CAST("客单价" AS DECIMAL(12,2))) AS DECIMAL(17,2)) AS "revenue"'
 * // `SELECT ${sql.select} FROM orders` in DuckDB. PostgreSQL needs no column types: without
 * // them, each product is rounded to 64 digits where it has more, as the library rounds it.
 * modelToSQL(model, { dialect: "postgres", columns: { aov: { type: "DECIMAL(12,2)" } } }).expressions.revenue
 * //=> '(CAST("customers" AS NUMERIC) * CAST("aov" AS NUMERIC))'
 */
export function modelToSQL<Node extends string, Input extends string>(
  model: Model<Node, Input>,
  options: ModelToSQLOptions<Node, Input>,
): ModelToSQLResult {
  internalsOf(model);
  const read = readOptions(options, KNOWN_OPTIONS);
  if (own(read, "dialect") === undefined) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `dialect is required: ${MODEL_DIALECTS.map((name) => JSON.stringify(name)).join(" or ")}.`,
      { path: ["options", "dialect"] },
    );
  }
  const dialect: ModelDialectName = readChoice(read, "dialect", MODEL_DIALECTS, "duckdb", [
    "options",
  ]);
  const outputs = readOutputs(own(read, "outputs"), model);
  const columns = readColumns(own(read, "columns"), model.inputs, model.nodes);

  const compiled = new Map<string, CompiledNumber>();
  const columnsRead: Record<string, string> = Object.create(null);

  const compileNode = (name: string): CompiledNumber => {
    const done = compiled.get(name);
    if (done !== undefined) return done;
    const node = model.nodes[name]!;
    let result: CompiledNumber;
    if (node.kind === "input") {
      const { column, shape } = columns.get(name)!;
      const quoted = quoteIdentifier(column, dialect, ["options", "columns", name, "name"]);
      columnsRead[name] = column;
      if (dialect === "postgres") {
        result = { type: "number", sql: `CAST(${quoted} AS NUMERIC)`, shape };
      } else if (shape === null) {
        throw new TargetreeError(
          "SQL_PRECISION",
          `DuckDB computes exactly only with bounded inputs, and nothing states what input ${JSON.stringify(name)} holds: give its column type (options.columns: { ${JSON.stringify(name)}: { type: "DECIMAL(18,2)" } }), or declare it in the model as a wholeNumber input with min and max.`,
          { path: ["options", "columns", name], details: { node: name, dialect } },
        );
      } else if (digitsOf(shape) > DUCKDB_DIGITS) {
        throw new TargetreeError(
          "SQL_PRECISION",
          `Input ${JSON.stringify(name)} may have ${digitsOf(shape)} digits, more than the ${DUCKDB_DIGITS} DuckDB's DECIMAL holds exactly; state a narrower column type or input bounds.`,
          { path: ["options", "columns", name], details: { node: name, dialect } },
        );
      } else {
        const type = decimalType(integerDigits(shape.max), shape.scale);
        result = { type: "number", sql: `CAST(${quoted} AS ${type})`, shape };
      }
    } else {
      const source: FormulaSource = {
        name,
        text: node.formula ?? undefined,
        path: ["model", "nodes", name],
      };
      result = compileExpression(node.ast!, { dialect, source, lookup: compileNode });
      if (result.sql.length > MAX_EXPRESSION_LENGTH) {
        throw new TargetreeError(
          "SQL_UNSUPPORTED",
          `The SQL of node ${JSON.stringify(name)} would be longer than ${MAX_EXPRESSION_LENGTH} characters, because the nodes it reads are written inside it; compute intermediate nodes in a first query and read them as inputs.`,
          { path: ["model", "nodes", name], details: { node: name, dialect } },
        );
      }
    }
    compiled.set(name, result);
    return result;
  };

  for (const name of outputs) compileNode(name);

  const expressions: Record<string, string> = Object.create(null);
  for (const name of model.order) {
    const result = compiled.get(name);
    if (result === undefined || model.nodes[name]!.kind === "input") continue;
    expressions[name] = finalSql(result, dialect);
  }
  const select = outputs
    .map((name, index) => {
      const result = compiled.get(name)!;
      const sql = model.nodes[name]!.kind === "input" ? result.sql : expressions[name]!;
      return `${sql} AS ${quoteIdentifier(name, dialect, ["options", "outputs", index])}`;
    })
    .join(", ");
  return Object.freeze({
    dialect,
    expressions: Object.freeze(expressions),
    select,
    columns: Object.freeze(columnsRead),
  });
}

/** A node's expression as returned: in DuckDB cast to the DECIMAL its bounds give. */
function finalSql(result: CompiledNumber, dialect: ModelDialectName): string {
  if (dialect === "postgres" || result.shape === null) return result.sql;
  return `CAST(${result.sql} AS ${decimalType(integerDigits(result.shape.max), result.shape.scale)})`;
}

function readOutputs(value: unknown, model: Model): string[] {
  if (value === undefined) return [...model.outputs];
  const path = ["options", "outputs"];
  if (!Array.isArray(value) || value.length === 0) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `outputs must be a non-empty array of node names, got ${describeValue(value)}.`,
      { path },
    );
  }
  const seen = new Set<string>();
  return value.map((name: unknown, index) => {
    if (typeof name !== "string" || !Object.hasOwn(model.nodes, name)) {
      throw new TargetreeError(
        "UNKNOWN_NODE",
        `outputs[${index}] is ${describeValue(name)}, which is not a node of the model.`,
        { path: [...path, index] },
      );
    }
    if (seen.has(name)) {
      throw new TargetreeError("INVALID_ARGUMENT", `outputs lists ${JSON.stringify(name)} twice.`, {
        path: [...path, index],
      });
    }
    seen.add(name);
    return name;
  });
}
