// The revenue model where the data is: modelToSQL's DuckDB SQL over 1M and 10M rows generated in
// an in-process DuckDB, against the compiled in-process evaluator (compileModel(…).output) over the
// same rows, printed as ratios. Both give identical revenues (checked first, untimed: every row of
// the first 100,000 and the exact total of 1M).
//
// The in-process side never holds 10M rows: rows are made in batches of 1M (untimed) and only the
// evaluation of each batch is timed, so its 10M figure is a measurement, not an extrapolation.
// Times are wall clock (DuckDB runs on every core) with the process's CPU time beside it (user +
// system, DuckDB's threads included); on a shared machine the wall clock also measures neighbours.
import { DuckDBInstance } from "@duckdb/node-api";
import { compileModel, modelToSQL, revenueModel, toDecimal } from "../src/index.js";

const MILLION = 1_000_000;
const SIZES = [MILLION, 10 * MILLION] as const;
const BATCH = MILLION;

/** Input k of row i: an arithmetic hash of the row number, the same in SQL and in JS. */
const INPUTS = [
  { name: "newCustomers", multiplier: 7919, modulus: 5000, scale: 0, type: "INTEGER" },
  { name: "conversion", multiplier: 104729, modulus: 1001, scale: 3, type: "DECIMAL(4,3)" },
  { name: "newAov", multiplier: 1000003, modulus: 2000000, scale: 2, type: "DECIMAL(9,2)" },
  { name: "returningCustomers", multiplier: 31337, modulus: 20000, scale: 0, type: "INTEGER" },
  { name: "repurchase", multiplier: 65537, modulus: 101, scale: 2, type: "DECIMAL(3,2)" },
  { name: "returningAov", multiplier: 2750159, modulus: 1000000, scale: 2, type: "DECIMAL(9,2)" },
] as const;

type Row = Record<(typeof INPUTS)[number]["name"], number>;

function makeRows(from: number, count: number): Row[] {
  const rows: Row[] = new Array(count);
  for (let offset = 0; offset < count; offset++) {
    const i = from + offset;
    const row = {} as Row;
    for (const input of INPUTS) {
      const whole = (i * input.multiplier + 17) % input.modulus;
      row[input.name] = input.scale === 0 ? whole : whole / 10 ** input.scale;
    }
    rows[offset] = row;
  }
  return rows;
}

const tableSQL = (count: number): string => {
  const columns = INPUTS.map((input) => {
    const whole = `((i * ${input.multiplier} + 17) % ${input.modulus})`;
    const value =
      input.scale === 0
        ? whole
        : `${whole} * CAST('1e-${input.scale}' AS DECIMAL(${input.scale + 1},${input.scale}))`;
    return `CAST(${value} AS ${input.type}) AS "${input.name}"`;
  });
  return `CREATE OR REPLACE TABLE rows AS SELECT i, ${columns.join(", ")} FROM range(1, ${count + 1}) AS g(i)`;
};

const model = revenueModel();
const revenueOf = compileModel(model).output("revenue");
const columns = Object.fromEntries(INPUTS.map((input) => [input.name, { type: input.type }]));
const sql = modelToSQL(model, { dialect: "duckdb", outputs: ["revenue"], columns });

const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const threads = (
  await connection.runAndReadAll("SELECT current_setting('threads')")
).getRowsJson()[0]![0];
const query = async (text: string) => (await connection.runAndReadAll(text)).getRowsJson();

/** Wall and CPU milliseconds of one async run. */
async function measure(
  run: () => Promise<unknown> | unknown,
): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

// Identical results first (untimed): every row of the first 100,000, and the exact total of 1M.
await connection.run(tableSQL(MILLION));
const checkRows = 100_000;
const sqlRows = await query(`SELECT ${sql.select} FROM rows WHERE i <= ${checkRows} ORDER BY i`);
makeRows(1, checkRows).forEach((row, index) => {
  const expected = revenueOf(row);
  if (!toDecimal(String(sqlRows[index]![0])).eq(expected)) {
    throw new Error(
      `row ${index + 1}: DuckDB ${sqlRows[index]![0]}, library ${expected.toString()}`,
    );
  }
});
let libraryTotal = toDecimal(0);
for (const row of makeRows(1, MILLION)) libraryTotal = libraryTotal.plus(revenueOf(row));
const sqlTotal = (
  await query(`SELECT CAST(sum(revenue) AS VARCHAR) FROM (SELECT ${sql.select} FROM rows)`)
)[0]![0];
if (!toDecimal(String(sqlTotal)).eq(libraryTotal)) {
  throw new Error(`1M total: DuckDB ${sqlTotal}, library ${libraryTotal.toString()}`);
}
console.log(
  `Identical: every revenue of the first ${checkRows.toLocaleString("en")} rows, and the exact 1M total ${libraryTotal.toFixed()}.`,
);

console.log(
  `\nRevenue model, DuckDB ${threads} threads (modelToSQL) vs compiled in-process evaluator`,
);
for (const size of SIZES) {
  await connection.run(tableSQL(size));
  // DuckDB computes and stores every row's revenue (a new table), the warehouse's usual job.
  const duck = await measure(() =>
    connection.run(`CREATE OR REPLACE TABLE revenue AS SELECT i, ${sql.select} FROM rows`),
  );
  const duckSum = await measure(() =>
    query(`SELECT sum(revenue) FROM (SELECT ${sql.select} FROM rows)`),
  );
  let inProcess = { wallMs: 0, cpuMs: 0 };
  for (let from = 1; from <= size; from += BATCH) {
    const rows = makeRows(from, Math.min(BATCH, size - from + 1));
    const batch = await measure(() => {
      for (const row of rows) revenueOf(row);
    });
    inProcess = { wallMs: inProcess.wallMs + batch.wallMs, cpuMs: inProcess.cpuMs + batch.cpuMs };
  }
  const line = (label: string, timing: { wallMs: number; cpuMs: number }) =>
    console.log(
      `  ${label.padEnd(48)} ${timing.wallMs.toFixed(0).padStart(7)} ms wall ${timing.cpuMs.toFixed(0).padStart(7)} ms CPU  ${((timing.wallMs * 1e6) / size).toFixed(0).padStart(5)} ns/row   ratio ${(timing.wallMs / inProcess.wallMs).toFixed(3)}× wall, ${(timing.cpuMs / inProcess.cpuMs).toFixed(3)}× CPU vs in-process`,
    );
  console.log(` ${size.toLocaleString("en")} rows`);
  line("in-process compileModel(…).output (baseline)", inProcess);
  line("DuckDB: CREATE TABLE … AS SELECT revenue", duck);
  line("DuckDB: SELECT sum(revenue)", duckSum);
}
connection.closeSync();
instance.closeSync();
