import type * as z from "zod/mini";
import type { Decimal } from "../_lib/decimal.js";
import type { TargetreeErrorCode } from "../_lib/errors.js";
import { describeValue } from "../_lib/errors.js";
import { parseAmount } from "../numbers/parseAmount.js";
import { toDecimal } from "../numbers/toDecimal.js";
import { customSchema, reportProblem } from "./_lib/custom.js";
import { runCore } from "./_lib/issues.js";
import { AMOUNT_PATTERN, NON_NEGATIVE_AMOUNT_PATTERN } from "./_lib/patterns.js";
import { shielded } from "./_lib/shield.js";

/** A number as JSON holds it: a finite number, or a numeric string such as `"50万"` or `"25%"`. */
export type JsonNumeric = number | string;

/** @internal Values a numeric schema refuses beyond the non-numbers: negative, or not positive. */
export interface SignRule {
  readonly sign: "non-negative" | "positive";
  readonly code: TargetreeErrorCode;
  readonly message: string;
}

/** @internal A numeric schema, optionally refusing negative (or zero) values with the given code. */
/* @__NO_SIDE_EFFECTS__ */
export function numeric(rule: SignRule | null): z.ZodMiniType<JsonNumeric> {
  return customSchema<JsonNumeric>(
    (value, report) => {
      const checkSign = (amount: Decimal | undefined): void => {
        if (rule === null || amount === undefined) return;
        const negative = amount.isNegative() && !amount.isZero();
        if (negative || (rule.sign === "positive" && amount.isZero())) {
          reportProblem(report, { message: rule.message, code: rule.code }, value);
        }
      };
      if (typeof value === "number") {
        if (!Number.isFinite(value)) {
          reportProblem(
            report,
            {
              message: `Expected a finite number, got ${describeValue(value)}.`,
              code: "INVALID_NUMBER",
            },
            value,
          );
        } else checkSign(toDecimal(value));
        return value;
      }
      if (typeof value === "string") {
        checkSign(runCore(() => parseAmount(value), value, report));
        return value;
      }
      reportProblem(
        report,
        value === undefined
          ? { message: 'Missing: expected a number or a numeric string such as "50万" or "25%".' }
          : {
              message: `Expected a number or a numeric string such as "50万" or "25%", got ${describeValue(value)}.`,
              code: "INVALID_NUMBER",
            },
        value,
      );
      return value as JsonNumeric;
    },
    () => ({
      anyOf: [
        rule === null
          ? { type: "number" }
          : rule.sign === "positive"
            ? { type: "number", exclusiveMinimum: 0 }
            : { type: "number", minimum: 0 },
        {
          type: "string",
          minLength: 1,
          maxLength: 256,
          pattern: rule === null ? AMOUNT_PATTERN : NON_NEGATIVE_AMOUNT_PATTERN,
        },
      ],
    }),
  );
}

/**
 * A number in a JSON document: a finite number, or a string `parseAmount` reads (`"8000"`,
 * `"1,200.50"`, `"25%"`, `"50万"`, `"1.2亿"`). The output is the value as given.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_NUMBER` for anything else, `NUMBER_TOO_LARGE`
 *   past 100 significant digits or |x| ≥ 1e1000.
 *
 * @example
 * const { validate, numericSchema } = await import("targetree/schema");
 * validate(numericSchema, "1.2亿") //=> "1.2亿"
 * (() => { try { validate(numericSchema, "1.2.3") } catch (e) { return e.code } })() //=> "INVALID_NUMBER"
 */
export const numericSchema: z.ZodMiniType<JsonNumeric> = /* @__PURE__ */ shielded(() =>
  numeric(null),
);

/**
 * A number that must not be negative (`0`, `"40%"`, `"50万"`); otherwise as {@link numericSchema}.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_ARGUMENT` for a negative value, and the
 *   codes of {@link numericSchema}.
 *
 * @example
 * const { validate, nonNegativeNumericSchema } = await import("targetree/schema");
 * validate(nonNegativeNumericSchema, "40%") //=> "40%"
 * (() => { try { validate(nonNegativeNumericSchema, -1) } catch (e) { return e.code } })() //=> "INVALID_ARGUMENT"
 */
export const nonNegativeNumericSchema: z.ZodMiniType<JsonNumeric> = /* @__PURE__ */ shielded(() =>
  numeric({
    sign: "non-negative",
    code: "INVALID_ARGUMENT",
    message: "Expected a value ≥ 0.",
  }),
);
