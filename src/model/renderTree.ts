import { booleanOption, ownOptions, stringOption } from "../_lib/options.js";
import { printFormula } from "../formula/printFormula.js";
import { checkDigits, formatAmount } from "../numbers/formatAmount.js";
import { formatPercent } from "../numbers/formatPercent.js";
import { displayWidth } from "./_lib/width.js";
import { type ExplainNode, explain } from "./explain.js";
import type { Model, ModelInputs } from "./types.js";

/** Options of {@link renderTree}. */
export interface RenderTreeOptions {
  /** The top node; by default the model's only root. */
  readonly root?: string;
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
 * followed by the node's unit; a node whose unit is `%` shows a percentage. Columns are aligned
 * for Chinese text (wide characters count as two columns).
 *
 * @param model - A model from {@link defineModel}.
 * @param inputs - A value for every input, as for {@link evaluate}.
 * @param options - Root, digits, symbols, whether to show formulas, the share label.
 * @returns The tree as text, lines separated by `\n`.
 * @throws {TargetreeError} The errors of {@link explain}; `INVALID_ARGUMENT` for bad options.
 *
 * @example
 * const text = renderTree(revenueModel(), { newCustomers: 600, conversion: "25%", newAov: 8000, returningCustomers: 1500, repurchase: "40%", returningAov: 6000 });
 * text.split("\n")[0] //=> "营业收入 (revenue)                   480万元         = newRevenue + returningRevenue"
 * text.split("\n")[1] //=> "├─ 新客收入 (newRevenue)             120万元  占25%  = newCustomers × conversion × newAov"
 * text.split("\n")[2] //=> "│  ├─ 新客户数 (newCustomers)          600人"
 */
export function renderTree<Inputs extends ModelInputs<Inputs>>(
  model: Model,
  inputs: Inputs,
  options: RenderTreeOptions = {},
): string {
  // Own properties only: a name planted on Object.prototype is never an option.
  const settings = ownOptions(options, ["options"]);
  const digits = checkDigits(settings.digits, 2);
  const symbols = stringOption(settings.symbols, "math", ["options", "symbols"], ["math", "ascii"]);
  const showFormulas = booleanOption(settings.formulas, true, ["options", "formulas"]);
  const shareLabel = stringOption(settings.shareLabel, "占", ["options", "shareLabel"]);
  const tree = explain(model, inputs, settings.root as string | undefined);

  interface Line {
    readonly title: string;
    readonly value: string;
    readonly share: string;
    readonly formula: string;
  }
  const lines: Line[] = [];
  // Pre-order, iteratively: [node, prefix of its line, prefix of its children's lines].
  const stack: [ExplainNode, string, string][] = [[tree, "", ""]];
  while (stack.length > 0) {
    const [node, prefix, childPrefix] = stack.pop()!;
    const named =
      node.label === null || node.label === node.name ? node.name : `${node.label} (${node.name})`;
    const value =
      node.unit === "%"
        ? formatPercent(node.value, { digits })
        : `${formatAmount(node.value, { digits })}${node.unit ?? ""}`;
    const ast = model.nodes[node.name]!.ast;
    lines.push({
      title: `${prefix}${named}${node.repeated ? " ↑" : ""}`,
      value,
      share: node.share === null ? "" : `${shareLabel}${formatPercent(node.share, { digits })}`,
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
