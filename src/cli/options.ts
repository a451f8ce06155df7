// The values of the flags, checked before any file is read: formats, dates, grains.
import { closest } from "../_lib/closest.js";
import type { Invocation } from "./args.js";
import type { CommandSpec } from "./commands.js";
import { didYouMean, usageFailure } from "./failure.js";

type Run = Extract<Invocation, { kind: "run" }>;

/** A string flag's value, or undefined when the flag was not given. */
export function stringFlag(invocation: Run, name: string): string | undefined {
  const value = invocation.flags[name];
  return typeof value === "string" ? value : undefined;
}

/** A switch: true when given. */
export function switchFlag(invocation: Run, name: string): boolean {
  return invocation.flags[name] === true;
}

/** A string flag the command cannot run without; missing is exit 2 with the usage. */
export function requiredFlag(invocation: Run, spec: CommandSpec, name: string): string {
  const value = stringFlag(invocation, name);
  if (value === undefined || value.trim() === "") {
    const flag = spec.flags[name];
    throw usageFailure(
      `targetree ${spec.name}: --${name} ${flag?.value ?? "VALUE"} is required (${flag?.help ?? name}). Usage: targetree ${spec.usage}`,
    );
  }
  return value;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  ".md": "md",
  ".markdown": "md",
  ".csv": "csv",
  ".json": "json",
  ".txt": "text",
  ".html": "html",
  ".htm": "html",
};

/**
 * The output format: `--format` when given (one of the command's), else what `--output`'s
 * extension says, else the command's default.
 */
export function chooseFormat(invocation: Run, spec: CommandSpec): string {
  const given = stringFlag(invocation, "format");
  if (given !== undefined) {
    if (spec.formats.includes(given)) return given;
    const suggestion = closest(given, spec.formats);
    throw usageFailure(
      `targetree ${spec.name}: unknown format "${given}"${didYouMean(suggestion, true)} Use --format ${spec.formats.join("|")}.`,
    );
  }
  const output = stringFlag(invocation, "output");
  const extension = output === undefined ? undefined : /\.[^./\\]+$/.exec(output)?.[0];
  const implied = extension === undefined ? undefined : EXTENSIONS[extension.toLowerCase()];
  return implied !== undefined && spec.formats.includes(implied) ? implied : spec.formats[0]!;
}

/** A `YYYY-MM-DD` flag that names a real day; anything else is exit 2. */
export function dateFlag(invocation: Run, spec: CommandSpec, name: string): string {
  const value = requiredFlag(invocation, spec, name).trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const real =
    match !== null &&
    (() => {
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(year, month - 1, day));
      return (
        date.getUTCFullYear() === year &&
        date.getUTCMonth() === month - 1 &&
        date.getUTCDate() === day
      );
    })();
  if (!real) {
    throw usageFailure(
      `targetree ${spec.name}: --${name} "${value}" is not a day; write it as YYYY-MM-DD (e.g. 2024-06-30).`,
    );
  }
  return value;
}

/** The grains a plan can show. */
export const GRAINS = ["year", "quarter", "month", "dekad", "week", "day"] as const;

/** The `--grain` flag, when given: one of the grains. */
export function grainFlag(invocation: Run, spec: CommandSpec): (typeof GRAINS)[number] | undefined {
  const value = stringFlag(invocation, "grain");
  if (value === undefined) return undefined;
  const grain = GRAINS.find((known) => known === value.trim());
  if (grain !== undefined) return grain;
  const suggestion = closest(value, GRAINS);
  throw usageFailure(
    `targetree ${spec.name}: unknown grain "${value}"${didYouMean(suggestion, true)} Use --grain ${GRAINS.join("|")} (one of the plan's grains).`,
  );
}
