import * as z from "zod/mini";
import type { Decimal } from "../_lib/decimal.js";
import { ONE, ZERO } from "../_lib/decimal.js";
import { describeValue } from "../_lib/errors.js";
import { showValue } from "../_lib/exact/index.js";
import { MAX_NESTING_DEPTH } from "../_lib/limits.js";
import { toDecimal } from "../numbers/toDecimal.js";
import type { ValueTree } from "../split/breakback.js";
import type { CascadeNode } from "../split/cascade.js";
import { normaliseKey, showPath, UNIT_WORDS } from "../split/internal.js";
import {
  addCheck,
  customSchema,
  depthLimited,
  either,
  keyedRecord,
  parseNested,
  reportProblem,
  withChecks,
} from "./_lib/custom.js";
import type { IssuePath, Report } from "./_lib/issues.js";
import { keyProblem, PART_KEY_RULE } from "./_lib/names.js";
import { KEY_PATTERN } from "./_lib/patterns.js";
import { shielded } from "./_lib/shield.js";
import type { JsonNumeric } from "./numbers.js";
import { numeric, numericSchema } from "./numbers.js";

const weightValue = /* @__PURE__ */ shielded(() =>
  numeric({
    sign: "non-negative",
    code: "NEGATIVE_WEIGHT",
    message:
      "Weights must be zero or positive. To split a negative total, keep the weights positive and make the total negative.",
  }),
);

const shareValue = /* @__PURE__ */ shielded(() =>
  numeric({
    sign: "non-negative",
    code: "NEGATIVE_WEIGHT",
    message: "Shares must be zero or positive.",
  }),
);

const EMPTY_WEIGHTS = "weights is empty: give at least one part to split the total over.";

/**
 * The weights of `allocate`: an array, or a record by part key, of numbers ≥ 0 (`3`, `"2.5"`,
 * `"40%"`), at least one. Record keys keep the caller's order; `__proto__` is an ordinary key.
 *
 * @throws {TargetreeError} (through `validate`) `NEGATIVE_WEIGHT`; `INVALID_NUMBER`;
 *   `DUPLICATE_KEY` for keys equal after NFC; `INVALID_CHARACTER` for invisible characters in
 *   a key; `INVALID_ARGUMENT` for an empty or malformed collection.
 *
 * @example
 * const { validate } = await import("targetree/schema");
 * validate("weights", { 华东: 3, 华南: "2" }) //=> { 华东: 3, 华南: "2" }
 * (() => { try { validate("weights", [1, -2]) } catch (e) { return [e.code, e.path] } })() //=> ["NEGATIVE_WEIGHT", [1]]
 */
export const weightsSchema: z.ZodMiniType<
  readonly JsonNumeric[] | Readonly<Record<string, JsonNumeric>>
> = /* @__PURE__ */ shielded(() =>
  either(
    Array.isArray,
    withChecks(z.array(weightValue), z.minLength(1, { error: EMPTY_WEIGHTS })),
    keyedRecord(weightValue, PART_KEY_RULE, {
      what: "weights by part",
      minEntries: { count: 1, message: EMPTY_WEIGHTS },
    }),
  ),
);

/**
 * The shares of `splitByShares`: a record by part key of shares ≥ 0 (`"40%"` or `0.4`), at
 * least one, together at most 100%.
 *
 * @throws {TargetreeError} (through `validate`) `SHARES_EXCEED_TOTAL`; `NEGATIVE_WEIGHT`;
 *   `INVALID_NUMBER`; `DUPLICATE_KEY`; `INVALID_CHARACTER`; `INVALID_ARGUMENT`.
 *
 * @example
 * const { validate } = await import("targetree/schema");
 * validate("shares", { 粮油: "40%", 日化: 0.3 }) //=> { 粮油: "40%", 日化: 0.3 }
 * (() => { try { validate("shares", { a: "60%", b: "50%" }) } catch (e) { return e.code } })() //=> "SHARES_EXCEED_TOTAL"
 */
