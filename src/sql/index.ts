export type { ModelToSQLOptions, ModelToSQLResult } from "./modelToSQL.js";
export { modelToSQL } from "./modelToSQL.js";
