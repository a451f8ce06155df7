// The actuals file of `track`: CSV (header node, date or period, actual, and extra numeric
// columns) or a JSON array of rows of the same shape. CSV is read with csv-parse: UTF-8 with or
// without a BOM, LF or CRLF, quoted fields. Every row remembers its line for error messages.
import { parse } from "csv-parse/sync";
import { closest } from "../_lib/closest.js";
import { didYouMean, usageFailure } from "./failure.js";
import { type CliIo, readTextFile } from "./io.js";
import { locateJsonPath, parseJsonFile } from "./jsonText.js";

/** One row as trackPlan takes it: `node`, `date` or `period`, `actual`, and extra columns. */
export type ActualsRow = Readonly<Record<string, unknown>>;

/** The rows of an actuals file, and where each one is in it. */
export interface ActualsFile {
  readonly path: string;
  readonly format: "csv" | "json";
  readonly rows: readonly ActualsRow[];
  /** `FILE:LINE` (CSV) or `FILE:LINE:COLUMN` (JSON) of row `index` (and its `field`). */
  readonly place: (index: number, field?: string | number) => string;
  /** How a person names row `index` (from 0) and its field: `row 2, column "actual"` or `[2].actual`. */
  readonly describe: (index: number, field?: string | number) => string;
}

/** The columns an actuals CSV must have. */
const REQUIRED = ["node", "actual"] as const;
const WHEN = ["date", "period"] as const;

/** Reads `path` as CSV, or as JSON when it ends in `.json` (or its text starts with `[`). */
export function readActualsFile(io: CliIo, path: string): ActualsFile {
  const text = readTextFile(io, path, "actuals file");
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const json = /\.json$/i.test(path) || /^\s*\[/.test(body);
  return json ? readJsonActuals(text, path) : readCsvActuals(body, path);
}

function readJsonActuals(text: string, path: string): ActualsFile {
  const value = parseJsonFile(text, path);
  if (!Array.isArray(value)) {
    throw usageFailure(
      `${path}: actuals as JSON are an array of rows, each { "node": …, "date" or "period": …, "actual": … }; this file holds ${value === null ? "null" : typeof value === "object" ? "an object" : `a ${typeof value}`}.`,
    );
  }
  const place = (index: number, field?: string | number): string => {
    const position = locateJsonPath(text, field === undefined ? [index] : [index, field]);
    return position === null ? path : `${path}:${position.line}:${position.column}`;
  };
  const describe = (index: number, field?: string | number): string =>
    field === undefined
      ? `[${index}]`
      : typeof field === "number"
        ? `[${index}][${field}]`
        : `[${index}].${field}`;
  return { path, format: "json", rows: value as ActualsRow[], place, describe };
}

function readCsvActuals(text: string, path: string): ActualsFile {
  let records: string[][];
  try {
    // Plain arrays, no per-record info objects (they cost more than the parsing on a million
    // rows): line numbers are counted below, and the field count is checked here, with its line.
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    const message = error instanceof Error ? error.message : String(error);
    throw usageFailure(
      `${typeof line === "number" ? `${path}:${line}` : path}: not valid CSV: ${message.replace(/\.$/, "")}. Check the quotes and the number of fields on that line.`,
    );
  }
  let columns: string[] | null = null;
  let headerLine = 1;
  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  let line = 1;
  for (const record of records) {
    const start = line;
    line += 1 + lineBreaks(record);
    // A blank line, or one of empty fields only (",,", as spreadsheets write), is skipped.
    if (record.every((field) => field === "")) continue;
    if (columns === null) {
      columns = record;
      headerLine = start;
      checkHeader(columns, path, headerLine);
      continue;
    }
    if (record.length !== columns.length) {
      throw usageFailure(
        `${path}:${start}: not valid CSV: the row has ${record.length} field${record.length === 1 ? "" : "s"}, the header ${columns.length}. Check the commas and quotes on that line (a field holding a comma needs quotes).`,
      );
    }
    const row: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const cell = record[i]!;
      // An empty date or period (the row uses the other), or an empty extra column, is absent.
      if (cell === "" && column !== "node" && column !== "actual") continue;
      row[column] = cell;
    }
    rows.push(row);
    lines.push(start);
  }
  if (columns === null) {
    throw usageFailure(
      `${path}: the file is empty. An actuals CSV starts with a header such as node,date,actual, then one row per actual.`,
    );
  }

  const place = (index: number): string => `${path}:${lines[index] ?? headerLine}`;
  // Rows are counted from 0, as trackPlan's messages count them; the line number finds them.
  const describe = (index: number, field?: string | number): string =>
    field === undefined || typeof field === "number"
      ? `row ${index}`
      : `row ${index}, column ${JSON.stringify(field)}`;
  return { path, format: "csv", rows, place, describe };
}

/** The line breaks inside a record's quoted fields (a CRLF counts once, as editors count lines). */
function lineBreaks(record: readonly string[]): number {
  let breaks = 0;
  for (const field of record) {
    if (field.indexOf("\n") < 0) continue;
    for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) breaks++;
  }
  return breaks;
}

function checkHeader(columns: readonly string[], path: string, line: number): void {
  const at = `${path}:${line}`;
  const expected =
    "The header names node, date (or period), actual, then any extra numeric columns.";
  const blank = columns.indexOf("");
  if (blank >= 0) {
    throw usageFailure(`${at}: header column ${blank + 1} has no name. ${expected}`);
  }
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) {
      throw usageFailure(`${at}: the header names "${column}" twice. ${expected}`);
    }
    seen.add(column);
  }
  for (const name of REQUIRED) {
    if (!seen.has(name)) throw missingColumn(at, name, columns, expected);
  }
  if (!WHEN.some((name) => seen.has(name))) throw missingColumn(at, "date", columns, expected);
}

function missingColumn(at: string, name: string, columns: readonly string[], expected: string) {
  const others = columns.filter((column) => !["node", "date", "period", "actual"].includes(column));
  const suggestion =
    closest(name, others) ?? (name === "date" ? closest("period", others) : undefined);
  return usageFailure(
    `${at}: the header has no "${name}" column (it has ${columns.map((c) => JSON.stringify(c)).join(", ")})${didYouMean(suggestion, true)} ${expected}`,
  );
}
