// Formula AST → one SQL expression, with what is known statically of its values (a bound on |v|
// and a scale), so that the SQL provably computes the library's Decimal result:
// - sums, differences and products are exact in both engines; the library rounds them to 64
//   significant digits only when they have more, so a result that may have more is rounded the same
//   way in PostgreSQL (modelDialect.postgresRound64) and refused in DuckDB, which holds 38 digits;
// - a division by a literal whose reciprocal terminates (x / 4, x / 100) is the exact product by
//   that reciprocal; any other division is the library's 64-digit rounded quotient in PostgreSQL
//   (modelDialect.postgresDivide) and refused in DuckDB, whose exact types cannot hold 64 digits;
// - functions follow their `pushdown` entry in the formula function table.
import { Decimal, ONE, PRECISION } from "../../_lib/decimal.js";
import type { TargetreeErrorCode } from "../../_lib/errors.js";
import type { FormulaNode } from "../../formula/ast.js";
import { type FormulaSource, formulaError, functionEntry } from "../../formula/internal.js";
import {
  DUCKDB_DIGITS,
  decimalType,
  type ModelDialectName,
  numberLiteral,
  postgresDivide,
  postgresRound64,
} from "./modelDialect.js";

/** What is known of a number expression's values: |v| ≤ max and v × 10^scale is whole. */
export interface Shape {
  readonly max: Decimal;
  readonly scale: number;
}

/** A compiled expression: SQL text, and for a number its shape (null: not known, PostgreSQL only). */
export type Compiled =
  | { readonly type: "number"; readonly sql: string; readonly shape: Shape | null }
  | { readonly type: "boolean"; readonly sql: string };

/** A compiled number expression. */
export type CompiledNumber = Extract<Compiled, { type: "number" }>;

/** Largest |exponent| of a power written out as a product. */
const MAX_EXPANDED_POWER = 32;

/** Digits before the point of a bound: 0 below 1. */
export function integerDigits(max: Decimal): number {
  return max.lt(1) ? 0 : max.floor().toFixed().length;
}

/** Every digit a value of this shape may need. */
export function digitsOf(shape: Shape): number {
  return integerDigits(shape.max) + shape.scale;
}

/** The shape of one exact decimal. */
export function shapeOfValue(value: Decimal): Shape {
  return { max: value.abs(), scale: value.decimalPlaces() };
}

/** How a formula reaches the values of the names it reads. */
export interface ExpressionContext {
  readonly dialect: ModelDialectName;
  /** The formula being compiled, for located errors. */
  readonly source: FormulaSource;
  /** The compiled expression of an input or an earlier node. */
  lookup(name: string): CompiledNumber;
}

