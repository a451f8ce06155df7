// The plan document's other sections: dimensions, path, metrics, activity, rules, health, tracking.
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, excerpt } from "../../_lib/errors.js";
import { own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { parseFormula } from "../../formula/parseFormula.js";
import type {
  PlanActivity,
  PlanCadence,
  PlanDimension,
  PlanFunnelStage,
  PlanHealth,
  PlanMetric,
  PlanPathEntry,
  PlanRule,
  PlanTracking,
} from "../types.js";
import { parsePeriodLabel } from "./periodLabel.js";
import type { Reader } from "./reader.js";
import {
  attempt,
  checkAmount,
  checkEntries,
  compact,
  readAmount,
  readChoice,
  readInteger,
  readRecord,
  readText,
  report,
} from "./reader.js";

const PART_KINDS = ["shares", "weights", "amounts"] as const;

export function readDimensions(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): Readonly<Record<string, PlanDimension>> | undefined {
  return checkEntries(reader, value, path, { what: "dimensions by name" }, (dimension, at) =>
    readDimension(reader, dimension, at),
  );
}

function readDimension(reader: Reader, value: unknown, path: ErrorPath): PlanDimension | undefined {
  const record = readRecord(reader, value, path, [...PART_KINDS, "remainder"], "a dimension");
  if (record === null) return undefined;
  const kinds = PART_KINDS.filter((kind) => own(record, kind) !== undefined);
  if (kinds.length !== 1) {
    report(
      reader,
      path,
      kinds.length === 0
        ? 'A dimension gives its parts as "shares", "weights" or "amounts"; it has none.'
        : `A dimension gives its parts one way; this one has ${kinds.map((kind) => JSON.stringify(kind)).join(" and ")}.`,
    );
    return undefined;
  }
  const kind = kinds[0]!;
  const remainder = readText(reader, record, "remainder", path, { required: false });
  if (remainder !== undefined && kind !== "shares") {
    report(
      reader,
      [...path, "remainder"],
      `remainder goes with shares; a dimension by ${kind} has no remainder.`,
    );
    return undefined;
  }
  const parts = checkEntries(
    reader,
    own(record, kind),
    [...path, kind],
    { min: 1, what: `${kind} by part` },
    (amount, at) =>
      checkAmount(
        reader,
        amount,
        at,
        kind === "amounts" ? {} : { sign: "non-negative", signCode: "NEGATIVE_WEIGHT" },
      ) === undefined
        ? undefined
        : (amount as Numeric),
  );
  if (parts === undefined) return undefined;
  if (remainder !== undefined) {
    const taken = Object.keys(parts).find(
      (key) => key.normalize("NFC") === remainder.normalize("NFC"),
    );
    if (taken !== undefined) {
      report(
        reader,
        [...path, "remainder"],
        `The remainder ${excerpt(remainder)} is also a listed part; name the remainder differently.`,
        "DUPLICATE_KEY",
      );
      return undefined;
    }
  }
  if (kind === "shares") return compact<PlanDimension>({ shares: parts, remainder });
  return kind === "weights" ? { weights: parts } : { amounts: parts };
}

export function readPath(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): PlanPathEntry[] | undefined {
  if (!Array.isArray(value)) {
    report(
      reader,
      path,
      `path must be an array of { period, target?, actual? }, got ${describeValue(value)}.`,
    );
    return undefined;
  }
  let kind: string | undefined;
  const entries = value.map((entry, i) => {
    const at = [...path, i];
    const record = readRecord(reader, entry, at, ["period", "target", "actual"], `path[${i}]`);
    if (record === null) return undefined;
    const period = readText(reader, record, "period", at, {
      required: 'the period, e.g. "2026", "2026-Q1" or "2026-03"',
    });
    const label = period === undefined ? null : parsePeriodLabel(period);
    if (period !== undefined && label === null) {
      report(
        reader,
        [...at, "period"],
        `A path period is a year ("2026"), a quarter ("2026-Q1") or a month ("2026-03"), got ${excerpt(period)}.`,
      );
    } else if (label !== null) {
      if (kind === undefined) kind = label.kind;
      else if (label.kind !== kind) {
        report(
          reader,
          [...at, "period"],
          `Every path period is of one kind; ${excerpt(period!)} is a ${label.kind}, the first is a ${kind}.`,
        );
      }
    }
    const target = readAmount(reader, record, "target", at, { required: false });
    const actual = readAmount(reader, record, "actual", at, { required: false });
    if (own(record, "target") === undefined && own(record, "actual") === undefined) {
      report(reader, at, "A path entry needs a target, an actual, or both.");
    }
    return compact<PlanPathEntry>({ period, target, actual });
  });
  return entries.every((entry) => entry !== undefined) ? (entries as PlanPathEntry[]) : undefined;
}

export function readMetrics(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): PlanMetric[] | undefined {
  if (!Array.isArray(value)) {
    report(reader, path, `metrics must be an array, got ${describeValue(value)}.`);
    return undefined;
  }
  const metrics = value.map((metric, i) => {
    const at = [...path, i];
    const record = readRecord(
      reader,
      metric,
      at,
      ["name", "current", "target", "direction", "statedGapRate", "basis"],
      `metrics[${i}]`,
    );
    if (record === null) return undefined;
    return compact<PlanMetric>({
      name: readText(reader, record, "name", at, { required: 'the metric\'s name, e.g. "转化率"' }),
      current: readAmount(reader, record, "current", at, { required: "the measured value" }),
      target: readAmount(reader, record, "target", at, { required: "the target value" }),
      direction: readChoice(reader, record, "direction", ["higher", "lower"] as const, at),
      statedGapRate: readAmount(reader, record, "statedGapRate", at, { required: false }),
      basis: readChoice(reader, record, "basis", ["target", "current"] as const, at),
    });
  });
  return metrics.every((metric) => metric !== undefined) ? (metrics as PlanMetric[]) : undefined;
}

export function readActivity(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): PlanActivity | undefined {
  const record = readRecord(reader, value, path, ["funnel", "valuePerWin", "cadence"], "activity");
  if (record === null) return undefined;
  const funnelValue = own(record, "funnel");
  let funnel: PlanFunnelStage[] | undefined;
  if (funnelValue !== undefined) {
    if (!Array.isArray(funnelValue) || funnelValue.length < 2) {
      report(
        reader,
        [...path, "funnel"],
        `funnel must be an array of at least two stages, e.g. [{ "stage": "拜访", "per": 5 }, { "stage": "新客户" }], got ${describeValue(funnelValue)}.`,
      );
    } else {
      funnel = funnelValue.map((stage, i) => {
        const at = [...path, "funnel", i];
        const last = i === funnelValue.length - 1;
        const entry = readRecord(reader, stage, at, ["stage", "per"], `funnel[${i}]`);
        if (entry === null) return { stage: "" };
        const name = readText(reader, entry, "stage", at, { required: "the stage's name" });
        const per = readAmount(reader, entry, "per", at, {
          required: last ? false : "how many of this stage make one of the next",
          sign: "positive",
        });
        if (last && per !== undefined) {
          report(reader, [...at, "per"], "The last stage is the outcome; it has no per.");
        }
        return compact<PlanFunnelStage>({ stage: name, per });
      });
    }
  }
  const valuePerWin = readAmount(reader, record, "valuePerWin", path, {
    required: false,
    sign: "positive",
  });
  const cadenceValue = own(record, "cadence");
  const cadence =
    cadenceValue === undefined
      ? undefined
      : checkEntries(
          reader,
          cadenceValue,
          [...path, "cadence"],
          { min: 1, what: "cadences by customer class" },
          (entry, at) => readCadence(reader, entry, at),
        );
  return compact<PlanActivity>({ funnel, valuePerWin, cadence });
}

const EVERY = /^(?:([1-9]\d{0,2}) +)?(working day|day|week|month)s?$/;
const NAMED_CADENCES = [
  "daily",
  "weekly",
  "biweekly",
  "fortnightly",
  "monthly",
  "每天",
  "每周",
  "每两周",
  "每月",
];

function readCadence(reader: Reader, value: unknown, path: ErrorPath): PlanCadence | undefined {
  if (typeof value === "string") {
    if (NAMED_CADENCES.includes(value)) return value;
    report(
      reader,
      path,
      `A cadence is one of ${NAMED_CADENCES.join(", ")} or { "every": "2 weeks" }, got ${excerpt(value)}.`,
      "UNKNOWN_CADENCE",
    );
    return undefined;
  }
  const record = readRecord(reader, value, path, ["every", "visits"], "a cadence");
  if (record === null) return undefined;
  const every = readText(reader, record, "every", path, {
    required: '"day", "week", "month" or "2 weeks"',
  });
  if (every !== undefined && !EVERY.test(every.trim())) {
    report(
      reader,
      [...path, "every"],
      `every is "day", "working day", "week" or "month", with an optional count ("2 weeks"), got ${excerpt(every)}.`,
      "UNKNOWN_CADENCE",
    );
    return undefined;
  }
  const visits = readInteger(reader, record, "visits", 1, path);
  if (every === undefined) return undefined;
  return compact<PlanCadence>({ every, visits });
}

const SEVERITIES = ["info", "warning", "danger"] as const;

export function readRules(reader: Reader, value: unknown, path: ErrorPath): PlanRule[] | undefined {
  if (!Array.isArray(value)) {
    report(
      reader,
      path,
      `rules must be an array of { id, when, recommend, severity? }, got ${describeValue(value)}.`,
    );
    return undefined;
  }
  const ids = new Map<string, number>();
  const rules = value.map((rule, i) => {
    const at = [...path, i];
    const record = readRecord(
      reader,
      rule,
      at,
      ["id", "when", "recommend", "severity"],
      `rules[${i}]`,
    );
    if (record === null) return undefined;
    const id = readText(reader, record, "id", at, { required: 'a unique id, e.g. "behind"' });
    if (id !== undefined) {
      const earlier = ids.get(id);
      if (earlier !== undefined) {
        report(
          reader,
          [...at, "id"],
          `The id ${excerpt(id)} is already used by rules[${earlier}].`,
          "DUPLICATE_KEY",
        );
      } else ids.set(id, i);
    }
    const when = readText(reader, record, "when", at, {
      required: 'the condition, e.g. "achievement < timeProgress - 10%"',
    });
    if (when !== undefined) {
      attempt(
        reader,
        () => parseFormula(when, { name: id ?? `rules[${i}]`, path: [...at, "when"] }),
        (p) => p,
      );
    }
    return compact<PlanRule>({
      id,
      when,
      recommend: readText(reader, record, "recommend", at, {
        required: "what to do when it fires",
      }),
      severity: readChoice(reader, record, "severity", SEVERITIES, at),
    });
  });
  return rules.every((rule) => rule !== undefined) ? (rules as PlanRule[]) : undefined;
}

export function readHealth(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): PlanHealth | undefined {
  const record = readRecord(reader, value, path, ["misses", "below"], "health");
  if (record === null) return undefined;
  const misses = readInteger(reader, record, "misses", 1, path, "closed periods in a row, e.g. 3");
  const below = readAmount(reader, record, "below", path, {
    required: 'the achievement a period must reach, e.g. "50%"',
    sign: "non-negative",
  });
  return misses === undefined || below === undefined ? undefined : { misses, below };
}

export function readTracking(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): PlanTracking | undefined {
  const record = readRecord(reader, value, path, ["tolerance"], "tracking");
  if (record === null) return undefined;
  return compact<PlanTracking>({
    tolerance: readAmount(reader, record, "tolerance", path, {
      required: false,
      sign: "non-negative",
    }),
  });
}
