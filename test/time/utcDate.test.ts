import { describe, expect, it } from "vitest";
import { UtcDate } from "../../src/time/_lib/utcDate.js";

/** Runs `run` with the process in another time zone (Node applies a changed TZ at once). */
function inZone<T>(zone: string, run: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

// 2026-06-15 23:20:30.400 UTC is already 16 June in Kiritimati (UTC+14).
const instant = Date.UTC(2026, 5, 15, 23, 20, 30, 400);
const zone = "Pacific/Kiritimati";

// A changed TZ takes effect in a process's main thread only; in a worker thread (Stryker runs the
// tests in threads) local time stays UTC, and these tests could not tell UTC from local fields.
const zoneSwitches = inZone(zone, () => new Date(instant).getDate() === 16);
if (!zoneSwitches) {
  console.warn(
    `utcDate.test.ts: TZ=${zone} has no effect in this thread; skipping the zone tests.`,
  );
}

describe.skipIf(!zoneSwitches)("UtcDate: local-time accessors that read and write UTC", () => {
  it("reads every field in UTC, with no offset, wherever the machine is", () => {
    inZone(zone, () => {
      expect(new Date(instant).getDate()).toBe(16); // the zone is in effect
      const date = new UtcDate(instant);
      expect([
        date.getFullYear(),
        date.getMonth(),
        date.getDate(),
        date.getDay(),
        date.getHours(),
        date.getMinutes(),
        date.getSeconds(),
        date.getMilliseconds(),
        date.getTimezoneOffset(),
      ]).toEqual([2026, 5, 15, 1, 23, 20, 30, 400, 0]);
    });
  });

  it("writes every field in UTC and returns the new time", () => {
    inZone(zone, () => {
      const date = new UtcDate(instant);
      expect(date.setFullYear(2027, 0, 31)).toBe(Date.UTC(2027, 0, 31, 23, 20, 30, 400));
      expect(date.setMonth(1, 28)).toBe(Date.UTC(2027, 1, 28, 23, 20, 30, 400));
      expect(date.setDate(3)).toBe(Date.UTC(2027, 1, 3, 23, 20, 30, 400));
      expect(date.setHours(1, 2, 3, 4)).toBe(Date.UTC(2027, 1, 3, 1, 2, 3, 4));
      expect(date.setMinutes(59)).toBe(Date.UTC(2027, 1, 3, 1, 59, 3, 4));
      expect(date.setSeconds(58)).toBe(Date.UTC(2027, 1, 3, 1, 59, 58, 4));
      expect(date.setMilliseconds(999)).toBe(Date.UTC(2027, 1, 3, 1, 59, 58, 999));
      expect(date.toISOString()).toBe("2027-02-03T01:59:58.999Z");
    });
  });
});
