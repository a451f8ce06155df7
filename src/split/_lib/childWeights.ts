import { Decimal } from "../../_lib/decimal.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { TargetreeError } from "../../_lib/errors.js";
import { showValue } from "../../_lib/exact/index.js";
import { own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import { completeShares, readRemainderName } from "./shares.js";
import { showPath } from "./tree.js";

/** The weight of each child of a cascade node under its rule, the remainder child included. */
export interface ChildWeights {
  /** Checked weights, as given (numbers, numeric text or Decimals), so numbers stay on the fast path. */
  readonly weights: readonly Numeric[];
  /** The children's names, with the remainder child appended when it was created. */
  readonly names: readonly string[];
  readonly children: readonly Readonly<Record<string, unknown>>[];
}

export interface ChildWeightsInput {
  readonly rule: "weights" | "shares" | "even";
  readonly node: Readonly<Record<string, unknown>>;
  readonly level: Readonly<Record<string, unknown>> | undefined;
  readonly depth: number;
  readonly names: readonly string[];
  readonly children: readonly Readonly<Record<string, unknown>>[];
  /** The node's path by names, for messages. */
  readonly path: readonly string[];
  /** The node's path in the caller's input, for errors. */
  readonly inputPath: ErrorPath;
  readonly defaultRemainder: string;
}

/**
 * Reads the children's weights by the node's rule. Under `"shares"` the shares are
 * completed to 100%: a child named like the remainder (without a share) takes the
 * rest, or a new leaf child is appended for it. A held child needs no weight or share.
 */
export function childWeights(input: ChildWeightsInput): ChildWeights {
  const { rule, node, level, depth, names, children, path, inputPath } = input;
  const childrenPath: ErrorPath = [...inputPath, "children"];
  const childPath = (i: number, key: string): ErrorPath => [...childrenPath, i, key];
  const held = (i: number): boolean => own(children[i]!, "hold") !== undefined;
  if (rule === "even") return { weights: children.map(() => 1), names, children };
  if (rule === "weights") {
    // The weights are checked here (with their node's path) and passed on as given, so plain numbers
    // take the split's integer fast path.
    const weights = children.map((child, i): Numeric => {
      const weight = own(child, "weight");
      if (weight === undefined) {
        if (held(i)) return 0;
        throw new TargetreeError(
          "INVALID_ARGUMENT",
          `${JSON.stringify(names[i])} has no weight, but ${showPath(path)} splits by weights.`,
          { path: childPath(i, "weight") },
        );
      }
      if (typeof weight === "number" && weight >= 0 && weight <= Number.MAX_VALUE) return weight;
      const decimal = toDecimal(weight as Numeric, childPath(i, "weight"));
      if (decimal.isNegative() && !decimal.isZero()) {
        throw new TargetreeError(
          "NEGATIVE_WEIGHT",
          `Weights must be zero or positive, got ${showValue(decimal)}.`,
          { path: childPath(i, "weight") },
        );
      }
      return typeof weight === "string" ? weight : decimal;
    });
    return { weights, names, children };
  }
  const remainder =
    own(node, "remainder") !== undefined
      ? readRemainderName(own(node, "remainder"), [...inputPath, "remainder"])
      : level && own(level, "remainder") !== undefined
        ? readRemainderName(own(level, "remainder"), ["options", "levels", depth, "remainder"])
        : input.defaultRemainder;
  const remainderAt = names.findIndex(
    (name, i) =>
      name.normalize("NFC") === remainder.normalize("NFC") &&
      own(children[i]!, "share") === undefined,
  );
  const shareKeys: string[] = [];
  const shareValues: Decimal[] = [];
  const sharePositions: number[] = [];
  children.forEach((child, i) => {
    if (i === remainderAt) return;
    const share = own(child, "share");
    if (share === undefined) {
      if (held(i)) return;
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `${JSON.stringify(names[i])} has no share, but ${showPath(path)} splits by shares; give it a share, a hold, or name it ${JSON.stringify(remainder)} to take the remainder.`,
        { path: childPath(i, "share") },
      );
    }
    shareKeys.push(names[i]!);
    shareValues.push(toDecimal(share as Numeric, childPath(i, "share")));
    sharePositions.push(i);
  });
  const completed = completeShares(shareKeys, shareValues, remainder, remainderAt >= 0, {
    share: (k) => childPath(sharePositions[k]!, "share"),
    remainder: [...inputPath, "remainder"],
    all: childrenPath,
  });
  const weights = children.map(() => new Decimal(0));
  sharePositions.forEach((i, k) => {
    weights[i] = completed.shares[k]!;
  });
  if (!completed.remainderAdded) return { weights, names, children };
  const rest = completed.shares[completed.shares.length - 1]!;
  if (remainderAt >= 0) {
    weights[remainderAt] = rest;
    return { weights, names, children };
  }
  return {
    weights: [...weights, rest],
    names: [...names, remainder],
    children: [...children, { name: remainder }],
  };
}
