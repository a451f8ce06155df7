// Every chart spec rendered by the real Vega in headless Chromium: no error, marks that match the
// data (bar counts, the bridge's last bar equal to `actual`), a screenshot that is not blank; then
// the HTML report of `track --format html`, opened offline, every chart drawn and no request sent.
// One browser for the file; Chromium is Debian's (skips loudly without it, as browser.test.ts does).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import {
  achievementHeatmapChart,
  attribute,
  bridgeChart,
  buildPlan,
  burnUpChart,
  decompositionChart,
  tornadoChart,
  trackPlan,
} from "targetree";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revenueSensitivity, X1_ACTUAL, X1_BASE, x1 } from "../chart/_fixtures.js";
import { runInMemory } from "../cli/_io.js";
import {
  type ChartPage,
  executablePath,
  haveChromium,
  launchChromium,
  openChartPage,
} from "./_vega.js";

if (!haveChromium) {
  console.warn(
    `\n*** CHART BROWSER TEST SKIPPED: no Chromium at ${executablePath}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH. ***\n`,
  );
}

const plans = fileURLToPath(new URL("../../examples/plans/", import.meta.url));
const planText = readFileSync(join(plans, "rishiqing-2024-fixed.json"), "utf8");
const actualsText = readFileSync(join(plans, "rishiqing-2024-actuals.csv"), "utf8");

function rishiqing() {
  const plan = buildPlan(planText);
  const rows = actualsText
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [node, date, actual] = line.split(",");
      return { node: node!, date: date!, actual: actual! };
    });
  return { plan, tracking: trackPlan(plan, rows, { asOf: "2024-06-30" }) };
}

describe.skipIf(!haveChromium)("the charts in headless Chromium", () => {
  let browser: Browser;
  let charts: ChartPage;
  const { plan, tracking } = rishiqing();

  beforeAll(async () => {
    browser = await launchChromium();
    charts = await openChartPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("draws the X1 bridge: one bar per contribution plus base and actual, the last bar at actual", async () => {
    for (const method of ["chain", "shapley", "lmdi"] as const) {
      const result = attribute(x1, {
        output: "materialCost",
        base: X1_BASE,
        actual: X1_ACTUAL,
        method,
      });
      const spec = bridgeChart(result, {
        labels: { output: "产量", usage: "单耗", price: "单价" },
      });
      const drawn = await charts.render(spec, "bars");
      expect(drawn.problems).toEqual([]);
      expect(drawn.marks.bridge_marks).toBe(result.contributions.length + 2);
      expect(drawn.data.at(-1)!.end).toBe(Number(result.actual.toString()));
      expect(drawn.data.at(-2)!.end).toBe(Number(result.actual.toString()));
      expect(drawn.colours).toBeGreaterThan(1);
    }
  });

  it("draws the tornado: two bars per input", async () => {
    const result = revenueSensitivity();
    const drawn = await charts.render(tornadoChart(result), "bars");
    expect(drawn.problems).toEqual([]);
    expect(drawn.marks.tornado_marks).toBe(2 * result.entries.length);
    expect(drawn.colours).toBeGreaterThan(1);
  });

  it("draws the burn-up: one actual point per month begun, ending at the actual to date", async () => {
    const top = tracking.nodes[0]!;
    const drawn = await charts.render(burnUpChart(tracking, { node: top.node }), "points");
    expect(drawn.problems).toEqual([]);
    const actual = drawn.data.filter((point) => point.series === "actual");
    expect(drawn.marks.actualPoints_marks).toBe(actual.length);
    expect(actual).toHaveLength(7); // the start, then January to June
    expect(actual.at(-1)!.value).toBe(Number(top.periods.all!.actual));
    expect(drawn.marks.asOf_marks).toBe(1);
    expect(drawn.colours).toBeGreaterThan(1);
  });

  it("draws the decomposition treemap: one rectangle per leaf, with and without tracking", async () => {
    const leaves = plan.nodes.filter((node) => node.children.length === 0).length;
    for (const spec of [decompositionChart(plan), decompositionChart(plan, { tracking })]) {
      const drawn = await charts.render(spec, "nodes");
      expect(drawn.problems).toEqual([]);
      expect(drawn.marks.cells_marks).toBe(leaves);
      expect(drawn.data).toHaveLength(plan.nodes.length);
      expect(drawn.colours).toBeGreaterThan(1);
    }
  });

  it("draws the heat map: one cell per node and month, coloured where the month has begun", async () => {
    const drawn = await charts.render(achievementHeatmapChart(tracking), "cells");
    expect(drawn.problems).toEqual([]);
    expect(drawn.marks.cells_marks).toBe(plan.nodes.length * 12);
    expect(drawn.marks.achievement_marks).toBe(plan.nodes.length * 6);
    expect(drawn.colours).toBeGreaterThan(1);
  });

  it("sends no request outside the page while drawing", () => {
    expect(charts.outside).toEqual([]);
    expect(charts.problems).toEqual([]);
  });

  const reports = [
    {
      command: "track",
      args: ["--actuals", "actuals.csv", "--as-of", "2024-06-30"],
      charts: 3,
    },
    { command: "build", args: [], charts: 1 },
  ] as const;

  it.each(reports)(
    "opens the HTML report of $command --format html offline, with every chart drawn",
    async ({ command, args, charts: expected }) => {
      const require = createRequire(import.meta.url);
      const files: Record<string, string> = { "plan.json": planText, "actuals.csv": actualsText };
      for (const name of ["vega", "vega-lite", "vega-embed"]) {
        const path = join(dirname(require.resolve(name)), `${name}.min.js`);
        files[path] = readFileSync(path, "utf8");
      }
      const run = runInMemory([command, "plan.json", ...args, "--output", "report.html"], files);
      expect(run.stderr).toMatch(/wrote report\.html/);
      expect(run.status).toBe(0);
      const html = run.written.get("report.html")!;

      const page = await browser.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      // Every request is refused and recorded: the page must need none.
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (!url.startsWith("data:")) requests.push(url);
        return route.abort();
      });
      await page.setContent(html);
      await page.waitForFunction((count) => {
        // biome-ignore lint/suspicious/noExplicitAny: the page's DOM is untyped here (no DOM lib)
        const doc = (globalThis as any).document;
        return (
          doc.querySelectorAll(".chart svg").length + doc.querySelectorAll(".chart-error").length >=
          count
        );
      }, expected);
      const state = await page.evaluate(() => {
        // biome-ignore lint/suspicious/noExplicitAny: the page's DOM is untyped here (no DOM lib)
        const doc = (globalThis as any).document;
        const treemap = doc.querySelector(".chart svg g.mark-rect.role-mark.cells_marks");
        return {
          charts: doc.querySelectorAll(".chart").length,
          drawn: doc.querySelectorAll(".chart svg").length,
          failed: doc.querySelectorAll(".chart-error").length,
          rows: doc.querySelectorAll("tbody tr").length,
          leaves: treemap === null ? 0 : treemap.querySelectorAll("path").length,
        };
      });
      const leaves = plan.nodes.filter((node) => node.children.length === 0).length;
      expect(state).toEqual({
        charts: expected,
        drawn: expected,
        failed: 0,
        rows: plan.nodes.length,
        leaves,
      });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      const png = await page.locator("#chart-0").screenshot();
      expect(await charts.colours(png)).toBeGreaterThan(1);
      await page.close();
    },
  );
});
