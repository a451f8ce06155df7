// An output as a sum of product terms, Σₖ cₖ · Π xᵢ^eᵢₖ over the inputs (for LMDI), through formula
// nodes: sums are kept term by term, products of sums are multiplied out, like terms are merged.
import { type Decimal, ONE, ZERO } from "../../_lib/decimal.js";
import type { FormulaNode } from "../../formula/ast.js";
import { shortName } from "../../formula/internal.js";
import { type FormulaGraph, formulaNodesUnder } from "./graph.js";

/** One product term: a non-zero coefficient times inputs raised to non-zero exponents. */
export interface ProductTerm {
  readonly coefficient: Decimal;
  /** Each input's exponent in the term, in order of first appearance. */
  readonly exponents: ReadonlyMap<string, Decimal>;
}

export type TermsResult =
  | { readonly ok: true; readonly terms: readonly ProductTerm[] }
  | { readonly ok: false; readonly reason: string };

/** Most terms an expansion may reach (a product of sums multiplies their term counts). */
export const MAX_TERMS = 4096;

type Terms = readonly ProductTerm[];

/** A literal exponent (`2`, `-1`, `0.5`), or null. */
function literal(node: FormulaNode): Decimal | null {
  if (node.kind === "number") return node.value;
  if (node.kind === "unary" && node.operand.kind === "number") {
    return node.op === "-" ? node.operand.value.neg() : node.operand.value;
  }
  return null;
}

const keyOf = (exponents: ReadonlyMap<string, Decimal>): string =>
  [...exponents]
    .map(([name, exponent]) => `${name}\u0000${exponent.toString()}`)
    .sort()
    .join("\u0001");

/** Adds like terms (the same inputs to the same powers) and drops those that cancel. */
function merge(terms: Terms): ProductTerm[] {
  const byKey = new Map<string, ProductTerm>();
  for (const term of terms) {
    const key = keyOf(term.exponents);
    const earlier = byKey.get(key);
    byKey.set(
      key,
      earlier === undefined
        ? term
        : { coefficient: earlier.coefficient.plus(term.coefficient), exponents: earlier.exponents },
    );
  }
  return [...byKey.values()].filter((term) => !term.coefficient.isZero());
}

/** a · b^power for two single terms. */
function multiplyTerm(a: ProductTerm, b: ProductTerm, power: Decimal): ProductTerm {
  const exponents = new Map(a.exponents);
  for (const [name, exponent] of b.exponents) {
    const sum = (exponents.get(name) ?? ZERO).plus(exponent.times(power));
    if (sum.isZero()) exponents.delete(name);
    else exponents.set(name, sum);
  }
  return { coefficient: a.coefficient.times(b.coefficient.pow(power)), exponents };
}

/**
 * The output as a sum of product terms, or the reason it is not one: built from `+ − × ÷`, unary
 * signs, `^` with a literal exponent, number literals and formula nodes of the same shape. A
 * division or a power applies to a single term only (`a / (b + c)` is not a sum of products).
 */
export function productTerms(graph: FormulaGraph, output: string): TermsResult {
  const expanded = new Map<string, Terms>();
  let failure: string | null = null;
  const fail = (reason: string): null => {
    failure ??= reason;
    return null;
  };
  const ofAst = (node: FormulaNode, where: string): Terms | null => {
    switch (node.kind) {
      case "number":
        return merge([{ coefficient: node.value, exponents: new Map() }]);
      case "name":
        return (
          expanded.get(node.name) ?? [{ coefficient: ONE, exponents: new Map([[node.name, ONE]]) }]
        );
      case "unary": {
        const operand = ofAst(node.operand, where);
        if (operand === null || node.op === "+") return operand;
        return operand.map((term) => ({ ...term, coefficient: term.coefficient.neg() }));
      }
      case "sum": {
        const all: ProductTerm[] = [];
        const first = ofAst(node.first, where);
        if (first === null) return null;
        all.push(...first);
        for (const link of node.rest) {
          const part = ofAst(link.operand, where);
          if (part === null) return null;
          for (const term of part) {
            all.push(link.op === "-" ? { ...term, coefficient: term.coefficient.neg() } : term);
          }
        }
        return merge(all);
      }
      case "product": {
        let result = ofAst(node.first, where);
        for (const link of node.rest) {
          if (result === null) return null;
          const part = ofAst(link.operand, where);
          if (part === null) return null;
          if (link.op === "/") {
            if (part.length !== 1) {
              return fail(
                part.length === 0
                  ? `${where} divides by 0`
                  : `${where} divides by a sum, so it is not a sum of products`,
              );
            }
            result = merge(result.map((term) => multiplyTerm(term, part[0]!, ONE.neg())));
            continue;
          }
          if (result.length * part.length > MAX_TERMS) {
            return fail(`${where} multiplies out into more than ${MAX_TERMS} terms`);
          }
          const product: ProductTerm[] = [];
          for (const a of result) for (const b of part) product.push(multiplyTerm(a, b, ONE));
          result = merge(product);
        }
        return result;
      }
      case "power": {
        const exponent = literal(node.exponent);
        if (exponent === null) {
          return fail(`${where} raises to a power that is not a plain number`);
        }
        const base = ofAst(node.base, where);
        if (base === null) return null;
        if (base.length === 0) {
          return exponent.isPositive() && !exponent.isZero()
            ? []
            : fail(`${where} raises 0 to a power that is not positive`);
        }
        if (base.length > 1) {
          return fail(`${where} raises a sum to a power, so it is not a sum of products`);
        }
        const term = base[0]!;
        if (term.coefficient.isNegative() && !exponent.isInteger()) {
          return fail(`${where} raises a negative constant to a fractional power`);
        }
        return merge([multiplyTerm({ coefficient: ONE, exponents: new Map() }, term, exponent)]);
      }
      case "call":
        return fail(`${where} calls ${node.name}(), so it is not a sum of products`);
      default:
        return fail(`${where} is a condition, not a sum of products`);
    }
  };
  for (const name of formulaNodesUnder(graph, output)) {
    const terms = ofAst(graph.formulas.get(name)!, `the formula of ${shortName(name)}`);
    if (terms === null) return { ok: false, reason: failure! };
    expanded.set(name, terms);
  }
  const top = expanded.get(output) ?? [{ coefficient: ONE, exponents: new Map([[output, ONE]]) }];
  return { ok: true, terms: top };
}

/** A product term's value at some input values (every input of the term must be present). */
export function termValue(term: ProductTerm, values: ReadonlyMap<string, Decimal>): Decimal {
  let value = term.coefficient;
  for (const [name, exponent] of term.exponents) {
    value = value.times(values.get(name)!.pow(exponent));
  }
  return value;
}