export const sharesSchema: z.ZodMiniType<Readonly<Record<string, JsonNumeric>>> =
  /* @__PURE__ */ shielded(() =>
    addCheck(
      keyedRecord(shareValue, PART_KEY_RULE, {
        what: "shares by part",
        minEntries: { count: 1, message: "shares is empty: give at least one part." },
      }),
      (shares, report) => {
        let sum = ZERO;
        for (const key of Object.keys(shares)) sum = sum.plus(toDecimal(shares[key]!));
        if (sum.gt(ONE)) {
          reportProblem(
            report,
            {
              message: `The shares add up to ${showValue(sum.times(100))}%, more than 100%. Shares are fractions of the total: write 40% as "40%" or 0.4.`,
              code: "SHARES_EXCEED_TOTAL",
              details: { sum: sum.toFixed() },
            },
            shares,
          );
        }
      },
    ),
  );

const NODE_NAME_MESSAGE = "Every node below the root needs a name (a non-empty string).";
/* @__NO_SIDE_EFFECTS__ */
function nodeName(): z.ZodMiniString<string> {
  return withChecks(
    z.string({ error: NODE_NAME_MESSAGE }),
    z.minLength(1, { error: NODE_NAME_MESSAGE }),
  );
}

const splitRuleSchema = /* @__PURE__ */ shielded(() => z.enum(["weights", "shares", "even"]));

/** KEY_PATTERN, plus at least one non-space character (a lookahead, valid in JSON Schema's ECMA-262 regexes). */
const NON_BLANK_KEY_PATTERN = `^(?=[\\s\\S]*\\S)${KEY_PATTERN.slice(1)}`;

const remainderSchema = /* @__PURE__ */ shielded(() =>
  customSchema<string>(
    (value, report) => {
      if (typeof value !== "string" || value.trim() === "") {
        reportProblem(
          report,
          {
            message: `The remainder part needs a name (a non-empty string), got ${describeValue(value)}.`,
          },
          value,
        );
      } else {
        const problem = keyProblem(value);
        if (problem !== null) reportProblem(report, problem, value);
      }
      return value as string;
    },
    // Not blank, as `validate` and splitByShares require: at least one non-space character.
    () => ({ type: "string", minLength: 1, pattern: NON_BLANK_KEY_PATTERN }),
  ),
);

const positiveUnit = /* @__PURE__ */ shielded(() =>
  numeric({
    sign: "positive",
    code: "INVALID_ARGUMENT",
    message: 'unit must be a positive step such as "0.01", 1, "万" or "1亿".',
  }),
);

/** A rounding step: a positive amount, or a bare magnitude word (`"万"` means 1万). */
const unitSchema = /* @__PURE__ */ shielded(() =>
  customSchema<JsonNumeric>(
    (value, report) => {
      if ((UNIT_WORDS as readonly unknown[]).includes(value)) return value as string;
      const result = parseNested<JsonNumeric>(positiveUnit, value, [], report);
      return result.ok ? result.value : (value as JsonNumeric);
    },
    (convert) => {
      const { anyOf } = convert(positiveUnit) as { readonly anyOf: readonly unknown[] };
      return { anyOf: [...anyOf, { enum: [...UNIT_WORDS] }] };
    },
  ),
);

const cascadeChildSchema: z.ZodMiniType<CascadeNode> = /* @__PURE__ */ shielded(() =>
  z.strictObject({
    name: nodeName(),
    weight: z.exactOptional(weightValue),
    share: z.exactOptional(shareValue),
    hold: z.exactOptional(numericSchema),
    min: z.exactOptional(numericSchema),
    max: z.exactOptional(numericSchema),
    adjust: z.exactOptional(numericSchema),
    split: z.exactOptional(splitRuleSchema),
    remainder: z.exactOptional(remainderSchema),
    unit: z.exactOptional(unitSchema),
    get children(): z.ZodMiniExactOptional<z.ZodMiniArray<z.ZodMiniType<CascadeNode>>> {
      return z.exactOptional(z.array(cascadeChildSchema));
    },
  }),
);

/* @__NO_SIDE_EFFECTS__ */
function notOnRoot(field: string): z.ZodMiniExactOptional<z.ZodMiniNever> {
  return z.exactOptional(
    z.never({ error: `The root takes the whole total, so it cannot have a ${field}.` }),
  );
}

const cascadeRootSchema = /* @__PURE__ */ shielded(() =>
  z.strictObject({
    name: z.exactOptional(nodeName()),
    weight: notOnRoot("weight"),
    share: notOnRoot("share"),
    hold: notOnRoot("hold"),
    min: notOnRoot("min"),
    max: notOnRoot("max"),
    adjust: notOnRoot("adjust"),
    split: z.exactOptional(splitRuleSchema),
    remainder: z.exactOptional(remainderSchema),
    unit: z.exactOptional(unitSchema),
    children: z.exactOptional(z.array(cascadeChildSchema)),
  }),
);

