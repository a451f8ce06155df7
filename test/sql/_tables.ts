// Small tables for the SQL split tests, written as VALUES lists both engines read the same way.
import type { Engine } from "../_support/engines.js";

/** A column: its name (quoted as given) and its SQL type. */
export type ColumnSpec = readonly [name: string, type: string];

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function literal(value: string | number | null, type: string): string {
  if (value === null) return `CAST(NULL AS ${type})`;
  if (typeof value === "number") return `CAST(${String(value)} AS ${type})`;
  return `CAST('${value.replaceAll("'", "''")}' AS ${type})`;
}

/** Creates (or replaces) a table `name` with these columns and rows. */
export async function makeTable(
  engine: Engine,
  name: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly (string | number | null)[])[],
): Promise<void> {
  const values = rows
    .map((row) => `(${row.map((value, i) => literal(value, columns[i]![1])).join(", ")})`)
    .join(",\n");
  const names = columns.map(([column]) => quote(column)).join(", ");
  await engine.run(
    engine.createTable(quote(name), `SELECT * FROM (VALUES ${values}) AS t(${names})`),
  );
}

/** The SQL type of an exact decimal with `scale` digits in each engine. */
export const decimalType = (engine: Engine, scale: number): string =>
  engine.name === "duckdb" ? `DECIMAL(38, ${scale})` : "NUMERIC";

/** A query's rows ordered by `order`, every column cast to text. */
export function ordered(sql: string, columns: readonly string[], order: readonly string[]): string {
  return `SELECT ${columns.map((c) => `CAST(${quote(c)} AS VARCHAR)`).join(", ")} FROM (${sql}) AS q ORDER BY ${order.map(quote).join(", ")}`;
}
