// One self-contained HTML page of tables and charts: Vega, Vega-Lite and vega-embed inlined as
// script text, each chart's spec inlined as JSON, and a Content-Security-Policy that allows no
// network request at all. Pure: the CLI reads the scripts from node_modules and passes them in.

/** The text of the three browser builds, in load order. */
export interface VegaScripts {
  readonly vega: string;
  readonly vegaLite: string;
  readonly vegaEmbed: string;
}

/** A part of the page: a heading, then HTML (already escaped), a chart, or both. */
export interface ReportSection {
  readonly heading: string;
  /** Safe HTML (a table, a paragraph) built with `escapeHtml`. */
  readonly html?: string;
  /** A Vega-Lite spec drawn under the heading. */
  readonly chart?: unknown;
}

/** The page: its title, a line under it, and its sections. */
export interface Report {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly ReportSection[];
}

/** Text as HTML: `&`, `<`, `>`, `"` and `'` escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside a `<script>` element: every `<` is written `\u003c` (so neither
 * `</script>` nor `<!--` can occur), and U+2028/U+2029 are escaped too.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Script text that is safe inside a `<script>` element: `</script` (any case) becomes `<\/script`
 * and `<!--` becomes `<\!--`, which mean the same inside JavaScript strings and regular
 * expressions (the only places they occur in a minified build).
 */
export function scriptText(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

const STYLE = `
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif; margin: 24px auto; max-width: 1280px; padding: 0 16px; color: #1a1a1a; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 32px; }
.subtitle { color: #666; margin-top: 0; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 4px 10px; text-align: right; white-space: nowrap; }
th { background: #f6f6f6; position: sticky; top: 0; } td.name, th.name, td:has(> .text) { text-align: left; }
.ahead { color: #1b7a3d; } .behind { color: #c0392b; } .on-track { color: #8a6d00; }
.chart { margin: 8px 0 16px; } .chart-error { color: #c0392b; }
.scroll { overflow-x: auto; }`;

/** The whole page. */
export function reportHtml(report: Report, scripts: VegaScripts): string {
  const parts: string[] = [];
  report.sections.forEach((section, index) => {
    parts.push(`<h2>${escapeHtml(section.heading)}</h2>`);
    if (section.chart !== undefined) {
      parts.push(
        `<div class="chart" id="chart-${index}"></div>`,
        `<script type="application/json" id="spec-${index}">${scriptJson(section.chart)}</script>`,
      );
    }
    if (section.html !== undefined) parts.push(`<div class="scroll">${section.html}</div>`);
  });
  const charts = report.sections
    .map((section, index) => (section.chart === undefined ? -1 : index))
    .filter((index) => index >= 0);
  const boot = `
for (const index of ${JSON.stringify(charts)}) {
  const target = document.getElementById("chart-" + index);
  const spec = JSON.parse(document.getElementById("spec-" + index).textContent);
  vegaEmbed(target, spec, { actions: false, renderer: "svg" }).catch((error) => {
    target.className = "chart chart-error";
    target.textContent = "This chart could not be drawn: " + error.message;
  });
}`;
  return [
    "<!doctype html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="utf-8">',
    // Offline by construction: no request may leave the page (Vega compiles expressions, hence unsafe-eval).
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(report.subtitle)}</p>`,
    ...parts,
    `<script>${scriptText(scripts.vega)}</script>`,
    `<script>${scriptText(scripts.vegaLite)}</script>`,
    `<script>${scriptText(scripts.vegaEmbed)}</script>`,
    `<script>${boot}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
