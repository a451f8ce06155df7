// A model that uses every construct modelToSQL pushes down, and 1M deterministic rows generated
// inside each engine (generate_series / range with arithmetic hashes of the row number) that the
// tests rebuild in Node for the library, row for row.
import { defineModel } from "targetree";

/** How one input column is generated: ((i × multiplier + offset) mod modulus − shift) × 10^-scale. */
export interface GeneratedColumn {
  readonly input: string;
  /** The column's name in the table: quotes, spaces and Chinese test the quoting. */
  readonly column: string;
  /** The column's SQL type in the table (both engines). */
  readonly tableType: string;
  /** The type modelToSQL is told (undefined: the model's own bounds state it). */
  readonly type: string | undefined;
  readonly multiplier: number;
  readonly offset: number;
  readonly modulus: number;
  readonly shift: number;
  readonly scale: number;
}

export const COLUMNS: readonly GeneratedColumn[] = [
  {
    input: "新客户数",
    column: "新客户数",
    tableType: "INTEGER",
    type: undefined,
    multiplier: 7919,
    offset: 13,
    modulus: 5001,
    shift: 0,
    scale: 0,
  },
  {
    input: "转化率",
    column: `it's "rate"`,
    tableType: "DECIMAL(5,4)",
    type: "DECIMAL(5,4)",
    multiplier: 104729,
    offset: 7,
    modulus: 10001,
    shift: 0,
    scale: 4,
  },
  {
    input: "price",
    column: "unit price",
    tableType: "DECIMAL(10,2)",
    type: "DECIMAL(10,2)",
    multiplier: 1000003,
    offset: 11,
    modulus: 100000000,
    shift: 0,
    scale: 2,
  },
  {
    input: "discount",
    column: "discount",
    tableType: "DECIMAL(8,2)",
    type: "DECIMAL(8,2)",
    multiplier: 65537,
    offset: 5,
    modulus: 2000001,
    shift: 1000000,
    scale: 2,
  },
  {
    input: "__proto__",
    column: "__proto__",
    tableType: "INTEGER",
    type: undefined,
    multiplier: 31337,
    offset: 0,
    modulus: 2001,
    shift: 1000,
    scale: 0,
  },
];

/** Nodes both engines compute. */
export const SHARED_NODES = ["gross", "net", "capped", "shaped", "powered", "share"] as const;
/** Nodes with divisions by columns: PostgreSQL only. */
export const POSTGRES_NODES = ["perUnit", "mixed", "ratio"] as const;

const FORMULAS = {
  gross: "新客户数 * 转化率 * price",
  net: "gross - discount + __proto__ / 4",
  capped: "min(net, 5000) + max(discount, 0, -__proto__)",
  shaped:
    "if(net > 1000 and not (discount == 0), round(net, 1), floor(net, -1)) + ceil(gross, 1) - abs(discount)",
  powered: "discount ^ 2 + price * 1.5% - (转化率 - 0.5) ^ 3",
  share: "round(net * 2.5, 2) / 8 + ceil(-gross, -2) + floor(转化率, 2)",
  perUnit: "gross / (price + 1)",
  mixed: "perUnit * perUnit * 新客户数 - net / 3",
  ratio: "if(新客户数 == 0, 0, discount / 新客户数) + round(price / 7, 3)",
} as const;

/** The model; `only` keeps the named nodes and what they read (for a faster library side). */
export function warehouseModel(only?: readonly string[]) {
  const formulas: Record<string, string> = {};
  for (const [name, formula] of Object.entries(FORMULAS)) {
    if (only === undefined || only.includes(name) || needed(name, only)) formulas[name] = formula;
  }
  return defineModel(formulas, {
    inputs: {
      新客户数: { wholeNumber: true, min: 0, max: 5000 },
      // A computed key: a literal `__proto__:` would set the prototype, not name an input.
      ["__proto__"]: { wholeNumber: true, min: -1000, max: 1000 },
    },
  });
}

/** True when a node in `only` reads `name`, directly or through other nodes. */
function needed(name: string, only: readonly string[]): boolean {
  return only.some((node) => {
    const formula: string = FORMULAS[node as keyof typeof FORMULAS];
    const reads: string[] = formula.match(/[\p{L}_][\p{L}\p{N}_]*/gu) ?? [];
    return (
      reads.includes(name) ||
      reads.some((read) => read !== node && Object.hasOwn(FORMULAS, read) && needed(name, [read]))
    );
  });
}

/** The `columns` option for the model: every column's name, and its type where `typed`. */
export function columnsOption(typed: boolean): Record<string, { name: string; type?: string }> {
  const columns: Record<string, { name: string; type?: string }> = Object.create(null);
  for (const spec of COLUMNS) {
    columns[spec.input] =
      typed && spec.type !== undefined
        ? { name: spec.column, type: spec.type }
        : { name: spec.column };
  }
  return columns;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The SQL that builds table `name` with rows 1..count (both engines). */
export function createTableSQL(
  dialect: "duckdb" | "postgres",
  name: string,
  count: number,
): string {
  const series =
    dialect === "postgres"
      ? `generate_series(1, ${count}) AS g(i)`
      : `range(1, ${count + 1}) AS g(i)`;
  const columns = COLUMNS.map((spec) => {
    const whole = `((CAST(g.i AS BIGINT) * ${spec.multiplier} + ${spec.offset}) % ${spec.modulus} - ${spec.shift})`;
    const value =
      spec.scale === 0
        ? whole
        : `${whole} * CAST('1e-${spec.scale}' AS DECIMAL(${spec.scale + 1},${spec.scale}))`;
    return `CAST(${value} AS ${spec.tableType}) AS ${quote(spec.column)}`;
  });
  return `CREATE TABLE ${name} AS SELECT CAST(g.i AS BIGINT) AS i, ${columns.join(", ")} FROM ${series}`;
}

/** `whole × 10^-scale` as decimal text: (1234, 2) → "12.34", (-5, 2) → "-0.05". */
export function scaledText(whole: number, scale: number): string {
  if (scale === 0) return String(whole);
  const digits = String(Math.abs(whole)).padStart(scale + 1, "0");
  const sign = whole < 0 ? "-" : "";
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/**
 * Row `i` as the library's inputs (a null-prototype record, so `__proto__` is an own key), as JS
 * numbers: whole / 10^scale is the double nearest that decimal, whose shortest text (what the
 * library reads) is the decimal itself, since it has at most 15 significant digits.
 */
export function rowInputs(i: number): Record<string, number> {
  const row: Record<string, number> = Object.create(null);
  for (const spec of COLUMNS) {
    const whole = ((i * spec.multiplier + spec.offset) % spec.modulus) - spec.shift;
    row[spec.input] = spec.scale === 0 ? whole : whole / 10 ** spec.scale;
  }
  return row;
}