interface Named {
  readonly name?: string;
  readonly children?: readonly Named[];
}

/** Checks sibling names (invisible characters, duplicates after NFC) down the whole tree. */
function checkSiblings<N extends Named>(
  root: N,
  report: Report,
  each: (child: N, at: IssuePath) => void = () => {},
): void {
  const stack: { node: N; at: IssuePath }[] = [{ node: root, at: [] }];
  while (stack.length > 0) {
    const { node, at } = stack.pop()!;
    const seen = new Map<string, string>();
    (node.children ?? []).forEach((child, i) => {
      const childAt = [...at, "children", i];
      const name = child.name!;
      const problem = keyProblem(name);
      if (problem !== null) {
        reportProblem(report, { ...problem, path: [...childAt, "name"] }, root);
      } else {
        const normal = normaliseKey(name, []);
        const earlier = seen.get(normal);
        if (earlier !== undefined) {
          reportProblem(
            report,
            {
              message: `Two children of ${showPath(namesTo(root, at))} are named ${JSON.stringify(name)}${earlier === name ? "" : " (after Unicode NFC normalisation)"}.`,
              path: [...childAt, "name"],
              code: "DUPLICATE_KEY",
              details: { first: earlier, second: name },
            },
            root,
          );
        } else seen.set(normal, name);
      }
      each(child as N, childAt);
      stack.push({ node: child as N, at: childAt });
    });
  }
}

/** The node names along an issue path such as `["children", 0, "children", 2]`. */
function namesTo(root: Named, at: IssuePath): string[] {
  const names: string[] = [];
  let node: Named | undefined = root;
  for (let i = 1; i < at.length && node !== undefined; i += 2) {
    node = node.children?.[at[i] as number];
    if (node?.name !== undefined) names.push(node.name);
  }
  return names;
}

/**
 * The tree of `cascade`: `{ name?, split?, remainder?, unit?, children? }` at the root, and
 * below it `{ name, weight?, share?, hold?, min?, max?, adjust?, split?, remainder?, unit?,
 * children? }`, no other field. Names are non-empty and unique among siblings (after NFC);
 * weights and shares are ≥ 0; a held node has no adjustment; at most 256 levels. How a node
 * splits may depend on `options.levels`, so rules that need the options or the total (missing
 * weights, shares above 100%, units) are left to `cascade`.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_ARGUMENT`; `NEGATIVE_WEIGHT`;
 *   `DUPLICATE_KEY`; `INVALID_CHARACTER`; `INVALID_NUMBER`.
 *
 * @example
 * const { validate } = await import("targetree/schema");
 * const tree = { name: "全国", children: [{ name: "华东", share: "60%" }, { name: "华南", share: "40%" }] };
 * validate("cascadeTree", tree).children.length //=> 2
 * (() => { try { validate("cascadeTree", { children: [{ name: "华东" }, { weight: 1 }] }) } catch (e) { return e.path } })() //=> ["children", 1, "name"]
 */
export const cascadeTreeSchema: z.ZodMiniType<CascadeNode> = /* @__PURE__ */ shielded(() =>
  depthLimited(
    addCheck(cascadeRootSchema as z.ZodMiniType<CascadeNode>, (root, report) =>
      checkSiblings(root, report, (child, at) => {
        if (child.hold !== undefined && child.adjust !== undefined) {
          reportProblem(
            report,
            {
              message: `${JSON.stringify(child.name)} is held, so it cannot also be adjusted.`,
              path: [...at, "adjust"],
            },
            root,
          );
        }
      }),
    ),
    MAX_NESTING_DEPTH,
    `The tree is deeper than ${MAX_NESTING_DEPTH} levels (or refers to itself).`,
  ),
);

/** A node of a value tree as JSON: a `ValueTree` node that may carry the `path` a `cascade` result has. */
export interface ValueTreeNode extends ValueTree {
  /** Names from the root down (as in a `cascade` result); ignored by `breakback`. */
  readonly path?: readonly string[];
  /** The node's children; absent or empty for a leaf. */
  readonly children?: readonly ValueTreeNode[];
}

