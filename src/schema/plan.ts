import * as z from "zod/mini";
import { describeValue } from "../_lib/errors.js";
import type { BonusTier } from "../activity/tieredBonus.js";
import { tieredBonus } from "../activity/tieredBonus.js";
import type { CadencePeriod, CustomCadence, VisitCadence } from "../activity/visitPlan.js";
import {
  addCheck,
  customSchema,
  either,
  keyedRecord,
  reportProblem,
  withChecks,
  withErrorDefaults,
} from "./_lib/custom.js";
import { dropPrefix, runCore } from "./_lib/issues.js";
import { PART_KEY_RULE } from "./_lib/names.js";
import { shielded } from "./_lib/shield.js";
import { numeric, numericSchema } from "./numbers.js";

const tierAmount = /* @__PURE__ */ shielded(() =>
  numeric({
    sign: "non-negative",
    code: "INVALID_TIERS",
    message: "A tier's rate and fixed amount must not be negative.",
  }),
);

/**
 * The tiers of `tieredBonus`: at least one `{ from, rate?, fixed? }`, no other field, `from`
 * strictly ascending, each with a `rate`, a `fixed` amount or both (neither negative).
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_TIERS`; `INVALID_NUMBER`.
 *
 * @example
 * const { validate } = await import("targetree/schema");
 * validate("bonusTiers", [{ from: "5万", rate: "3%" }, { from: "10万", rate: "5%" }]).length //=> 2
 * (() => { try { validate("bonusTiers", [{ from: "10万", rate: "5%" }, { from: "5万", rate: "3%" }]) } catch (e) { return [e.code, e.path] } })() //=> ["INVALID_TIERS", [1, "from"]]
 */
export const bonusTiersSchema: z.ZodMiniType<BonusTier[]> = /* @__PURE__ */ shielded(() =>
  withErrorDefaults(
    addCheck(
      withChecks(
        z.array(
          z.strictObject({
            from: numericSchema,
            rate: z.exactOptional(tierAmount),
            fixed: z.exactOptional(tierAmount),
          }),
        ),
        z.minLength(1, { error: "tiers must be a non-empty array of { from, rate?, fixed? }." }),
      ),
      (tiers, report) => {
        runCore(() => tieredBonus(0, tiers), tiers, report, dropPrefix(["tiers"]));
      },
    ),
    { code: "INVALID_TIERS", details: {} },
  ),
);

/** Named cadences, as `visitPlan` reads them (English without regard to letter case). */
const NAMED_CADENCES: readonly string[] = [
  "daily",
  "weekly",
  "biweekly",
  "fortnightly",
  "monthly",
  "每天",
  "每周",
  "每两周",
  "每月",
];

/** `weekly` → `[Ww][Ee][Ee][Kk][Ll][Yy]`, for a case-insensitive JSON Schema pattern. */
function anyCase(word: string): string {
  return [...word]
    .map((char) =>
      char.toLowerCase() === char.toUpperCase() ? char : `[${char.toUpperCase()}${char}]`,
    )
    .join("");
}

const namedCadenceSchema = /* @__PURE__ */ shielded(() =>
  customSchema<VisitCadence>(
    (value, report) => {
      const text = typeof value === "string" ? value.trim() : null;
      if (text === null || !NAMED_CADENCES.includes(text.toLowerCase())) {
        reportProblem(
          report,
          {
            message: `Unknown cadence ${describeValue(value)}: use "daily", "weekly", "biweekly", "monthly" (or 每天, 每周, 每两周, 每月), or { visits, every, per: "workingDay" | "week" | "month" }.`,
            code: "UNKNOWN_CADENCE",
          },
          value,
        );
      }
      return value as VisitCadence;
    },
    () => ({
      type: "string",
      pattern: `^\\s*(?:${NAMED_CADENCES.map(anyCase).join("|")})\\s*$`,
    }),
  ),
);

/* @__NO_SIDE_EFFECTS__ */
function cycleCount(field: string): z.ZodMiniType<number> {
  return customSchema<number>(
    (value, report) => {
      if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
        reportProblem(
          report,
          { message: `${field} must be a whole number ≥ 1, got ${describeValue(value)}.` },
          value,
        );
      }
      return value as number;
    },
    () => ({ type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  );
}

const PERIODS: readonly CadencePeriod[] = ["workingDay", "week", "month"];

const periodSchema = /* @__PURE__ */ shielded(() =>
  customSchema<CadencePeriod>(
    (value, report) => {
      if (typeof value !== "string" || !(PERIODS as readonly string[]).includes(value)) {
        reportProblem(
          report,
          {
            message: `per must be "workingDay", "week" or "month", got ${describeValue(value)}.`,
            code: "UNKNOWN_CADENCE",
          },
          value,
        );
      }
      return value as CadencePeriod;
    },
    () => ({ enum: [...PERIODS] }),
  ),
);

const customCadenceSchema: z.ZodMiniType<CustomCadence> = /* @__PURE__ */ shielded(() =>
  z.strictObject({
    visits: z.exactOptional(cycleCount("visits")),
    every: z.exactOptional(cycleCount("every")),
    per: periodSchema,
  }),
);

/**
 * The `cadences` of `visitPlan`: customer class → cadence, a name (`"weekly"`, `"biweekly"`,
 * `"fortnightly"`, `"monthly"`, `"daily"`, 每天, 每周, 每两周, 每月; English in any letter case) or
 * `{ visits?, every?, per }` with whole numbers ≥ 1 and `per` `"workingDay"`, `"week"` or `"month"`.
 *
 * @throws {TargetreeError} (through `validate`) `UNKNOWN_CADENCE`; `INVALID_ARGUMENT` for
 *   `visits`/`every` and the shape; `DUPLICATE_KEY`; `INVALID_CHARACTER`.
 *
 * @example
 * const { validate } = await import("targetree/schema");
 * validate("visitCadences", { A: "weekly", key: { visits: 2, per: "week" } }) //=> { A: "weekly", key: { visits: 2, per: "week" } }
 * (() => { try { validate("visitCadences", { A: "hourly" }) } catch (e) { return [e.code, e.path] } })() //=> ["UNKNOWN_CADENCE", ["A"]]
 */
export const visitCadencesSchema: z.ZodMiniType<Readonly<Record<string, VisitCadence>>> =
  /* @__PURE__ */ shielded(() =>
    keyedRecord(
      either(
        (value) => typeof value !== "object" || value === null,
        namedCadenceSchema,
        customCadenceSchema,
      ),
      PART_KEY_RULE,
      { what: "cadences by customer class" },
    ),
  );
