// Reads a whole plan document: every section, every problem with its path, unknown fields apart.
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, formatPath, TargetreeError } from "../../_lib/errors.js";
import { own } from "../../_lib/records.js";
import type { Model } from "../../model/types.js";
import type { PlanDocument, PlanLevel, PlanProblem } from "../types.js";
import { readDrivers } from "./readDrivers.js";
import type { Reader, UnknownField } from "./reader.js";
import {
  compact,
  newReader,
  readAmount,
  readRecord,
  readText,
  readUnit,
  report,
} from "./reader.js";
import { readLevels, readOrganization } from "./readOrganization.js";
import { readPeriod } from "./readPeriod.js";
import {
  readActivity,
  readDimensions,
  readHealth,
  readMetrics,
  readPath,
  readRules,
  readTracking,
} from "./readSections.js";

/** Every top-level field of version 1, in the order PLAN.md gives them. */
export const DOCUMENT_FIELDS = [
  "$schema",
  "version",
  "name",
  "target",
  "unit",
  "period",
  "levels",
  "organization",
  "drivers",
  "dimensions",
  "path",
  "metrics",
  "activity",
  "rules",
  "health",
  "tracking",
];

/** What reading a document gave: the document (when no problem), its model, and what was found. */
export interface ReadResult {
  readonly document: PlanDocument | null;
  /** The drivers' model, built once. */
  readonly model: Model | null;
  readonly problems: readonly PlanProblem[];
  readonly unknown: readonly UnknownField[];
  /** Problems and unknown fields together, in document order. */
  readonly all: readonly PlanProblem[];
}

/** Reads `input` (a parsed document, or its JSON text) without throwing. */
export function readDocument(input: unknown): ReadResult {
  const reader = newReader();
  const value = typeof input === "string" ? parseJson(reader, input) : input;
  if (reader.problems.length > 0) return { document: null, model: null, ...reader };
  const root = readRecord(reader, value, [], DOCUMENT_FIELDS, "the plan document");
  if (root === null) return { document: null, model: null, ...reader };

  const version = own(root, "version");
  if (version !== 1) {
    report(
      reader,
      ["version"],
      version === undefined
        ? "Missing: version (this library reads plan documents of version 1)."
        : `This library reads plan documents of version 1, got ${describeValue(version)}.`,
    );
  }
  const $schema = readText(reader, root, "$schema", [], { required: false });
  const name = readText(reader, root, "name", [], { required: false });
  const target = readAmount(reader, root, "target", [], {
    required: 'the top node\'s target for the period, e.g. "1.2亿"',
  });
  const unit = readUnit(reader, root, []);
  const period = section(reader, root, "period", "the period: start, end and grains", readPeriod);
  const levels: PlanLevel[] | undefined = section(reader, root, "levels", false, readLevels);
  const organization = section(
    reader,
    root,
    "organization",
    'the top node and its tree, e.g. { "name": "公司", "children": [ … ] }',
    (r, v, p) => readOrganization(r, v, levels ?? [], p),
  );
  const drivers = section(reader, root, "drivers", false, readDrivers);
  const dimensions = section(reader, root, "dimensions", false, readDimensions);
  const path = section(reader, root, "path", false, readPath);
  const metrics = section(reader, root, "metrics", false, readMetrics);
  const activity = section(reader, root, "activity", false, readActivity);
  const rules = section(reader, root, "rules", false, readRules);
  const health = section(reader, root, "health", false, readHealth);
  const tracking = section(reader, root, "tracking", false, readTracking);

  if (reader.problems.length > 0) return { document: null, model: null, ...reader };
  const document = compact<PlanDocument>({
    $schema,
    version: 1,
    name,
    target,
    unit,
    period,
    levels,
    organization,
    drivers: drivers?.drivers,
    dimensions,
    path,
    metrics,
    activity,
    rules,
    health,
    tracking,
  });
  return { document, model: drivers?.model ?? null, ...reader };
}

function section<T>(
  reader: Reader,
  root: Readonly<Record<string, unknown>>,
  key: string,
  required: string | false,
  read: (reader: Reader, value: unknown, path: ErrorPath) => T | undefined,
): T | undefined {
  const value = own(root, key);
  if (value === undefined) {
    if (required !== false) report(reader, [key], `Missing: ${key} (${required}).`);
    return undefined;
  }
  return read(reader, value, [key]);
}

function parseJson(reader: Reader, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    report(
      reader,
      [],
      `The plan document is not JSON: ${error instanceof Error ? error.message : String(error)}.`,
    );
    return undefined;
  }
}

/** One TargetreeError listing every problem (and unknown field) in `details.problems`. */
export function planError(problems: readonly PlanProblem[]): TargetreeError {
  const first = problems[0]!;
  const shown = problems.slice(0, 20).map((problem) => {
    const at = problem.path.length === 0 ? "" : `${formatPath(problem.path)}: `;
    return `${at}${problem.message}`;
  });
  const more =
    problems.length > shown.length
      ? ` (${problems.length - shown.length} more in details.problems)`
      : "";
  return new TargetreeError(
    "INVALID_PLAN",
    `The plan document has ${problems.length} problem${problems.length === 1 ? "" : "s"}: ${shown.join(" | ")}${more}`,
    {
      path: first.path,
      details: { problems: problems.map((problem) => ({ ...problem, path: [...problem.path] })) },
    },
  );
}