const valueChildSchema: z.ZodMiniType<ValueTreeNode> = /* @__PURE__ */ shielded(() =>
  z.strictObject({
    name: nodeName(),
    value: z.exactOptional(numericSchema),
    hold: z.exactOptional(numericSchema),
    min: z.exactOptional(numericSchema),
    max: z.exactOptional(numericSchema),
    path: z.exactOptional(z.array(z.string())),
    get children(): z.ZodMiniExactOptional<z.ZodMiniArray<z.ZodMiniType<ValueTreeNode>>> {
      return z.exactOptional(z.array(valueChildSchema));
    },
  }),
);

const valueRootSchema: z.ZodMiniType<ValueTreeNode> = /* @__PURE__ */ shielded(() =>
  z.strictObject({
    name: z.exactOptional(nodeName()),
    value: z.exactOptional(numericSchema),
    hold: z.exactOptional(numericSchema),
    min: z.exactOptional(numericSchema),
    max: z.exactOptional(numericSchema),
    path: z.exactOptional(z.array(z.string())),
    children: z.exactOptional(z.array(valueChildSchema)),
  }),
);

/** The value of a subtree (reporting leaves without a value, inner values and holds that disagree). */
function subtreeValue(
  node: ValueTreeNode,
  at: IssuePath,
  names: readonly string[],
  root: ValueTreeNode,
  report: Report,
): Decimal | null {
  const children = node.children ?? [];
  const hold = node.hold === undefined ? null : toDecimal(node.hold);
  const stated = node.value === undefined ? null : toDecimal(node.value);
  let value: Decimal | null;
  if (children.length === 0) {
    if (stated === null && hold === null) {
      reportProblem(
        report,
        { message: `The leaf ${showPath(names)} has no value.`, path: [...at, "value"] },
        root,
      );
    }
    value = stated ?? hold;
  } else {
    let sum: Decimal | null = ZERO;
    children.forEach((child, i) => {
      const childValue = subtreeValue(
        child,
        [...at, "children", i],
        [...names, child.name!],
        root,
        report,
      );
      sum = sum === null || childValue === null ? null : sum.plus(childValue);
    });
    if (stated !== null && sum !== null && !stated.eq(sum)) {
      reportProblem(
        report,
        {
          message: `${showPath(names)} says ${showValue(stated)} but its children add up to ${showValue(sum)}; fix the tree or leave the inner value out.`,
          path: [...at, "value"],
          details: { stated: stated.toFixed(), sum: (sum as Decimal).toFixed() },
        },
        root,
      );
    }
    value = sum;
  }
  if (hold !== null && value !== null && !hold.eq(value)) {
    reportProblem(
      report,
      {
        message: `${showPath(names)} is held at ${showValue(hold)} but its value is ${showValue(value)}; a hold is the node's fixed value, so the two must agree.`,
        path: [...at, "hold"],
        details: { hold: hold.toFixed(), value: value.toFixed() },
      },
      root,
    );
  }
  return value;
}

/**
 * The tree of `breakback`: nodes `{ name, value?, hold?, min?, max?, children?, path? }` (the
 * root's `name` is optional). Leaves need a value (or a hold); an inner node's value may be left
 * out and, when given, must equal the sum of its children; a hold must equal its node's value. A
 * `cascade` result written as JSON, holds and bounds included, is a valid value tree.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_ARGUMENT`; `DUPLICATE_KEY`;
 *   `INVALID_CHARACTER`; `INVALID_NUMBER`.
 *
 * @example
 * const { validate } = await import("targetree/schema");
 * const tree = { name: "华东", children: [{ name: "张三", value: 300 }, { name: "李四", value: "200" }] };
 * validate("valueTree", tree).children.map((node) => node.value) //=> [300, "200"]
 * (() => { try { validate("valueTree", { value: 600, children: [{ name: "a", value: 300 }] }) } catch (e) { return e.path } })() //=> ["value"]
 */
export const valueTreeSchema: z.ZodMiniType<ValueTreeNode> = /* @__PURE__ */ shielded(() =>
  depthLimited(
    addCheck(valueRootSchema, (root, report) => {
      checkSiblings(root, report);
      subtreeValue(root, [], [], root, report);
    }),
    MAX_NESTING_DEPTH,
    `The tree is deeper than ${MAX_NESTING_DEPTH} levels (or refers to itself).`,
  ),
);
