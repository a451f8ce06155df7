// The SQL area: splits (and, from its own files, driver-tree models) compiled to SQL for DuckDB
// and PostgreSQL, giving the library's own results where the data lives.
export type { SqlDialect } from "./_lib/dialect.js";
export type { ColumnNames, TableName } from "./_lib/read.js";
export type { AllocateSQLOptions } from "./allocateSQL.js";
export { allocateSQL } from "./allocateSQL.js";
export { calendarTableSQL } from "./calendarTableSQL.js";
export type { CascadeSQLLevel, CascadeSQLOptions } from "./cascadeSQL.js";
export { cascadeSQL } from "./cascadeSQL.js";
export type { ModelToSQLOptions, ModelToSQLResult } from "./modelToSQL.js";
export { modelToSQL } from "./modelToSQL.js";
export type { SplitByPeriodSQLOptions } from "./splitByPeriodSQL.js";
export { splitByPeriodSQL } from "./splitByPeriodSQL.js";
