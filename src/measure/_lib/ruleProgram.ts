// Alert rules compiled once into closures over an array of fact values, as compiled models are: the
// condition's names resolve to slots here, literals to constants, calls to their function-table
// entries. Facts may be numbers or conditions, so every position checks its value's type, as the
// interpreter does; where a check fails or an operation throws, evaluateRules runs the interpreter,
// which gives the one canonical error. No code is ever generated from text.
import type { Decimal } from "../../_lib/decimal.js";
import type { FormulaNode } from "../../formula/ast.js";
import type { Arguments, FormulaSource, Value } from "../../formula/internal.js";
import {
  add,
  buildCall,
  compareNumbers,
  divide,
  formulaCost,
  multiply,
  negate,
  power,
  subtract,
} from "../../formula/internal.js";
import type { CompiledRule } from "../compileRules.js";

/** A compiled formula: reads the fact values by slot. */
type Run<T> = (values: readonly Value[]) => T;

/** Thrown where a value has the wrong type; the interpreter then says why. */
export class RuleMismatch extends Error {}

/** One rule's condition, compiled: the slots of the facts it reads, and the closure. */
export interface RuleProgram {
  /** The slot of each fact the rule reads, in the order of the rule's `facts`. */
  readonly slots: readonly number[];
  /** Evaluates the condition; a value that is not a condition throws {@link RuleMismatch}. */
  readonly run: Run<boolean>;
}

/** Compiles a parsed (and type-checked) condition; `slotOf` gives each fact name its slot. */
export function compileCondition(
  root: FormulaNode,
  slotOf: (name: string) => number,
  source: FormulaSource,
): Run<boolean> {
  const value = (node: FormulaNode): Run<Value> => {
    switch (node.kind) {
      case "number":
      case "boolean": {
        const constant = node.value;
        return () => constant;
      }
      case "name": {
        const slot = slotOf(node.name);
        return (values) => values[slot]!;
      }
      case "unary": {
        const operand = number(node.operand);
        return node.op === "-" ? (values) => negate(operand(values)) : operand;
      }
      case "not": {
        const operand = condition(node.operand);
        return (values) => !operand(values);
      }
      case "sum":
      case "product": {
        const head = number(node.first);
        const steps = node.rest.map((link) => {
          const operand = number(link.operand);
          const at = link.operand;
          switch (link.op) {
            case "+":
              return (total: Decimal, values: readonly Value[]) =>
                add(total, operand(values), at, source);
            case "-":
              return (total: Decimal, values: readonly Value[]) =>
                subtract(total, operand(values), at, source);
            case "*":
              return (total: Decimal, values: readonly Value[]) =>
                multiply(total, operand(values), at, source);
            default:
              return (total: Decimal, values: readonly Value[]) =>
                divide(total, operand(values), at, source);
          }
        });
        return (values) => {
          let total = head(values);
          for (let i = 0; i < steps.length; i++) total = steps[i]!(total, values);
          return total;
        };
      }
      case "power": {
        const base = number(node.base);
        const exponent = number(node.exponent);
        return (values) => power(base(values), exponent(values), node, source);
      }
      case "compare": {
        const left = value(node.left);
        const right = value(node.right);
        const op = node.op;
        const equality = op === "==" || op === "!=";
        return (values) => {
          const a = left(values);
          const b = right(values);
          if (typeof a === "boolean" || typeof b === "boolean") {
            if (typeof a !== typeof b || !equality) throw new RuleMismatch();
            return op === "==" ? a === b : a !== b;
          }
          return compareNumbers(op, a, b);
        };
      }
      case "logical": {
        const operands = node.operands.map(condition);
        const stopOn = node.op === "or";
        return (values) => {
          for (let i = 0; i < operands.length; i++) {
            if (operands[i]!(values) === stopOn) return stopOn;
          }
          return !stopOn;
        };
      }
      case "call": {
        const args: Arguments<readonly Value[]> = {
          count: node.args.length,
          number: (index) => number(node.args[index]!),
          condition: (index) => condition(node.args[index]!),
          value: (index) => value(node.args[index]!),
        };
        return buildCall(node, args, source);
      }
    }
  };

  const number = (node: FormulaNode): Run<Decimal> => {
    const run = value(node);
    return (values) => {
      const result = run(values);
      if (typeof result === "boolean") throw new RuleMismatch();
      return result;
    };
  };

  const condition = (node: FormulaNode): Run<boolean> => {
    const run = value(node);
    return (values) => {
      const result = run(values);
      if (typeof result !== "boolean") throw new RuleMismatch();
      return result;
    };
  };

  return condition(root);
}

