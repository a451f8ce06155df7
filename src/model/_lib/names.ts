// Names in formulas: where a name first occurs in a tree, and which names look like typos of others.
import { editDistance } from "../../_lib/closest.js";
import type { FormulaNode } from "../../formula/ast.js";

/** The first occurrence of `name` in a formula tree (reading order), or undefined. */
export function findName(root: FormulaNode, name: string): FormulaNode | undefined {
  const stack: FormulaNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case "name":
        if (node.name === name) return node;
        break;
      case "unary":
      case "not":
        stack.push(node.operand);
        break;
      case "sum":
      case "product":
        for (let i = node.rest.length - 1; i >= 0; i--) stack.push(node.rest[i]!.operand);
        stack.push(node.first);
        break;
      case "power":
        stack.push(node.exponent, node.base);
        break;
      case "compare":
        stack.push(node.right, node.left);
        break;
      case "logical":
        for (let i = node.operands.length - 1; i >= 0; i--) stack.push(node.operands[i]!);
        break;
      case "call":
        for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]!);
        break;
      default:
        break;
    }
  }
  return undefined;
}

const withoutDigits = (name: string): string => name.replace(/\p{Nd}/gu, "");
const LATIN_NAME = /^[A-Za-z0-9_]+$/;

/**
 * True when `name` looks like a misspelling of `intended`: the same but for letter case, or, for
 * names written in Latin letters, one edit apart (an insertion, deletion, substitution or swap of
 * neighbours). Short names (`a`, `b`, `x_1`), names that differ only in digits (`price1`, `price2`)
 * and names in other scripts (`新客户数`, `老客户数`: one character apart, two different things) are
 * told apart on purpose, so they never count.
 */
export function likelyTypo(name: string, intended: string): boolean {
  if (name === intended) return false;
  if (name.toLowerCase() === intended.toLowerCase()) return true;
  if (!LATIN_NAME.test(name) || !LATIN_NAME.test(intended)) return false;
  const shorter = Math.min(name.length, intended.length);
  const longer = Math.max(name.length, intended.length);
  if (shorter < 3 || longer < 4 || longer - shorter > 1) return false;
  if (withoutDigits(name) === withoutDigits(intended)) return false;
  return editDistance(name, intended) <= 1;
}
