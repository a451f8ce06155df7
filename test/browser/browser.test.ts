// Builds the ESM bundle (as dist/index.js is built), loads it in headless Chromium and checks real results there.
// Chromium comes from Debian (`apt-get install chromium`, done by .ci/run). Without it the suite
// skips with a loud message instead of failing, so a laptop without Chromium can still run `npm test`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(executablePath);
if (!haveChromium) {
  console.warn(
    `\n*** BROWSER TEST SKIPPED: no Chromium at ${executablePath}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH. ***\n`,
  );
}

const ORIGIN = "http://targetree.test";

describe.skipIf(!haveChromium)("the built ESM bundle in headless Chromium", () => {
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    // Build afresh with the project's tsup config, so a stale dist/ can never be what is tested.
    const outDir = mkdtempSync(join(tmpdir(), "targetree-browser-"));
    execFileSync("npx", ["tsup", "--no-dts", "--silent", "--out-dir", outDir], { cwd: root, stdio: "ignore" });
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
  });

  it("evaluates a model and runs an allocation with exact results", async () => {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const isBundle = route.request().url().endsWith("/targetree.js");
      return route.fulfill({
        contentType: isBundle ? "text/javascript" : "text/html",
        body: isBundle ? bundle : "<!doctype html><title>targetree</title>",
      });
    });
    await page.goto(`${ORIGIN}/`);
    const result = await page.evaluate(async (url) => {
      const t = await import(url);
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
        userAgent: (globalThis as unknown as { navigator: { userAgent: string } }).navigator.userAgent,
      };
    }, `${ORIGIN}/targetree.js`);
    expect(result.userAgent).toContain("Chrome");
    expect(result.revenue).toBe("4800000");
    expect(result.formatted).toBe("480万");
    expect(result.parts).toEqual(["30", "30", "40"]);
    expect(result.errorCode).toBe("INVALID_NUMBER");
    await page.close();
  });
});