/** Compiles one numeric formula tree. */
export function compileExpression(root: FormulaNode, context: ExpressionContext): CompiledNumber {
  const { dialect, source } = context;
  const limit = dialect === "duckdb" ? DUCKDB_DIGITS : PRECISION;

  const fail = (code: TargetreeErrorCode, at: FormulaNode, message: string): never => {
    throw formulaError(code, message, source, at.span, { dialect });
  };

  const literal = (value: Decimal, at: FormulaNode): CompiledNumber => {
    const shape = shapeOfValue(value);
    if (dialect === "duckdb" && digitsOf(shape) > DUCKDB_DIGITS) {
      fail(
        "SQL_PRECISION",
        at,
        `the number ${value.toFixed()} has ${digitsOf(shape)} digits, more than the ${DUCKDB_DIGITS} DuckDB's DECIMAL holds.`,
      );
    }
    return {
      type: "number",
      sql: numberLiteral(value, dialect, integerDigits(shape.max), shape.scale),
      shape,
    };
  };

  /**
   * The result of an exact operation whose exact shape is `shape` (null: unknown). Fits: kept as
   * it is. Otherwise PostgreSQL rounds to 64 digits as the library does; DuckDB refuses.
   */
  const exact = (
    sql: string,
    shape: Shape | null,
    at: FormulaNode,
    what: string,
  ): CompiledNumber => {
    if (shape !== null && digitsOf(shape) <= limit) return { type: "number", sql, shape };
    if (dialect === "postgres") return { type: "number", sql: postgresRound64(sql), shape: null };
    return fail(
      "SQL_PRECISION",
      at,
      `${what} may need ${shape === null ? "an unknown number of" : digitsOf(shape)} digits, more than the ${DUCKDB_DIGITS} DuckDB's DECIMAL holds exactly; state narrower input columns (options.columns: { name: { type: "DECIMAL(p,s)" } }) or input bounds.`,
    );
  };

  const numberOf = (node: FormulaNode): CompiledNumber => {
    const compiled = visit(node);
    if (compiled.type !== "number") {
      return fail("TYPE_MISMATCH", node, "a number is needed here, but this is a condition.");
    }
    return compiled;
  };

  const booleanOf = (node: FormulaNode): string => {
    const compiled = visit(node);
    if (compiled.type !== "boolean") {
      return fail("TYPE_MISMATCH", node, "a condition is needed here, but this is a number.");
    }
    return compiled.sql;
  };

  /** Numbers brought to one type (DuckDB: cast to the type holding all of them), with that shape. */
  const unify = (
    values: readonly CompiledNumber[],
    at: FormulaNode,
  ): { sql: readonly string[]; shape: Shape | null } => {
    if (values.some((value) => value.shape === null)) {
      return { sql: values.map((value) => value.sql), shape: null };
    }
    const shapes = values.map((value) => value.shape!);
    const shape: Shape = {
      max: Decimal.max(...shapes.map((each) => each.max)),
      scale: Math.max(...shapes.map((each) => each.scale)),
    };
    if (dialect === "postgres") return { sql: values.map((value) => value.sql), shape };
    if (digitsOf(shape) > DUCKDB_DIGITS) {
      // One type for all of them would need more digits than DuckDB's DECIMAL holds.
      fail(
        "SQL_PRECISION",
        at,
        `these values together need ${digitsOf(shape)} digits (the widest integer part and the longest fraction), more than the ${DUCKDB_DIGITS} DuckDB's DECIMAL holds exactly.`,
      );
    }
    const type = decimalType(integerDigits(shape.max), shape.scale);
    return { sql: values.map((value) => `CAST(${value.sql} AS ${type})`), shape };
  };

  const add = (
    left: CompiledNumber,
    right: CompiledNumber,
    op: "+" | "-",
    at: FormulaNode,
  ): CompiledNumber => {
    const shape =
      left.shape === null || right.shape === null
        ? null
        : {
            max: left.shape.max.plus(right.shape.max),
            scale: Math.max(left.shape.scale, right.shape.scale),
          };
    const what = op === "+" ? "a sum" : "a difference";
    if (dialect === "duckdb" && shape !== null && digitsOf(shape) <= DUCKDB_DIGITS) {
      // DuckDB may type a sum narrower than its values need (DECIMAL(17,5) + DECIMAL(18,12) is
      // DECIMAL(18,12)); both operands in the type of the result make it hold them.
      const type = decimalType(integerDigits(shape.max), shape.scale);
      return exact(
        `(CAST(${left.sql} AS ${type}) ${op} CAST(${right.sql} AS ${type}))`,
        shape,
        at,
        what,
      );
    }
    return exact(`(${left.sql} ${op} ${right.sql})`, shape, at, what);
  };

  const multiply = (
    left: CompiledNumber,
    right: CompiledNumber,
    at: FormulaNode,
  ): CompiledNumber => {
    const shape =
      left.shape === null || right.shape === null
        ? null
        : {
            max: left.shape.max.times(right.shape.max),
            scale: left.shape.scale + right.shape.scale,
          };
    if (
      dialect === "duckdb" &&
      shape !== null &&
      digitsOf(shape) > 18 &&
      digitsOf(shape) <= DUCKDB_DIGITS
    ) {
      // DuckDB multiplies two DECIMALs of up to 18 digits in 64 bits and fails on overflow, even
      // when the product's type is wider; operands of 38 digits make it multiply in 128 bits.
      const wide = (operand: CompiledNumber) =>
        `CAST(${operand.sql} AS DECIMAL(${DUCKDB_DIGITS},${operand.shape!.scale}))`;
      return exact(`(${wide(left)} * ${wide(right)})`, shape, at, "a product");
    }
    return exact(`(${left.sql} * ${right.sql})`, shape, at, "a product");
  };

  /** A literal divisor's reciprocal when it terminates (4 → 0.25), else null. */
  const reciprocalOf = (node: FormulaNode): Decimal | null => {
    const value = literalValue(node);
    if (value === null || value.isZero()) return null;
    // 1/value terminates when value's digits, as a whole number, have no prime factor but 2 and 5.
    let digits = BigInt(value.abs().times(new Decimal(10).pow(value.decimalPlaces())).toFixed());
    while (digits % 2n === 0n) digits /= 2n;
    while (digits % 5n === 0n) digits /= 5n;
    if (digits !== 1n) return null;
    const reciprocal = ONE.div(value);
    // Both fit in 64 digits together, so the product below is exact and proves the reciprocal.
    const exactProduct = reciprocal.precision() + value.precision() <= PRECISION;
    return exactProduct && reciprocal.times(value).eq(ONE) ? reciprocal : null;
  };

  const divide = (left: CompiledNumber, divisor: FormulaNode, at: FormulaNode): CompiledNumber => {
    const value = literalValue(divisor);
    if (value?.isZero()) fail("DIVISION_BY_ZERO", divisor, "division by zero.");
    const reciprocal = reciprocalOf(divisor);
    if (reciprocal !== null) return multiply(left, literal(reciprocal, divisor), at);
    const right = numberOf(divisor);
    if (dialect === "postgres") {
      return { type: "number", sql: postgresDivide(left.sql, right.sql), shape: null };
    }
    return fail(
      "SQL_UNSUPPORTED",
      at,
      `the library rounds a quotient to ${PRECISION} significant digits, and DuckDB's exact DECIMAL holds ${DUCKDB_DIGITS}, so this division cannot be computed exactly in DuckDB (a divisor that is a literal like 4 or 100 can); use dialect "postgres", or divide after reading the results.`,
    );
  };

  /** The integer a digits or exponent argument is written as (`2`, `-1`), or null. */
  const wholeLiteral = (node: FormulaNode): number | null => {
    const value = literalValue(node);
    if (value === null) return null;
    return value.isInteger() && value.abs().lte(1000) ? value.toNumber() : null;
  };

  const power = (node: Extract<FormulaNode, { kind: "power" }>): CompiledNumber => {
    const exponent = wholeLiteral(node.exponent);
    if (exponent === null || Math.abs(exponent) > MAX_EXPANDED_POWER) {
      return fail(
        "SQL_UNSUPPORTED",
        node,
        `a power is computed in SQL only with a whole-number literal exponent from -${MAX_EXPANDED_POWER} to ${MAX_EXPANDED_POWER} (a fractional power has no exact SQL counterpart).`,
      );
    }
    if (exponent === 0) return literal(ONE, node);
    const base = numberOf(node.base);
    let result = base;
    for (let step = 1; step < Math.abs(exponent); step++) {
      const shape =
        result.shape === null || base.shape === null
          ? null
          : {
              max: result.shape.max.times(base.shape.max),
              scale: result.shape.scale + base.shape.scale,
            };
      // The library rounds a power once, at the end; a product that stays exact rounds nowhere.
      if (shape === null || digitsOf(shape) > limit) {
        return fail(
          "SQL_PRECISION",
          node,
          `the power may need more than ${limit} digits, and the library rounds it once where SQL would round each product; state narrower inputs (options.columns) or input bounds.`,
        );
      }
      result = { type: "number", sql: `(${result.sql} * ${base.sql})`, shape };
    }
    if (exponent > 0) return result;
    if (dialect === "postgres") {
      return {
        type: "number",
        sql: postgresDivide(literal(ONE, node).sql, result.sql),
        shape: null,
      };
    }
    return fail(
      "SQL_UNSUPPORTED",
      node,
      `a negative power is a division, which DuckDB cannot compute to the library's ${PRECISION} significant digits; use dialect "postgres".`,
    );
  };

  /** round / floor / ceil to a literal number of digits. */
  const rounded = (
    node: Extract<FormulaNode, { kind: "call" }>,
    mode: "half-up" | "floor" | "ceil",
  ): CompiledNumber => {
    const digits = node.args.length > 1 ? wholeLiteral(node.args[1]!) : 0;
    if (digits === null) {
      return fail(
        "SQL_UNSUPPORTED",
        node.args[1]!,
        `the digits of ${node.name} must be a whole-number literal from -1000 to 1000 in SQL.`,
      );
    }
    const value = numberOf(node.args[0]!);
    if (value.shape !== null && digits >= value.shape.scale) return value;
    // Rounding is exact in the library (no 64-digit cut), so only DuckDB's 38 digits can refuse it.
    const fits = (shape: Shape | null): Shape | null => {
      if (dialect === "duckdb" && (shape === null || digitsOf(shape) > DUCKDB_DIGITS)) {
        fail(
          "SQL_PRECISION",
          node,
          `${node.name} may need more than the ${DUCKDB_DIGITS} digits DuckDB's DECIMAL holds exactly; state narrower input columns (options.columns) or input bounds.`,
        );
      }
      return shape;
    };
    const shape = fits(
      value.shape === null
        ? null
        : { max: value.shape.max.plus(new Decimal(10).pow(-digits)), scale: Math.max(digits, 0) },
    );
    // DuckDB keeps a rounded DECIMAL in its operand's width and gives 0 when the carry does not fit
    // (round(CAST(5 AS DECIMAL(1,0)), -1) is 0): in 38 digits, the carry always fits.
    const operand =
      dialect === "duckdb"
        ? `CAST(${value.sql} AS DECIMAL(${DUCKDB_DIGITS},${value.shape!.scale}))`
        : value.sql;
    if (mode === "half-up") return { type: "number", sql: `round(${operand}, ${digits})`, shape };
    const fn = mode === "floor" ? "floor" : "ceil";
    if (digits === 0) return { type: "number", sql: `${fn}(${operand})`, shape };
    // floor(x × 10^d) × 10^-d: both factors are exact powers of ten, so only the floor rounds.
    fits(
      value.shape === null
        ? null
        : {
            max: value.shape.max.times(new Decimal(10).pow(digits)),
            scale: value.shape.scale + Math.max(0, -digits),
          },
    );
    const up = literal(new Decimal(10).pow(digits), node);
    const down = literal(new Decimal(10).pow(-digits), node);
    return { type: "number", sql: `(${fn}(${operand} * ${up.sql}) * ${down.sql})`, shape };
  };

  const call = (node: Extract<FormulaNode, { kind: "call" }>): Compiled => {
    const pushdown = functionEntry(node.name)!.pushdown;
    switch (pushdown.kind) {
      case "extreme": {
        const { sql, shape } = unify(node.args.map(numberOf), node);
        return {
          type: "number",
          sql: `${pushdown.sign === 1 ? "GREATEST" : "LEAST"}(${sql.join(", ")})`,
          shape,
        };
      }
      case "abs": {
        const value = numberOf(node.args[0]!);
        return { type: "number", sql: `abs(${value.sql})`, shape: value.shape };
      }
      case "round":
        return rounded(node, pushdown.mode);
      case "case": {
        const test = booleanOf(node.args[0]!);
        const then = visit(node.args[1]!);
        const otherwise = visit(node.args[2]!);
        if (then.type === "number" && otherwise.type === "number") {
          const { sql, shape } = unify([then, otherwise], node);
          return {
            type: "number",
            sql: `(CASE WHEN ${test} THEN ${sql[0]} ELSE ${sql[1]} END)`,
            shape,
          };
        }
        if (then.type === "boolean" && otherwise.type === "boolean") {
          return {
            type: "boolean",
            sql: `(CASE WHEN ${test} THEN ${then.sql} ELSE ${otherwise.sql} END)`,
          };
        }
        return fail(
          "TYPE_MISMATCH",
          node,
          "the two branches of if must both be numbers or both conditions.",
        );
      }
      case "none":
        return fail(
          "SQL_UNSUPPORTED",
          node,
          `${node.name} cannot be computed in SQL: ${pushdown.reason}.`,
        );
    }
  };

  const visit = (node: FormulaNode): Compiled => {
    switch (node.kind) {
      case "number":
        return literal(node.value, node);
      case "boolean":
        return { type: "boolean", sql: node.value ? "TRUE" : "FALSE" };
      case "name":
        return context.lookup(node.name);
      case "unary": {
        const operand = numberOf(node.operand);
        return node.op === "+" ? operand : { ...operand, sql: `(- ${operand.sql})` };
      }
      case "not":
        return { type: "boolean", sql: `(NOT ${booleanOf(node.operand)})` };
      case "sum": {
        let total = numberOf(node.first);
        for (const link of node.rest)
          total = add(total, numberOf(link.operand), link.op, link.operand);
        return total;
      }
      case "product": {
        let total = numberOf(node.first);
        for (const link of node.rest) {
          total =
            link.op === "*"
              ? multiply(total, numberOf(link.operand), link.operand)
              : divide(total, link.operand, link.operand);
        }
        return total;
      }
      case "power":
        return power(node);
      case "compare": {
        const left = visit(node.left);
        const right = visit(node.right);
        if (left.type !== right.type) {
          return fail("TYPE_MISMATCH", node, `${node.op} compares a number with a condition.`);
        }
        if (left.type === "boolean" && node.op !== "==" && node.op !== "!=") {
          return fail("TYPE_MISMATCH", node, `${node.op} needs numbers, not conditions.`);
        }
        const op = node.op === "==" ? "=" : node.op === "!=" ? "<>" : node.op;
        if (left.type === "number" && right.type === "number") {
          // One exact type for both: DuckDB compares DECIMALs whose common type exceeds 38 digits as DOUBLE.
          const [first, second] = unify([left, right], node).sql;
          return { type: "boolean", sql: `(${first} ${op} ${second})` };
        }
        return { type: "boolean", sql: `(${left.sql} ${op} ${right.sql})` };
      }
      case "logical":
        return {
          type: "boolean",
          sql: `(${node.operands.map(booleanOf).join(node.op === "and" ? " AND " : " OR ")})`,
        };
      case "call":
        return call(node);
    }
  };

  return numberOf(root);
}

/** The value of a literal written as a number, `-number` or `+number`; null for anything else. */
function literalValue(node: FormulaNode): Decimal | null {
  if (node.kind === "number") return node.value;
  if (node.kind === "unary" && node.operand.kind === "number") {
    return node.op === "-" && !node.operand.value.isZero()
      ? node.operand.value.negated()
      : node.operand.value;
  }
  return null;
}
