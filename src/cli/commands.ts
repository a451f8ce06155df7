// The commands of PLAN.md, their flags and their help, as data: the argument parser, the help
// text and the "did you mean" suggestions all read this one table.

/** The command names. */
export type CommandName = "lint" | "build" | "track" | "replan";

/** One flag: a string value (with the name of its value) or a switch. */
export interface FlagSpec {
  readonly type: "string" | "boolean";
  /** How the help names the value: `FILE`, `YYYY-MM-DD`. */
  readonly value?: string;
  /** One line of help. */
  readonly help: string;
}

/** One command: its flags, its output formats, and its help. */
export interface CommandSpec {
  readonly name: CommandName;
  readonly summary: string;
  /** The synopsis line after `targetree`. */
  readonly usage: string;
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** The `--format` values, the default first. */
  readonly formats: readonly string[];
  /** Lines after the flags: what the command prints, and its exit codes. */
  readonly notes: readonly string[];
}

const output: FlagSpec = {
  type: "string",
  value: "FILE",
  help: "write the result to FILE instead of stdout (the format follows FILE's extension unless --format says otherwise)",
};
const planFormat: FlagSpec = {
  type: "string",
  value: "md|csv|json",
  help: "md: the table a manager reads (amounts in 万); csv: one row per node × period; json: the full result",
};
const reportFormat: FlagSpec = {
  type: "string",
  value: "md|csv|json|html",
  help: "md: the table a manager reads (amounts in 万); csv: one row per node × period; json: the full result; html: one self-contained page of tables and charts that opens offline (needs vega, vega-lite and vega-embed installed)",
};
const help: FlagSpec = { type: "boolean", help: "show this help" };

/** The commands, in the order `--help` lists them. */
export const COMMANDS: Readonly<Record<CommandName, CommandSpec>> = {
  lint: {
    name: "lint",
    summary: "check a plan document: every contradiction and risk, with fixes",
    usage: "lint PLAN.json [--format text|json] [--strict]",
    flags: {
      format: {
        type: "string",
        value: "text|json",
        help: "text: one line per finding, with its fixes; json: the findings as lintPlan returns them",
      },
      strict: { type: "boolean", help: "exit 1 on any warning, not only on an error" },
      help,
    },
    formats: ["text", "json"],
    notes: [
      "Exit 0: no error (with --strict: no warning either); 1: findings; 2: unreadable plan.",
    ],
  },
  build: {
    name: "build",
    summary: "decompose the target over the organisation and the periods",
    usage: "build PLAN.json [--format md|csv|json|html] [--grain GRAIN] [--output FILE]",
    flags: {
      format: reportFormat,
      grain: {
        type: "string",
        value: "GRAIN",
        help: "show one grain of the plan's periods (year, quarter, month, dekad, week, day) and the whole period",
      },
      output,
      help,
    },
    formats: ["md", "csv", "json", "html"],
    notes: [
      "Exit 0: built; 1: the plan has lint errors (listed on stderr); 2: bad usage or unreadable plan.",
    ],
  },
  track: {
    name: "track",
    summary: "track actuals against the plan as of a day",
    usage:
      "track PLAN.json --actuals FILE.csv|FILE.json --as-of YYYY-MM-DD [--format md|csv|json|html] [--grain GRAIN] [--strict] [--output FILE]",
    flags: {
      actuals: {
        type: "string",
        value: "FILE",
        help: "the actuals: CSV with a header node,date|period,actual (extra numeric columns become facts), or a JSON array of such rows",
      },
      "as-of": {
        type: "string",
        value: "YYYY-MM-DD",
        help: "the day tracked to (counted as elapsed)",
      },
      format: reportFormat,
      grain: {
        type: "string",
        value: "GRAIN",
        help: "one row per node and period of this grain, besides the whole period",
      },
      strict: {
        type: "boolean",
        help: "an actual dated after --as-of is an error, not a warning",
      },
      output,
      help,
    },
    formats: ["md", "csv", "json", "html"],
    notes: [
      "Exit 0: tracked; 1: the plan has lint errors; 2: bad usage, or an unreadable plan or actuals file.",
    ],
  },
  replan: {
    name: "replan",
    summary: "change a node's target from a day on, and re-spread the open periods",
    usage:
      "replan PLAN.json --node NODE (--to AMOUNT | --by AMOUNT) --from YYYY-MM-DD [--format md|csv|json] [--output FILE]",
    flags: {
      node: {
        type: "string",
        value: "NODE",
        help: "the node's id, or its path of names from the top (华南公司/广州分公司/张伟)",
      },
      to: { type: "string", value: "AMOUNT", help: 'the node\'s new target ("1.3亿", "1,200万")' },
      by: {
        type: "string",
        value: "AMOUNT",
        help: 'a change of the node\'s target ("+500万", "-200万")',
      },
      from: {
        type: "string",
        value: "YYYY-MM-DD",
        help: "the first day of the change; the periods closed before it keep their values",
      },
      format: planFormat,
      output,
      help,
    },
    formats: ["md", "csv", "json"],
    notes: [
      "json prints { plan, diff }; md and csv print the new plan as build does.",
      "Exit 0: replanned; 1: the plan has lint errors; 2: bad usage or unreadable plan.",
    ],
  },
};

/** The names of the commands. */
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** The help of the whole tool (`targetree --help`). */
export function mainHelp(version: string): string {
  const width = Math.max(...COMMAND_NAMES.map((name) => name.length));
  return [
    `targetree ${version}: one plan document in, the whole decomposition out.`,
    "",
    "Usage:",
    ...COMMAND_NAMES.map((name) => `  targetree ${COMMANDS[name].usage}`),
    "  targetree --help | --version",
    "",
    "Commands:",
    ...COMMAND_NAMES.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`),
    "",
    "Results go to stdout (or --output FILE); messages go to stderr.",
    "Exit codes: 0 done; 1 lint found an error (with --strict, any warning), or the plan has lint",
    "errors; 2 bad usage or unreadable input.",
    "`targetree COMMAND --help` describes a command's flags.",
    "",
  ].join("\n");
}

/** The help of one command (`targetree build --help`). */
export function commandHelp(name: CommandName): string {
  const spec = COMMANDS[name];
  const flags = Object.entries(spec.flags).map(([flag, flagSpec]) => {
    const left = flagSpec.value === undefined ? `--${flag}` : `--${flag} ${flagSpec.value}`;
    return [left, flagSpec.help] as const;
  });
  const width = Math.max(...flags.map(([left]) => left.length));
  return [
    `targetree ${name}: ${spec.summary}.`,
    "",
    "Usage:",
    `  targetree ${spec.usage}`,
    "",
    "Flags:",
    ...flags.map(([left, text]) => `  ${left.padEnd(width)}  ${text}`),
    "",
    ...spec.notes,
    "",
  ].join("\n");
}
