// The chart area's option readers: the options every chart shares, and two generic field readers
// (a text, a record of labels) that _lib/options.ts does not have.
import { readDigits } from "../../_lib/digits.js";
import { describeValue, type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { readChoice, readOptions } from "../../_lib/options.js";
import { isRecord, own } from "../../_lib/records.js";
import type { AmountScale } from "../../numbers/formatAmount.js";

/** The keys of `ChartOptions`, which every chart accepts. */
export const CHART_KEYS = ["title", "width", "height", "scale", "digits"] as const;

const SCALES: readonly AmountScale[] = ["auto", "亿", "万", "元", "none"];

/** Largest width or height accepted, in pixels. */
const MAX_SIZE = 10_000;

/** The common options, read and defaulted. */
export interface CommonSettings {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly title: string | undefined;
  readonly width: number;
  readonly height: number;
  readonly scale: AmountScale;
  readonly digits: number;
}

/** Reads a chart's options: the common keys plus `extra`; an unknown key is `UNKNOWN_OPTION`. */
export function readChartOptions(
  options: unknown,
  extra: readonly string[],
  size: { readonly width: number; readonly height: number },
): CommonSettings {
  const path = ["options"];
  const settings = readOptions(options, [...CHART_KEYS, ...extra], path);
  return {
    settings,
    title: readText(settings, "title", undefined, path),
    width: readSize(settings, "width", size.width, path),
    height: readSize(settings, "height", size.height, path),
    scale: readChoice(settings, "scale", SCALES, "auto", path),
    digits: readDigits(settings, "digits", 2, path),
  };
}

/** An optional string field; anything but a string is `INVALID_ARGUMENT`. */
export function readText<F extends string | undefined>(
  record: object,
  key: string,
  fallback: F,
  path: ErrorPath,
): string | F {
  const value = own(record, key);
  if (value === undefined) return fallback;
  if (typeof value !== "string") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${key} must be a string, got ${describeValue(value)}.`,
      { path: [...path, key] },
    );
  }
  return value;
}

/** An optional size in pixels: a number from 1 to 10,000. */
function readSize(record: object, key: string, fallback: number, path: ErrorPath): number {
  const value = own(record, key);
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 1 || value > MAX_SIZE) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${key} must be a number of pixels from 1 to ${MAX_SIZE}, got ${describeValue(value)}.`,
      { path: [...path, key] },
    );
  }
  return value;
}

/** An optional record of display labels (name → label, e.g. `{ price: "单价" }`); absent gives `{}`. */
export function readLabels(
  record: object,
  key: string,
  path: ErrorPath,
): Readonly<Record<string, string>> {
  const value = own(record, key);
  const labels: Record<string, string> = Object.create(null);
  if (value === undefined) return labels;
  if (!isRecord(value)) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${key} must be an object of labels by name (e.g. { "price": "单价" }), got ${describeValue(value)}.`,
      { path: [...path, key] },
    );
  }
  for (const name of Object.keys(value)) labels[name] = readText(value, name, "", [...path, key]);
  return labels;
}

/** `labels[name]` when given, else `name`. */
export function labelOf(labels: Readonly<Record<string, string>>, name: string): string {
  const label = own(labels, name);
  return typeof label === "string" ? label : name;
}
