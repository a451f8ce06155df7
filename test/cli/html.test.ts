// `build --format html` and `track --format html`: one self-contained page, in-process. (The page
// is opened in Chromium by test/browser/charts.test.ts.)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CliFailure } from "../../src/cli/failure.js";
import { escapeHtml, scriptJson, scriptText } from "../../src/cli/report/html.js";
import { vegaScripts } from "../../src/cli/vegaScripts.js";
import { runInMemory } from "./_io.js";

const plans = fileURLToPath(new URL("../../examples/plans/", import.meta.url));
const plan = readFileSync(join(plans, "rishiqing-2024-fixed.json"), "utf8");
const actuals = readFileSync(join(plans, "rishiqing-2024-actuals.csv"), "utf8");

/** The three browser builds, by the paths the CLI reads them from. */
function vegaFiles(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const files: Record<string, string> = {};
  for (const name of ["vega", "vega-lite", "vega-embed"]) {
    const path = join(dirname(require.resolve(name)), `${name}.min.js`);
    files[path] = readFileSync(path, "utf8");
  }
  return files;
}

describe("--format html", () => {
  const files = { "plan.json": plan, "actuals.csv": actuals, ...vegaFiles() };

  it("prints one page with the tables, the charts' specs and the three scripts inlined", () => {
    const result = runInMemory(["build", "plan.json", "--format", "html"], files);
    expect(result.status).toBe(0);
    const html = result.stdout;
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.trimEnd().endsWith("</body>\n</html>")).toBe(true);
    expect(html).toContain("Content-Security-Policy");
    expect(html).toContain('<script type="application/json" id="spec-0">');
    expect(html).toContain("vegaEmbed");
    expect(html).toContain("日事清 2024 年度销售计划");
    // Nothing is loaded from anywhere: no src or href attribute outside the inlined scripts.
    expect(html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "")).not.toMatch(/\s(src|href)=/);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html.match(/<script/g)).toHaveLength(5);
  });

  it("takes the format from --output's .html extension and reports the file", () => {
    const result = runInMemory(
      [
        "track",
        "plan.json",
        "--actuals",
        "actuals.csv",
        "--as-of",
        "2024-06-30",
        "--output",
        "r.html",
      ],
      files,
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^targetree track: wrote r\.html/);
    const html = result.written.get("r.html")!;
    expect(html.match(/id="spec-\d"/g)).toEqual(['id="spec-0"', 'id="spec-1"', 'id="spec-2"']);
    expect(html).toContain("as of 2024-06-30");
  });

  it("escapes a name that would close the script or inject HTML", () => {
    const hostile = JSON.parse(plan);
    hostile.name = "</script><script>alert(1)</script><!--";
    const result = runInMemory(["build", "plan.json", "--format", "html"], {
      ...files,
      "plan.json": JSON.stringify(hostile),
    });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain("<script>alert(1)");
    expect(result.stdout).not.toContain("<!--");
    expect(result.stdout.match(/<\/script>/g)).toHaveLength(5);
  });

  it("says what to install when vega is missing, exit 2", () => {
    const missing = (name: string): string => {
      throw Object.assign(new Error(`Cannot find module '${name}'`), { code: "MODULE_NOT_FOUND" });
    };
    let failure: unknown;
    try {
      // The io is never reached: resolving fails first.
      vegaScripts(undefined as never, "track", missing);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(CliFailure);
    expect((failure as CliFailure).exitCode).toBe(2);
    expect((failure as CliFailure).lines).toEqual([
      "targetree track: --format html needs vega, vega-lite and vega-embed (vega is not installed): npm i vega vega-lite vega-embed",
    ]);
  });

  it("lists html among the formats of build and track", () => {
    for (const command of ["build", "track"]) {
      expect(runInMemory([command, "--help"]).stdout).toContain("--format md|csv|json|html");
    }
  });
});

describe("the page's escapes", () => {
  it("keeps </script>, <!-- and line separators out of inlined JSON", () => {
    const text = scriptJson({ name: "</script><!--\u2028" });
    expect(text).not.toMatch(/<\/script|<!--|\u2028/);
    expect(JSON.parse(text)).toEqual({ name: "</script><!--\u2028" });
  });

  it("keeps </script> and <!-- out of inlined code, meaning the same in a string", () => {
    const code = scriptText('const s = "</SCRIPT><!--";');
    expect(code).not.toMatch(/<\/script|<!--/i);
    expect(new Function(`${code}; return s;`)()).toBe("</SCRIPT><!--");
  });

  it("escapes text for HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;",
    );
  });
});
