import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const probe = fileURLToPath(new URL("./_tz-probe.ts", import.meta.url));

// Zones chosen to break local-time date code: far east and west of UTC, a zone that
// skipped a whole day (Pacific/Apia, 2011-12-30) and one whose DST starts at midnight.
const zones = [
  "UTC",
  "Asia/Shanghai",
  "America/Los_Angeles",
  "Pacific/Kiritimati",
  "Pacific/Apia",
  "America/Santiago",
];

describe("time results do not depend on the machine's time zone", () => {
  it(`are identical under TZ=${zones.join(", ")}`, async () => {
    // Bundle the probe once (esbuild, as tsx and tsup use), then run plain node per zone.
    const outfile = join(mkdtempSync(join(tmpdir(), "targetree-tz-")), "probe.mjs");
    await build({
      entryPoints: [probe],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "silent",
    });
    const outputs = await Promise.all(
      zones.map(async (zone) => {
        const { stdout } = await run(process.execPath, [outfile], {
          env: { ...process.env, TZ: zone },
        });
        return stdout.trim();
      }),
    );
    const [first, ...rest] = outputs;
    const parsed = JSON.parse(first!) as { workingDays: number[]; days: string[] };
    expect(parsed.workingDays[6]).toBe(248);
    expect(parsed.days).toEqual([
      "2011-12-28 3",
      "2011-12-29 4",
      "2011-12-30 5",
      "2011-12-31 6",
      "2012-01-01 7",
      "2012-01-02 1",
    ]);
    rest.forEach((output, index) => {
      expect(output, zones[index + 1]).toBe(first);
    });
  });
});
