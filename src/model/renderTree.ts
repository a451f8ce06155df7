import { describeValue, TargetreeError } from "../_lib/errors.js";
import { readBoolean, readChoice, readOptions } from "../_lib/options.js";
import { own } from "../_lib/records.js";
import { printFormula } from "../formula/printFormula.js";
import { formatAmount } from "../numbers/formatAmount.js";
import { formatPercent } from "../numbers/formatPercent.js";
import { displayWidth } from "./_lib/width.js";
import { type ExplainNode, explain } from "./explain.js";
import type { InputsOf, Model, ModelInputs, NodeName } from "./types.js";

const OPTION_KEYS = ["root", "digits", "symbols", "formulas", "shareLabel"] as const;

/** Options of {@link renderTree}; `Name` is the model's node names when they are known. */
export interface RenderTreeOptions<Name extends string = string> {
  /** The top node; by default the model's only root. */
  readonly root?: Name;
  /** Most fraction digits of values and shares. Default 2. */
  readonly digits?: number;
  /** Operator symbols of the formulas: `"math"` (default: `× ÷ ≤ ≥ ≠`) or `"ascii"`. */
  readonly symbols?: "math" | "ascii";
  /** Show each formula after its value. Default true. */
  readonly formulas?: boolean;
  /** Written before a share of the parent. Default `"占"` (占 25% = 25% of the parent). */
  readonly shareLabel?: string;
}

/**
 * Renders a model's values as an indented text tree (box-drawing lines), one node per line:
 * label (name), value, share of the parent, and formula. Values use {@link formatAmount} (万/亿)
 * followed by the node's unit label; a node whose unit label is `%` shows a percentage. Columns are
 * aligned for Chinese text (wide characters count as two columns). A share is shown where the
 * parent is a sum of its children (see {@link ExplainNode}'s `share`), never on an only child,
 * whose "share" of a parent such as `x - 100` would only restate the constant.
 *
 * @param model - A model from {@link defineModel}.
 * @param inputs - A value for every input, as for {@link evaluate}.
 * @param options - `root`, `digits`, `symbols`, `formulas` (whether to show them), `shareLabel`.
 * @returns The tree as text, lines separated by `\n`.
 * @throws {TargetreeError} The errors of {@link explain}; `UNKNOWN_OPTION` for an unknown option
 *   (naming the nearest known one); `INVALID_ARGUMENT` for a bad option value.
 *
 * @example
 * const text = renderTree(revenueModel(), { newCustomers: 600, conversion: "25%", newAov: 8000, returningCustomers: 1500, repurchase: "40%", returningAov: 6000 });
 * text.split("\n")[0] //=> "营业收入 (revenue)                   480万元         = newRevenue + returningRevenue"
 * text.split("\n")[1] //=> "├─ 新客收入 (newRevenue)             120万元  占25%  = newCustomers × conversion × newAov"
 * text.split("\n")[2] //=> "│  ├─ 新客户数 (newCustomers)          600人"
 */
export function renderTree<M extends Model, Inputs extends InputsOf<M, Inputs>>(
  model: M,
  inputs: Inputs,
  options?: RenderTreeOptions<NodeName<M>>,
): string {
  // Own properties only: a name planted on Object.prototype is never an option.
  const settings = readOptions(options, OPTION_KEYS);
  const digits = readDigits(settings);
  const symbols = readChoice(settings, "symbols", ["math", "ascii"], "math", ["options"]);
  const showFormulas = readBoolean(settings, "formulas", true, ["options"]);
  const shareLabel = readText(settings, "shareLabel", "占");
  const tree = explain(model as Model, inputs as ModelInputs, own(settings, "root") as string);

  interface Line {
    readonly title: string;
    readonly value: string;
    readonly share: string;
    readonly formula: string;
  }
  const lines: Line[] = [];
  // Pre-order, iteratively: [node, prefix of its line, prefix of its children's lines].
  const stack: [ExplainNode, string, string, boolean][] = [[tree, "", "", false]];
  while (stack.length > 0) {
    const [node, prefix, childPrefix, onlyChild] = stack.pop()!;
    const named =
      node.label === null || node.label === node.name ? node.name : `${node.label} (${node.name})`;
    const value =
      node.unitLabel === "%"
        ? formatPercent(node.value, { digits })
        : `${formatAmount(node.value, { digits })}${node.unitLabel ?? ""}`;
    const ast = model.nodes[node.name]!.ast;
    lines.push({
      title: `${prefix}${named}${node.repeated ? " ↑" : ""}`,
      value,
      share:
        node.share === null || onlyChild
          ? ""
          : `${shareLabel}${formatPercent(node.share, { digits })}`,
      formula:
        showFormulas && ast !== null && !node.repeated ? `= ${printFormula(ast, { symbols })}` : "",
    });
    node.children.forEach((_, index) => {
      const child = node.children[node.children.length - 1 - index]!;
      const last = index === 0;
      stack.push([
        child,
        `${childPrefix}${last ? "└─ " : "├─ "}`,
        `${childPrefix}${last ? "   " : "│  "}`,
        node.children.length === 1,
      ]);
    });
  }
  const width = (pick: (line: Line) => string): number =>
    Math.max(0, ...lines.map((line) => displayWidth(pick(line))));
  const titleWidth = width((line) => line.title);
  const valueWidth = width((line) => line.value);
  const shareWidth = width((line) => line.share);
  const pad = (text: string, size: number, right: boolean): string => {
    const fill = " ".repeat(Math.max(0, size - displayWidth(text)));
    return right ? fill + text : text + fill;
  };
  return lines
    .map((line) =>
      [
        pad(line.title, titleWidth, false),
        pad(line.value, valueWidth, true),
        ...(shareWidth > 0 ? [pad(line.share, shareWidth, false)] : []),
        line.formula,
      ]
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** An optional text option: absent gives the fallback, anything but a string is `INVALID_ARGUMENT`. */
function readText(
  settings: Readonly<Record<string, unknown>>,
  key: string,
  fallback: string,
): string {
  const value = own(settings, key);
  if (value === undefined) return fallback;
  if (typeof value !== "string") {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `${key} must be a string, got ${describeValue(value)}.`,
      { path: ["options", key] },
    );
  }
  return value;
}

/** `digits`: a whole number from 0 to 20, default 2. */
function readDigits(settings: Readonly<Record<string, unknown>>): number {
  const value = own(settings, "digits");
  if (value === undefined) return 2;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 20) {
    throw new TargetreeError(
      "INVALID_ARGUMENT",
      `digits must be a whole number from 0 to 20, got ${describeValue(value)}.`,
      { path: ["options", "digits"] },
    );
  }
  return value;
}
