// Headless Chromium with vega, vega-lite and vega-embed loaded from node_modules, for the chart
// tests and the examples: render a spec, read its scene graph and data, take a screenshot, and
// count the screenshot's colours. Every request that is not the page itself or one of the three
// scripts is recorded, so a test can assert that nothing went to the network.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** Where Chromium is: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** True when Chromium is installed. */
export const haveChromium = existsSync(executablePath);

/** Launches headless Chromium with the flags of the browser test (no background networking). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const require = createRequire(import.meta.url);

/** The text of a package's minified browser build (`vega/build/vega.min.js`…). */
export function vegaScript(name: "vega" | "vega-lite" | "vega-embed"): string {
  // The packages' exports maps hide build/…; their main entry sits in build/ beside the .min.js.
  return readFileSync(join(dirname(require.resolve(name)), `${name}.min.js`), "utf8");
}

/** The three scripts, in load order. */
export function vegaScripts(): { vega: string; vegaLite: string; vegaEmbed: string } {
  return {
    vega: vegaScript("vega"),
    vegaLite: vegaScript("vega-lite"),
    vegaEmbed: vegaScript("vega-embed"),
  };
}

const ORIGIN = "http://charts.test";

/** What one rendered spec gave. */
export interface Rendered {
  /** Items per named mark of the scene graph (`bridge_marks` → 5). */
  readonly marks: Readonly<Record<string, number>>;
  /** The rows of a named dataset, when asked for. */
  readonly data: readonly Record<string, unknown>[];
  /** Errors and warnings the page reported (console errors, page errors, Vega warnings). */
  readonly problems: readonly string[];
  /** The PNG screenshot of the view. */
  readonly png: Buffer;
  /** Distinct colours in the screenshot. */
  readonly colours: number;
}

/** A page that renders Vega-Lite specs, offline, and records every outside request. */
export interface ChartPage {
  readonly page: Page;
  /** Requests to anything but the page and its three scripts (should stay empty). */
  readonly outside: string[];
  /** Console errors and page errors so far. */
  readonly problems: string[];
  /** Renders `spec` and reads back its marks and dataset `dataset`. */
  render(spec: unknown, dataset?: string): Promise<Rendered>;
  /** Counts the distinct colours of a PNG (decoded in the page). */
  colours(png: Buffer): Promise<number>;
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>charts</title>
<body style="margin:0;background:white">
<script src="/vega.js"></script><script src="/vega-lite.js"></script><script src="/vega-embed.js"></script>
<div id="view" style="display:inline-block"></div></body>`;

/** Opens a page on `browser` with the three scripts served from node_modules. */
export async function openChartPage(browser: Browser): Promise<ChartPage> {
  const scripts = vegaScripts();
  const page = await browser.newPage({ deviceScaleFactor: 2 });
  const outside: string[] = [];
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    const body: Record<string, string> = {
      [`${ORIGIN}/`]: PAGE,
      [`${ORIGIN}/vega.js`]: scripts.vega,
      [`${ORIGIN}/vega-lite.js`]: scripts.vegaLite,
      [`${ORIGIN}/vega-embed.js`]: scripts.vegaEmbed,
    };
    const text = body[url];
    if (text === undefined) {
      if (!url.startsWith("data:")) outside.push(url);
      return route.abort();
    }
    return route.fulfill({
      contentType: url.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8",
      body: text,
    });
  });
  // tsx compiles with esbuild's keepNames, which wraps functions passed to evaluate in __name.
  await page.addInitScript("globalThis.__name = (f) => f;");
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => "vegaEmbed" in globalThis);

  async function colours(png: Buffer): Promise<number> {
    return page.evaluate(async (base64) => {
      // biome-ignore lint/suspicious/noExplicitAny: the page's DOM is untyped here (no DOM lib)
      const g = globalThis as any;
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await g.createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = new g.OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d");
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4)
        seen.add(((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!) >>> 0);
      return seen.size;
    }, png.toString("base64"));
  }

  return {
    page,
    outside,
    problems,
    colours,
    async render(spec, dataset) {
      const before = problems.length;
      const result = await page.evaluate(
        async ({ spec, dataset }) => {
          const warnings: string[] = [];
          // biome-ignore lint/suspicious/noExplicitAny: the page's globals are untyped here
          const g = globalThis as any;
          const logger = {
            level: () => logger,
            error: (...args: unknown[]) => warnings.push(`vega error: ${args.join(" ")}`),
            warn: (...args: unknown[]) => warnings.push(`vega warning: ${args.join(" ")}`),
            info: () => logger,
            debug: () => logger,
          };
          g.__chartView?.finalize();
          const embedded = await g.vegaEmbed("#view", spec, {
            actions: false,
            renderer: "canvas",
            logLevel: 2,
            loader: { target: "_blank" },
            viewConfig: { logger },
          });
          const view = embedded.view;
          g.__chartView = view;
          await view.runAsync();
          const marks: Record<string, number> = {};
          // biome-ignore lint/suspicious/noExplicitAny: Vega's scene graph items are untyped here
          const walk = (node: any): void => {
            if (node.marktype !== undefined) {
              if (node.name) marks[node.name] = (marks[node.name] ?? 0) + (node.items?.length ?? 0);
              for (const item of node.items ?? []) walk(item);
            } else if (node.items) {
              for (const item of node.items) walk(item);
            }
          };
          walk(view.scenegraph().root);
          const data = dataset === undefined ? [] : JSON.parse(JSON.stringify(view.data(dataset)));
          return { marks, data, warnings };
        },
        { spec, dataset },
      );
      const png = await page.locator("#view").screenshot();
      return {
        marks: result.marks,
        data: result.data,
        problems: [...result.warnings, ...problems.slice(before)],
        png,
        colours: await colours(png),
      };
    },
  };
}
