// The built `targetree` bin, spawned as a user runs it: each command and format, each exit code,
// and never a stack trace, whatever the input.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bin, type BinResult, buildBin, hasStackTrace } from "./_bin.js";

const plans = fileURLToPath(new URL("../../examples/plans/", import.meta.url));
const example = (name: string): string => readFileSync(`${plans}${name}`, "utf8");

let bin: Bin;
const results: BinResult[] = [];
/** Runs the bin and keeps the result for the no-stack-trace check at the end. */
const targetree = (...args: string[]): BinResult => {
  const result = bin.run(...args);
  results.push(result);
  return result;
};

beforeAll(() => {
  bin = buildBin();
  bin.file("rishiqing.json", example("rishiqing-2024.json"));
  bin.file("fixed.json", example("rishiqing-2024-fixed.json"));
  bin.file("retail.json", example("retail-2027.json"));
}, 180_000);

afterAll(() => bin?.remove());

describe("the bin", () => {
  it("starts with a node shebang", () => {
    expect(readFileSync(bin.cli, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it("is executable", () => {
    expect(statSync(bin.cli).mode & 0o111).not.toBe(0);
  });

  it("says in one line that it cannot start when the install is broken", () => {
    // The bin without the library beside it, as after a half-finished install.
    const broken = join(bin.work, "broken");
    mkdirSync(broken);
    for (const name of ["cli.js", "cli-node.js"]) {
      copyFileSync(join(dirname(bin.cli), name), join(broken, name));
    }
    const result = spawnSync(process.execPath, [join(broken, "cli.js"), "--version"], {
      encoding: "utf8",
    });
    results.push({ status: result.status, stdout: result.stdout, stderr: result.stderr });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^targetree: cannot start: .*Reinstall the package \(npm install\) and run again\.\n$/,
    );
  });

  it("prints the package version with --version", () => {
    const { version } = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    ) as { version: string };
    const result = targetree("--version");
    expect(result).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("lists every command with --help, and a command's flags with COMMAND --help", () => {
    const help = targetree("--help");
    expect(help.status).toBe(0);
    for (const command of ["lint", "build", "track", "replan"]) {
      expect(help.stdout).toContain(`targetree ${command} PLAN.json`);
    }
    const buildHelp = targetree("build", "--help");
    expect(buildHelp.status).toBe(0);
    for (const flag of ["--format md|csv|json", "--grain GRAIN", "--output FILE"]) {
      expect(buildHelp.stdout).toContain(flag);
    }
  });
});

describe("bad usage exits 2 with one line on stderr", () => {
  it("names the closest flag for an unknown flag", () => {
    const result = targetree("lint", "fixed.json", "--fromat", "json");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "targetree lint: unknown flag --fromat; did you mean --format? The flags of lint are --format, --strict, --help.\n",
    );
  });

  it("names the closest command for an unknown command", () => {
    const result = targetree("buidl", "fixed.json");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command "buidl"; did you mean "build"?');
  });

  it("asks for a command when none is given", () => {
    const result = targetree();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("no command given");
  });

  it("refuses an unknown format, naming the formats", () => {
    const result = targetree("lint", "fixed.json", "--format", "jsno");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'unknown format "jsno"; did you mean "json"? Use --format text|json.',
    );
  });

  it("names a missing file", () => {
    const result = targetree("lint", "missing.json");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "missing.json: no such file. Check the path of the plan document (relative paths start from the current folder).\n",
    );
  });

  it("gives the line and column of a JSON syntax error", () => {
    bin.file("broken.json", '{\n  "version": 1,\n  "target": "1亿",\n}\n');
    const result = targetree("lint", "broken.json");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^broken\.json:4:1: not valid JSON: expected a property name/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("lists every problem of an unreadable document at its line and JSON path", () => {
    bin.file(
      "bad.json",
      JSON.stringify(
        {
          version: 1,
          target: "1.2e",
          period: { start: "2024-01-01", end: "2024-12-31", grains: ["month", "quater"] },
          organization: { name: "公司" },
        },
        null,
        2,
      ),
    );
    const result = targetree("lint", "bad.json");
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^bad\.json:3:3: INVALID_NUMBER at target: /);
    expect(lines[1]).toMatch(/^bad\.json:\d+:\d+: \w+ at period\.grains\[1\]: /);
    expect(lines.at(-1)).toBe(
      "bad.json: the plan document has 2 problems; fix them and run again.",
    );
  });
});

describe("targetree lint", () => {
  it("exits 1 on the 日事清 plan and lists its findings at their lines", () => {
    const result = targetree("lint", "rishiqing.json");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    const findings = result.stdout
      .split("\n")
      .filter((line) => /^rishiqing\.json:\d+:\d+: /.test(line));
    expect(findings.map((line) => line.split(" ").slice(1, 3).join(" "))).toEqual([
      "error DRIVERS_DISAGREE",
      "warning SHARES_INCOMPLETE",
      "warning SHARES_INCOMPLETE",
      "warning SHARES_INCOMPLETE",
      "error AMOUNTS_MISMATCH",
      "error DUPLICATE_PERIOD",
      "warning MISSING_PERIOD",
      "info GROWTH_REQUIRED",
    ]);
    expect(result.stdout).toContain(
      "    fix (scale-drivers): Multiply 新客户数 and 老客户数 by 25",
    );
    expect(result.stdout.trim().split("\n").at(-1)).toBe(
      "rishiqing.json: 3 errors, 4 warnings, 1 info.",
    );
  });

  it("exits 0 on the fixed plan, which has only an info finding", () => {
    const result = targetree("lint", "fixed.json");
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split("\n").at(-1)).toBe(
      "fixed.json: 0 errors, 0 warnings, 1 info.",
    );
  });

  it("exits 0 on a warning, and 1 with --strict", () => {
    expect(targetree("lint", "retail.json").status).toBe(0);
    expect(targetree("lint", "retail.json", "--strict").status).toBe(1);
    expect(targetree("lint", "fixed.json", "--strict").status).toBe(0);
  });

  it("prints lintPlan's findings as JSON with --format json", () => {
    const result = targetree("lint", "rishiqing.json", "--format", "json");
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout) as { code: string; path: unknown[] }[];
    expect(findings).toHaveLength(8);
    expect(findings[1]).toMatchObject({
      code: "SHARES_INCOMPLETE",
      path: ["dimensions", "产品线", "shares"],
    });
  });
});