/** Where compiled rules keep their closures: not enumerable, so a spread or JSON leaves them out. */
const PROGRAM: unique symbol = /* @__PURE__ */ Symbol("targetree.rulesProgram");

/** The closures of compiled rules, with the fact names they read (one slot each). */
export interface RulesProgram {
  /** The compiled rules object the closures were made for: closures copied elsewhere are ignored. */
  readonly owner: object;
  /** Every fact name the rules read, in order of first appearance; a fact's slot is its index. */
  readonly facts: readonly string[];
  /** One program per rule, in rule order. */
  readonly rules: readonly RuleProgram[];
  /** What one evaluation of all the rules costs in work units, worked out once. */
  readonly cost: RulesCost;
}

/** The work units of one evaluation of a rule list, and its dearest rule. */
export interface RulesCost {
  readonly units: number;
  readonly costlyPowers: number;
  readonly dearestUnits: number;
  readonly dearestIndex: number;
  readonly dearestId: string;
}

/** Compiles each rule's condition and attaches the closures to `target` (the compiled rules object). */
export function attachProgram<T extends object>(target: T, rules: readonly CompiledRule[]): T {
  const facts: string[] = [];
  const slots = new Map<string, number>();
  const slotOf = (name: string): number => {
    let slot = slots.get(name);
    if (slot === undefined) {
      slot = facts.length;
      facts.push(name);
      slots.set(name, slot);
    }
    return slot;
  };
  const programs = rules.map(
    (rule): RuleProgram => ({
      slots: rule.facts.map(slotOf),
      run: compileCondition(rule.condition, slotOf, {
        name: undefined,
        text: undefined,
        path: [],
      }),
    }),
  );
  const cost = rulesCost(rules);
  Object.defineProperty(target, PROGRAM, {
    value: Object.freeze({ owner: target, facts, rules: programs, cost } satisfies RulesProgram),
    enumerable: false,
  });
  return target;
}

/**
 * What one evaluation of the rules costs in work units, and the dearest rule. `check` is called on
 * each rule first (rules from elsewhere are checked as trees before they are walked).
 */
export function rulesCost(
  rules: readonly CompiledRule[],
  check?: (rule: CompiledRule, position: number) => void,
): RulesCost {
  let units = 0;
  let costlyPowers = 0;
  let dearest = { units: -1, index: 0, id: "" };
  rules.forEach((rule, position) => {
    check?.(rule, position);
    const cost = formulaCost(rule.condition);
    units += cost.units;
    costlyPowers += cost.costlyPowers;
    if (cost.units > dearest.units) dearest = { units: cost.units, index: rule.index, id: rule.id };
  });
  return {
    units,
    costlyPowers,
    dearestUnits: Math.max(dearest.units, 0),
    dearestIndex: dearest.index,
    dearestId: dearest.id,
  };
}

/** The closures of rules made by {@link compileRules}, or `null` for anything else (a copy, a forgery). */
export function programOf(rules: unknown): RulesProgram | null {
  if (typeof rules !== "object" || rules === null) return null;
  const program = Object.getOwnPropertyDescriptor(rules, PROGRAM)?.value as
    | RulesProgram
    | undefined;
  return program !== undefined && program.owner === rules ? program : null;
}
