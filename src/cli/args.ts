// Command-line arguments, read with node:util's parseArgs (strict): an unknown flag is exit 2 with
// the closest known flag, and every value is checked before any file is read.
import { parseArgs } from "node:util";
import { closest } from "../_lib/closest.js";
import { COMMAND_NAMES, COMMANDS, type CommandName, type CommandSpec } from "./commands.js";
import { didYouMean, usageFailure } from "./failure.js";

/** What the command line asks for. */
export type Invocation =
  | { readonly kind: "help"; readonly command: CommandName | null }
  | { readonly kind: "version" }
  | {
      readonly kind: "run";
      readonly command: CommandName;
      /** The plan file (the one positional argument). */
      readonly plan: string;
      /** The flags given, by name (`as-of`, `format`…); switches are `true`. */
      readonly flags: Readonly<Record<string, string | boolean>>;
    };

const GLOBAL_FLAGS = ["--help", "--version"];

/** Reads the arguments after `targetree`. Bad usage throws a CliFailure with exit code 2. */
export function readArguments(args: readonly string[]): Invocation {
  const [first, ...rest] = args;
  if (first === undefined) {
    throw usageFailure(
      "targetree: no command given. Use one of: lint, build, track, replan (targetree --help shows how).",
    );
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const topic = rest[0];
    return {
      kind: "help",
      command: topic !== undefined && isCommand(topic) ? topic : null,
    };
  }
  if (first === "--version" || first === "-v") return { kind: "version" };
  if (!isCommand(first)) {
    if (first.startsWith("-")) {
      const suggestion = closest(first, GLOBAL_FLAGS);
      throw usageFailure(
        `targetree: unknown flag ${first} before the command${didYouMean(suggestion, false)} Put a command first: targetree lint|build|track|replan PLAN.json (targetree --help shows how).`,
      );
    }
    const suggestion = closest(first, COMMAND_NAMES);
    throw usageFailure(
      `targetree: unknown command "${first}"${didYouMean(suggestion, true)} The commands are lint, build, track and replan (targetree --help shows how).`,
    );
  }
  return readCommand(COMMANDS[first], rest);
}

function isCommand(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

function readCommand(spec: CommandSpec, args: readonly string[]): Invocation {
  const prefix = `targetree ${spec.name}`;
  const options = Object.fromEntries(
    Object.entries(spec.flags).map(([name, flag]) => [name, { type: flag.type }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(spec, args),
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    throw usageFailure(`${prefix}: ${argumentProblem(spec, error)}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help === true) return { kind: "help", command: spec.name };

  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) {
      throw usageFailure(`${prefix}: --${token.name} is given twice; give it once.`);
    }
    seen.add(token.name);
  }

  const positionals = parsed.positionals;
  if (positionals.length === 0) {
    throw usageFailure(
      `${prefix}: no plan file given. Usage: targetree ${spec.usage} (targetree ${spec.name} --help shows the flags).`,
    );
  }
  if (positionals.length > 1) {
    throw usageFailure(
      `${prefix}: one plan file at a time, got ${positionals.length} (${positionals.map((p) => JSON.stringify(p)).join(", ")}). Usage: targetree ${spec.usage}`,
    );
  }
  const flags: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && name !== "help") flags[name] = value;
  }
  return { kind: "run", command: spec.name, plan: positionals[0]!, flags };
}

/**
 * `--by -200万` reads as a negative amount, not as a flag: parseArgs would call it ambiguous, so
 * a value flag followed by a number that starts with `-` is joined into `--by=-200万`.
 */
function joinNegativeValues(spec: CommandSpec, args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : null;
    if (
      name !== null &&
      spec.flags[name]?.type === "string" &&
      next !== undefined &&
      /^-[\d.]/.test(next)
    ) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/** parseArgs's error as one line a person acts on. */
function argumentProblem(spec: CommandSpec, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flagNames = Object.keys(spec.flags).map((name) => `--${name}`);
  const named =
    /Option '(-{1,2}[^' =]+)/.exec(message)?.[1] ?? /'(-{1,2}[^']+)'/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && named !== undefined) {
    const bare = named.split("=")[0]!;
    const suggestion = closest(bare.replace(/^-+/, "--"), flagNames);
    return `unknown flag ${bare}${didYouMean(suggestion, false)} The flags of ${spec.name} are ${flagNames.join(", ")}.`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && named !== undefined) {
    const flag = named.split(" ")[0]!;
    const spec_ = spec.flags[flag.replace(/^-+/, "")];
    if (spec_?.type === "boolean") return `${flag} is a switch and takes no value; drop "=…".`;
    return `${flag} needs a value (${spec_?.value ?? "a value"}): ${flag} ${spec_?.value ?? "VALUE"}, or ${flag}=VALUE for a value that starts with "-".`;
  }
  return `${message.split("\n")[0]} (targetree ${spec.name} --help shows the flags).`;
}