describe("targetree build", () => {
  it("prints the plan as Markdown by default, amounts in 万", () => {
    const result = targetree("build", "fixed.json");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("# 日事清 2024 年度销售计划（修订）");
    expect(result.stdout).toContain("## Targets by quarter (万)");
    expect(result.stdout).toMatch(/^\| 日事清 \| {2}\| 100\.0% \| 12,000\.00 \| /m);
  });

  it("prints one CSV row per node × period, every grain and the whole period", () => {
    const result = targetree("build", "fixed.json", "--format", "csv");
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "node,name,level,period,start,end,working_days,target,grain,level_name,path,parent",
    );
    expect(lines[1]).toBe(
      "日事清,日事清,0,all,2024-01-01,2024-12-31,251,120000000.00,all,,日事清,",
    );
    // 37 nodes × (the whole year, 4 quarters, 12 months).
    expect(lines).toHaveLength(1 + 37 * 17);
    expect(lines.find((line) => line.startsWith("E001,张伟,3,2024-03,"))).toBeDefined();
  });

  it("keeps one grain with --grain", () => {
    const lines = targetree("build", "fixed.json", "--format", "csv", "--grain", "quarter")
      .stdout.trim()
      .split("\n");
    expect(lines).toHaveLength(1 + 37 * 5);
  });

  it("prints the plan as JSON, decimals as strings", () => {
    const result = targetree("build", "fixed.json", "--format", "json");
    expect(result.status).toBe(0);
    const plan = JSON.parse(result.stdout) as { kind: string; target: string; nodes: unknown[] };
    expect(plan.kind).toBe("targetree-plan");
    expect(plan.target).toBe("120000000.00");
    expect(plan.nodes).toHaveLength(37);
  });

  it("writes --output, taking the format from its extension, and says so on stderr", () => {
    const result = targetree("build", "fixed.json", "--output", "plan.csv");
    expect(result).toMatchObject({ status: 0, stdout: "" });
    expect(result.stderr).toBe("targetree build: wrote plan.csv (630 lines).\n");
    const written = readFileSync(join(bin.work, "plan.csv"), "utf8");
    expect(written.split("\n")[0]).toMatch(/^node,name,level,period,/);
  });

  it("writes one self-contained HTML report for --output FILE.html, Vega read from node_modules", () => {
    const result = targetree("build", "fixed.json", "--output", "plan.html");
    expect(result.status).toBe(0);
    const html = readFileSync(join(bin.work, "plan.html"), "utf8");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("vegaEmbed");
    expect(html).toContain('<script type="application/json" id="spec-0">');
  });

  it("warns once on stderr for a provisional plan in CSV and Markdown, not in JSON", () => {
    for (const format of ["csv", "md"]) {
      const result = targetree("build", "retail.json", "--format", format, "--grain", "quarter");
      expect(result.status).toBe(0);
      expect(result.stderr).toBe(
        "targetree build: warning: the plan is provisional: the working days of 2027 are computed, not from an official notice; build it again when the notice is published.\n",
      );
    }
    const json = targetree("build", "retail.json", "--format", "json");
    expect(json.stderr).toBe("");
    expect(JSON.parse(json.stdout)).toMatchObject({ provisional: true, provisionalYears: [2027] });
  });

  it("refuses a plan with lint errors: exit 1, the errors and their fixes on stderr", () => {
    const result = targetree("build", "rishiqing.json");
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines.filter((line) => /^rishiqing\.json:\d+:\d+: error /.test(line))).toHaveLength(3);
    expect(lines.at(-1)).toBe(
      "targetree build: rishiqing.json has 3 lint errors; fix them first (each line above lists fixes; targetree lint rishiqing.json shows every finding).",
    );
  });

  it("refuses a grain the plan does not have", () => {
    const result = targetree("build", "fixed.json", "--grain", "week");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'targetree build: INVALID_ARGUMENT at --grain: grain must be one of the plan\'s grains ("quarter", "month"), got "week".\n',
    );
  });
});

