// The work budget of one public call. A formula's cost is bounded per formula (limits.ts), but one
// call may evaluate many formulas many times (every node, every rule, Shapley's 2^n coalitions, a
// solver's probes), so each call also gets a budget of work units, counted across every evaluation
// it makes. The budget is a value made by the call and passed down: no global, no cache.
import { describeValue, type ErrorPath, TargetreeError } from "./errors.js";
import { own } from "./records.js";

/**
 * Work units a call may spend unless its `budget` option says otherwise: about a second of
 * evaluation at 64 digits. A unit is about one addition (2.5 µs): an addition, multiplication,
 * comparison or function call is 1 unit, a division 4, a whole-number power up to 60, a square
 * root 40, a power whose exponent is not a whole-number literal (`x^0.5`, `(1+g)^n`) 400.
 *
 * @example
 * DEFAULT_WORK_BUDGET //=> 400000
 */
export const DEFAULT_WORK_BUDGET = 400_000;

/** The largest `budget` accepted (any safe whole number). */
const MAX_WORK_BUDGET = 2 ** 53 - 1;

/** What drives the cost, for the message when the budget runs out. */
export interface CostDriver {
  /** What the work is, in a clause: "Shapley over 12 changed inputs needs 4,096 model evaluations". */
  readonly what: string;
  /** The input that drives the cost. */
  readonly path: ErrorPath;
  /** Another way out besides a larger budget (", or use method \"lmdi\""), or "". */
  readonly advice?: string;
}

/** One call's budget: the units it may spend and what it has spent. Lives for that call only. */
export interface WorkBudget {
  /** The public function, for messages. */
  readonly call: string;
  readonly limit: number;
  /** Units spent so far; only `spend` changes it. */
  spent: number;
}

/** A budget of `limit` units for one call of `call`. */
export function createBudget(call: string, limit: number = DEFAULT_WORK_BUDGET): WorkBudget {
  return { call, limit, spent: 0 };
}

/** Formats a count with thousands separators: 4096 → "4,096". */
export const countText = (count: number, separator = ","): string =>
  Math.round(count)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/**
 * The `budget` option of a call (a whole number of work units ≥ 1), or the default. Read from a
 * record already checked by readOptions; the error path is `[...path, "budget"]`.
 */
export function readBudget(
  record: Readonly<Record<string, unknown>>,
  call: string,
  path: ErrorPath = ["options"],
): WorkBudget {
  const value = own(record, "budget");
  if (value === undefined) return createBudget(call);
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > MAX_WORK_BUDGET
  ) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `budget must be a whole number of work units from 1 to ${MAX_WORK_BUDGET} (default ${countText(DEFAULT_WORK_BUDGET)}), got ${describeValue(value)}.`,
      { path: [...path, "budget"] },
    );
  }
  return createBudget(call, value);
}

/** `units` rounded up to two significant digits: 821,248 → 830,000. */
function roundUp(units: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(units)) - 1);
  return Math.ceil(units / step) * step;
}

/**
 * The error for a call that needs `needed` units against its budget: all it needs when `known`,
 * else at least that much (then the suggestion is ten times the budget).
 */
function exceeded(
  budget: WorkBudget,
  needed: number,
  driver: CostDriver,
  known: boolean,
): TargetreeError {
  const suggestion = Math.min(
    MAX_WORK_BUDGET,
    known ? roundUp(needed) : roundUp(Math.max(needed, budget.limit * 10)),
  );
  return new TargetreeError(
    "WORK_BUDGET_EXCEEDED",
    `${budget.call}: ${driver.what}: ${known ? "" : "more than "}${countText(needed)} work units in all, over the budget of ${countText(budget.limit)}. Pass { budget: ${countText(suggestion, "_")} } to allow it${driver.advice ?? ""}.`,
    {
      path: driver.path,
      details: { budget: budget.limit, needed, spent: budget.spent },
    },
  );
}

/**
 * Checks, before any work, that `units` more fit the budget, without spending them: a call whose
 * cost is known upfront (Shapley's 2^n evaluations) fails at once. WORK_BUDGET_EXCEEDED otherwise.
 */
export function requireWork(budget: WorkBudget, units: number, driver: () => CostDriver): void {
  if (budget.spent + units > budget.limit) {
    throw exceeded(budget, budget.spent + units, driver(), true);
  }
}

/**
 * Spends `units`; WORK_BUDGET_EXCEEDED, with `driver()` saying why, when they do not fit. `known`:
 * the units spent then are all the call needs (else the message says "more than").
 */
export function spend(
  budget: WorkBudget,
  units: number,
  driver: () => CostDriver,
  known = false,
): void {
  const spent = budget.spent + units;
  if (spent > budget.limit) throw exceeded(budget, spent, driver(), known);
  budget.spent = spent;
}
