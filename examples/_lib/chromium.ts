// Renders Vega-Lite specs to PNG in headless Chromium, offline: vega, vega-lite and vega-embed are
// read from node_modules and served to the page; any other request is refused. Without Chromium
// the caller gets null and says so.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ORIGIN = "http://pictures.test";
const PAGE = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:white">
<script src="/vega.js"></script><script src="/vega-lite.js"></script><script src="/vega-embed.js"></script>
<div id="view" style="display:inline-block"></div></body>`;

/** A page that turns a spec into PNG bytes. */
export interface Renderer {
  readonly png: (spec: unknown) => Promise<Buffer>;
  readonly close: () => Promise<void>;
}

/** Opens Chromium with the three scripts, or returns null when Chromium is not installed. */
export async function openRenderer(): Promise<Renderer | null> {
  if (!existsSync(executablePath)) return null;
  const require = createRequire(import.meta.url);
  const script = (name: string): string =>
    readFileSync(join(dirname(require.resolve(name)), `${name}.min.js`), "utf8");
  const bodies: Record<string, string> = {
    [`${ORIGIN}/`]: PAGE,
    [`${ORIGIN}/vega.js`]: script("vega"),
    [`${ORIGIN}/vega-lite.js`]: script("vega-lite"),
    [`${ORIGIN}/vega-embed.js`]: script("vega-embed"),
  };
  const browser: Browser = await chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page: Page = await browser.newPage({ deviceScaleFactor: 2 });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    const body = bodies[url];
    if (body === undefined) return route.abort();
    const contentType = url.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8";
    return route.fulfill({ contentType, body });
  });
  // tsx compiles with esbuild's keepNames, which wraps functions passed to evaluate in __name.
  await page.addInitScript("globalThis.__name = (f) => f;");
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => "vegaEmbed" in globalThis);
  return {
    async png(spec) {
      await page.evaluate(async (value) => {
        // biome-ignore lint/suspicious/noExplicitAny: the page's globals are untyped here
        const g = globalThis as any;
        g.__picture?.finalize();
        const result = await g.vegaEmbed("#view", value, { actions: false, renderer: "canvas" });
        g.__picture = result.view;
      }, spec);
      return page.locator("#view").screenshot();
    },
    close: () => browser.close(),
  };
}