/** Actuals of four people of the fixed 日事清 plan, every working day of January 2024. */
function januaryActuals(eol: string, bom: boolean): string {
  const people = [
    "E001",
    "日事清/企业客户事业部/华东大区/王芳",
    "日事清/渠道事业部/华南大区/朱琳",
    "日事清/新业务事业部/新行业/林峰",
  ];
  const rows = ["node,date,actual,visits"];
  for (let day = 2; day <= 31; day++) {
    const date = `2024-01-${String(day).padStart(2, "0")}`;
    if ([6, 7, 13, 14, 20, 21, 27, 28].includes(day)) continue;
    people.forEach((person, i) => {
      // Quoted fields: an amount with a group separator, and a node path.
      const amount = ((10 + i) * 1000 + day) * 1000;
      rows.push(`"${person}",${date},"${amount.toLocaleString("en-US")}",${i + 1}`);
    });
  }
  return `${bom ? "\uFEFF" : ""}${rows.join(eol)}${eol}`;
}

describe("targetree track", () => {
  beforeAll(() => {
    bin.file("january.csv", januaryActuals("\r\n", true));
    bin.file("january-lf.csv", januaryActuals("\n", false));
  });

  it("reads a CSV with a BOM, CRLF and quoted fields, and prints a row per node", () => {
    const result = targetree(
      "track",
      "fixed.json",
      "--actuals",
      "january.csv",
      "--as-of",
      "2024-01-31",
      "--format",
      "csv",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]!.split(",").slice(0, 12)).toEqual([
      "node",
      "name",
      "target",
      "target_to_date",
      "actual",
      "achievement",
      "time_progress",
      "gap",
      "projection",
      "required_per_working_day",
      "status",
      "alerts",
    ]);
    expect(lines[0]!.split(",").at(-1)).toBe("visits");
    expect(lines).toHaveLength(1 + 37);
    const top = lines[1]!.split(",");
    // 22 working days × (10 + 11 + 12 + 13) thousand thousand, plus the days' numbers.
    const expectedActual =
      22 * 46_000_000 +
      4 *
        1000 *
        (2 +
          3 +
          4 +
          5 +
          8 +
          9 +
          10 +
          11 +
          12 +
          15 +
          16 +
          17 +
          18 +
          19 +
          22 +
          23 +
          24 +
          25 +
          26 +
          29 +
          30 +
          31);
    expect(top.slice(0, 3)).toEqual(["日事清", "日事清", "120000000.00"]);
    expect(top[4]).toBe(`${expectedActual}.00`);
    expect(top[5]).toMatch(/^\d\.\d{4}$/);
    expect(top[11]).toMatch(/^[\w;-]*$/);
  });

  it("gives the same tracking for the same rows with LF and no BOM", () => {
    const args = ["--as-of", "2024-01-31", "--format", "csv"];
    const crlf = targetree("track", "fixed.json", "--actuals", "january.csv", ...args);
    const lf = targetree("track", "fixed.json", "--actuals", "january-lf.csv", ...args);
    expect(lf.stdout).toBe(crlf.stdout);
  });

  it("prints a row per node and month with --grain month, and Markdown by default", () => {
    const csv = targetree(
      "track",
      "fixed.json",
      "--actuals",
      "january.csv",
      "--as-of",
      "2024-01-31",
      "--format",
      "csv",
      "--grain",
      "month",
    );
    expect(csv.stdout.trim().split("\n")).toHaveLength(1 + 37 * 13);
    const md = targetree(
      "track",
      "fixed.json",
      "--actuals",
      "january.csv",
      "--as-of",
      "2024-01-31",
    );
    expect(md.status).toBe(0);
    expect(md.stdout).toContain("# 日事清 2024 年度销售计划（修订）: tracking as of 2024-01-31");
    expect(md.stdout).toContain(
      "| Node | Target | To date | Actual | Achievement | Time progress |",
    );
  });

  it("prints the tracking as JSON, and reads actuals as JSON", () => {
    const rows = [
      { node: "E001", date: "2024-01-02", actual: "1.5万" },
      { node: "E001", period: "2024-02", actual: 30000 },
    ];
    bin.file("actuals.json", JSON.stringify(rows, null, 2));
    const result = targetree(
      "track",
      "fixed.json",
      "--actuals",
      "actuals.json",
      "--as-of",
      "2024-03-01",
      "--format",
      "json",
    );
    expect(result.status).toBe(0);
    const tracking = JSON.parse(result.stdout) as {
      kind: string;
      nodes: { node: string; periods: Record<string, { actual: string }> }[];
    };
    expect(tracking.kind).toBe("targetree-tracking");
    expect(tracking.nodes.find((node) => node.node === "E001")!.periods.all!.actual).toBe(
      "45000.00",
    );
  });

  it("refuses a tracking's JSON where a plan belongs, and lint refuses a built plan", () => {
    bin.file(
      "tracking.json",
      targetree(
        "track",
        "fixed.json",
        "--actuals",
        "january.csv",
        "--as-of",
        "2024-01-31",
        "--format",
        "json",
      ).stdout,
    );
    const track = targetree(
      "track",
      "tracking.json",
      "--actuals",
      "january.csv",
      "--as-of",
      "2024-01-31",
    );
    expect(track.status).toBe(2);
    expect(track.stderr).toBe(
      "tracking.json: this is a tracking (the JSON of targetree track), not a plan. Give targetree track the plan document, or the JSON of targetree build.\n",
    );
    bin.file("built-for-lint.json", targetree("build", "fixed.json", "--format", "json").stdout);
    const lint = targetree("lint", "built-for-lint.json");
    expect(lint.status).toBe(2);
    expect(lint.stderr).toContain(
      "this is a built plan (the JSON of targetree build), not a plan document",
    );
  });

  it("tracks a built plan's JSON without building it again", () => {
    bin.file("built.json", targetree("build", "fixed.json", "--format", "json").stdout);
    const args = ["--actuals", "january.csv", "--as-of", "2024-01-31", "--format", "csv"];
    expect(targetree("track", "built.json", ...args).stdout).toBe(
      targetree("track", "fixed.json", ...args).stdout,
    );
  });

  it("names the line and row of a bad row, exit 2", () => {
    bin.file("bad-node.csv", "node,date,actual\r\nE001,2024-01-02,5\r\nE00l,2024-01-03,7\r\n");
    const node = targetree(
      "track",
      "fixed.json",
      "--actuals",
      "bad-node.csv",
      "--as-of",
      "2024-01-31",
    );
    expect(node.status).toBe(2);
    expect(node.stdout).toBe("");
    expect(node.stderr).toMatch(
      /^bad-node\.csv:3: UNKNOWN_PLAN_NODE at row 1, column "node": .*Did you mean "E001"\?\n$/,
    );
    bin.file("bad-amount.csv", 'node,date,actual\nE001,2024-01-02,"12,x"\n');
    const amount = targetree(
      "track",
      "fixed.json",
      "--actuals",
      "bad-amount.csv",
      "--as-of",
      "2024-01-31",
    );
    expect(amount.status).toBe(2);
    expect(amount.stderr).toMatch(/^bad-amount\.csv:2: INVALID_NUMBER at row 0, column "actual": /);
    expect(amount.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("names the JSON line and column of a bad row in actuals as JSON", () => {
    bin.file(
      "bad.json",
      '[\n  { "node": "E001", "date": "2024-01-02", "actual": 5 },\n  { "node": "E001", "date": "2024-13-01", "actual": 5 }\n]\n',
    );
    const result = targetree(
      "track",
      "fixed.json",
      "--actuals",
      "bad.json",
      "--as-of",
      "2024-01-31",
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^bad\.json:3:21: INVALID_DATE at \[1\]\.date: /);
  });

  it("names a CSV syntax error's line, and a missing column", () => {
    bin.file("unclosed.csv", 'node,date,actual\nE001,2024-01-02,"5\n');
    const unclosed = targetree(
      "track",
      "fixed.json",
      "--actuals",
      "unclosed.csv",
      "--as-of",
      "2024-01-31",
    );
    expect(unclosed.status).toBe(2);
    expect(unclosed.stderr).toMatch(/^unclosed\.csv:2: not valid CSV: Quote Not Closed/);
    bin.file("columns.csv", "node,day,amount\nE001,2024-01-02,5\n");
    const columns = targetree(
      "track",
      "fixed.json",
      "--actuals",
      "columns.csv",
      "--as-of",
      "2024-01-31",
    );
    expect(columns.status).toBe(2);
    expect(columns.stderr).toMatch(/^columns\.csv:1: the header has no "actual" column/);
  });

  it("leaves out rows after the as-of day with one warning, and refuses them with --strict", () => {
    const args = ["track", "fixed.json", "--actuals", "january.csv", "--as-of", "2024-01-15"];
    const lenient = targetree(...args, "--format", "csv");
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toBe(
      "targetree track: warning: 48 rows of january.csv are dated after 2024-01-15 and left out (--strict makes this an error).\n",
    );
    const strict = targetree(...args, "--strict");
    expect(strict.status).toBe(2);
    expect(strict.stderr).toMatch(/^january\.csv:\d+: AFTER_AS_OF at row \d+, column "date": /);
  });

  it("needs --actuals and a real --as-of day", () => {
    const missing = targetree("track", "fixed.json", "--as-of", "2024-01-31");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("targetree track: --actuals FILE is required");
    const day = targetree(
      "track",
      "fixed.json",
      "--actuals",
      "january.csv",
      "--as-of",
      "2024-02-30",
    );
    expect(day.status).toBe(2);
    expect(day.stderr).toBe(
      'targetree track: --as-of "2024-02-30" is not a day; write it as YYYY-MM-DD (e.g. 2024-06-30).\n',
    );
    const file = targetree("track", "fixed.json", "--actuals", "nope.csv", "--as-of", "2024-01-31");
    expect(file.status).toBe(2);
    expect(file.stderr).toMatch(/^nope\.csv: no such file\./);
  });

  it("refuses a plan with lint errors, exit 1", () => {
    const result = targetree(
      "track",
      "rishiqing.json",
      "--actuals",
      "january.csv",
      "--as-of",
      "2024-01-31",
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("targetree track: rishiqing.json has 3 lint errors");
  });
});

describe("targetree replan", () => {
  const region = "日事清/企业客户事业部/华东大区";

  it("prints the new plan in build's layout, and the count of moved cells on stderr", () => {
    const result = targetree(
      "replan",
      "fixed.json",
      "--node",
      region,
      "--by",
      "500万",
      "--from",
      "2024-07-01",
      "--format",
      "csv",
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "node,name,level,period,start,end,working_days,target,grain,level_name,path,parent",
    );
    expect(lines[1]).toBe(
      "日事清,日事清,0,all,2024-01-01,2024-12-31,251,125000000.00,all,,日事清,",
    );
    expect(lines).toHaveLength(1 + 37 * 17);
    expect(result.stderr).toMatch(
      new RegExp(
        `^targetree replan: ${region} from 2024-07-01: \\d+ cells moved \\(--format json lists them\\)\\.\\n$`,
      ),
    );
  });

  it("prints { plan, diff } as JSON; closed periods keep their values", () => {
    const result = targetree(
      "replan",
      "fixed.json",
      "--node",
      region,
      "--to",
      "2,900万",
      "--from",
      "2024-07-01",
      "--format",
      "json",
    );
    expect(result.status).toBe(0);
    const { plan, diff } = JSON.parse(result.stdout) as {
      plan: { target: string };
      diff: { node: string; period: string; before: string; after: string }[];
    };
    expect(plan.target).toBe("125000000.00");
    expect(diff.length).toBeGreaterThan(0);
    expect(diff.some((entry) => /^2024-0[1-6]$|^2024-Q[12]$/.test(entry.period))).toBe(false);
    expect(diff.find((entry) => entry.node === region && entry.period === "all")).toEqual({
      node: region,
      period: "all",
      before: "24000000.00",
      after: "29000000.00",
    });
  });

  it("reads a negative change, and wants exactly one of --to and --by", () => {
    const negative = targetree(
      "replan",
      "fixed.json",
      "--node",
      region,
      "--by",
      "-200万",
      "--from",
      "2024-07-01",
      "--format",
      "csv",
    );
    expect(negative.status).toBe(0);
    expect(negative.stdout.split("\n")[1]).toContain(",118000000.00,");
    const both = targetree(
      "replan",
      "fixed.json",
      "--node",
      region,
      "--to",
      "1",
      "--by",
      "1",
      "--from",
      "2024-07-01",
    );
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("give exactly one of --to AMOUNT");
    const neither = targetree("replan", "fixed.json", "--node", region, "--from", "2024-07-01");
    expect(neither.status).toBe(2);
  });

  it("names the closest node for an unknown one, at --node", () => {
    const result = targetree(
      "replan",
      "fixed.json",
      "--node",
      "日事清/企业客户事业部/华东",
      "--by",
      "1万",
      "--from",
      "2024-07-01",
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^targetree replan: UNKNOWN_PLAN_NODE at --node: .*Did you mean "日事清\/企业客户事业部\/华东大区"\?\n$/,
    );
  });

  it("refuses a plan with lint errors, exit 1", () => {
    const result = targetree(
      "replan",
      "rishiqing.json",
      "--node",
      "日事清",
      "--by",
      "1万",
      "--from",
      "2024-07-01",
    );
    expect(result.status).toBe(1);
  });
});

describe("every run", () => {
  it("never prints a stack trace", () => {
    expect(results.length).toBeGreaterThan(10);
    for (const result of results) {
      expect(hasStackTrace(result.stdout), result.stdout).toBe(false);
      expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
    }
  });
});
