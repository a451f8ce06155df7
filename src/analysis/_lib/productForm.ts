// Recognises an output that is a pure product C · Π xᵢ^eᵢ of inputs (for LMDI), through formula nodes.
import { Decimal, ONE } from "../../_lib/decimal.js";
import type { FormulaNode } from "../../formula/ast.js";
import { shortName } from "../../formula/internal.js";
import { type FormulaGraph, formulaNodesUnder } from "./graph.js";

export interface ProductForm {
  /** The constant factor C (> 0). */
  readonly constant: Decimal;
  /** Each input's exponent eᵢ (inputs with exponent 0 are absent). */
  readonly exponents: ReadonlyMap<string, Decimal>;
}

export type ProductFormResult =
  | { readonly ok: true; readonly form: ProductForm }
  | { readonly ok: false; readonly reason: string };

/** A literal exponent (`2`, `-1`, `0.5`), or null. */
function literal(node: FormulaNode): Decimal | null {
  if (node.kind === "number") return node.value;
  if (node.kind === "unary" && node.operand.kind === "number") {
    return node.op === "-" ? node.operand.value.neg() : node.operand.value;
  }
  return null;
}

/**
 * The output as C · Π xᵢ^eᵢ with C > 0, built from `×`, `÷`, `^` with a literal exponent, positive
 * literals and formula nodes of the same shape; or the reason it is not one.
 */
export function productForm(graph: FormulaGraph, output: string): ProductFormResult {
  const forms = new Map<string, ProductForm>();
  const ofAst = (node: FormulaNode, where: string): ProductFormResult => {
    switch (node.kind) {
      case "number":
        return node.value.isPositive() && !node.value.isZero()
          ? { ok: true, form: { constant: node.value, exponents: new Map() } }
          : { ok: false, reason: `${where} multiplies by 0` };
      case "name": {
        const known = forms.get(node.name);
        if (known !== undefined) return { ok: true, form: known };
        return { ok: true, form: { constant: ONE, exponents: new Map([[node.name, ONE]]) } };
      }
      case "unary":
        return node.op === "+"
          ? ofAst(node.operand, where)
          : {
              ok: false,
              reason: `${where} negates a term (unary minus), so it is not a product of positive factors`,
            };
      case "product": {
        let result = ofAst(node.first, where);
        for (const link of node.rest) {
          if (!result.ok) return result;
          const part = ofAst(link.operand, where);
          if (!part.ok) return part;
          result = {
            ok: true,
            form: combine(result.form, part.form, link.op === "/" ? ONE.neg() : ONE),
          };
        }
        return result;
      }
      case "power": {
        const exponent = literal(node.exponent);
        if (exponent === null) {
          return { ok: false, reason: `${where} raises to a power that is not a plain number` };
        }
        const base = ofAst(node.base, where);
        if (!base.ok) return base;
        return {
          ok: true,
          form: combine({ constant: ONE, exponents: new Map() }, base.form, exponent),
        };
      }
      case "sum":
        return {
          ok: false,
          reason: `${where} adds or subtracts terms, so it is not a pure product`,
        };
      case "call":
        return { ok: false, reason: `${where} calls ${node.name}(), so it is not a pure product` };
      default:
        return { ok: false, reason: `${where} is a condition, not a product` };
    }
  };
  for (const name of formulaNodesUnder(graph, output)) {
    const result = ofAst(graph.formulas.get(name)!, `the formula of ${shortName(name)}`);
    if (!result.ok) return result;
    forms.set(name, result.form);
  }
  const top = forms.get(output);
  return top === undefined
    ? { ok: true, form: { constant: ONE, exponents: new Map([[output, ONE]]) } }
    : { ok: true, form: top };
}

/** a · b^power as a product form. */
function combine(a: ProductForm, b: ProductForm, power: Decimal): ProductForm {
  const exponents = new Map(a.exponents);
  for (const [name, exponent] of b.exponents) {
    const sum = (exponents.get(name) ?? new Decimal(0)).plus(exponent.times(power));
    if (sum.isZero()) exponents.delete(name);
    else exponents.set(name, sum);
  }
  return { constant: a.constant.times(b.constant.pow(power)), exponents };
}
