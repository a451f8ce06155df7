// Builds the ESM bundle (as dist/index.js is built), loads it in headless Chromium and checks real results there.
// Chromium comes from Debian (`apt-get install chromium`, done by .ci/run). Without it the suite
// skips with a loud message instead of failing, so a laptop without Chromium can still run `npm test`.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDist } from "../_support/buildDist.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(executablePath);
if (!haveChromium) {
  console.warn(
    `\n*** BROWSER TEST SKIPPED: no Chromium at ${executablePath}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH. ***\n`,
  );
}

const ORIGIN = "http://targetree.test";
// The page loads the bundle as a real ES module and hands it to the test through `window`.
const PAGE = `<!doctype html><title>targetree</title>
<script type="module">
  import * as targetree from "/targetree.js";
  window.targetree = targetree;
</script>`;

describe.skipIf(!haveChromium)("the built ESM bundle in headless Chromium", () => {
  let browser: Browser;
  let bundle: string;
  let outDir = "";

  beforeAll(async () => {
    outDir = buildDist();
    // The browser cannot resolve bare imports (decimal.js, date-fns): bundle them in.
    const output = await build({
      entryPoints: [join(outDir, "index.js")],
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    bundle = output.outputFiles[0]!.text;
    browser = await chromium.launch({
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
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it("evaluates a model and runs an allocation with exact results", async () => {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const isBundle = route.request().url().endsWith("/targetree.js");
      return route.fulfill({
        contentType: isBundle ? "text/javascript" : "text/html",
        body: isBundle ? bundle : PAGE,
      });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => "targetree" in globalThis);
    const result = await page.evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: the page's module namespace is untyped here
      const t = (globalThis as any).targetree;
      const values = t.evaluate(t.revenueModel(), {
        newCustomers: 600,
        conversion: "25%",
        newAov: 8000,
        returningCustomers: 1500,
        repurchase: "40%",
        returningAov: 6000,
      });
      const parts = t.allocate("100", [3, 3, 4], { unit: 1 });
      let errorCode = "";
      try {
        t.parseAmount("abc");
      } catch (error) {
        errorCode = (error as { code: string }).code;
      }
      return {
        revenue: values.revenue.toString(),
        formatted: t.formatAmount(values.revenue),
        parts: parts.map((p: { toString(): string }) => p.toString()),
        errorCode,
        userAgent: (globalThis as unknown as { navigator: { userAgent: string } }).navigator
          .userAgent,
      };
    });
    expect(result.userAgent).toContain("Chrome");
    expect(result.revenue).toBe("4800000");
    expect(result.formatted).toBe("480万");
    expect(result.parts).toEqual(["30", "30", "40"]);
    expect(result.errorCode).toBe("INVALID_NUMBER");
    await page.close();
  });
});
